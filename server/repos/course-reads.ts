/** Reads of courses: single, listed, and joined with what one page or one enroll needs in the same request. */
import { DEFAULT_LEVEL } from '@core/contracts/catalog'
import { rows, total, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { CourseRepo } from './course-port'
import type { CourseDoc, SeatState } from './course-doc'
import type { EnrollmentDoc } from './enrollment-repo'
import { enrollmentId } from './enrollment-repo'
import type { LessonDoc } from './lesson-repo'
import type { UserDoc } from './user-repo'

type Coll = ReturnType<Db['collection']>

/** pipeline() is in the SDK, missing from its typings. */
interface SubPipeline {
  match(q: object): SubPipeline
  sort(s: object): SubPipeline
  limit(n: number): SubPipeline
  done(): object
}
type AggregatePipeline = { pipeline(): SubPipeline }

/** The catalog never needs the ledger's member lists. */
const CARD_FIELDS = { seats: false, waitlist: false }

/** An openid becomes part of a field path (`seats.<openid>`): only the characters WeChat's openids use. */
const SAFE_OPENID = /^[\w-]{1,64}$/

/** The aggregate operators used here; the SDK has them, its typings do not. */
interface AggregateOps {
  indexOfArray(args: unknown[]): object
  ifNull(args: unknown[]): object
}

/** Regular-expression metacharacters in a worker's search text are matched literally. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Courses alone. */
function plainReads(
  db: Db,
  courses: Coll,
): Pick<CourseRepo, 'findById' | 'findByIds' | 'listChangedBetween' | 'listLive' | 'listOpen'> {
  const _ = db.command
  return {
    async findById(id) {
      const [found] = await rows<CourseDoc>(courses.where({ _id: id }).limit(1))
      return found ?? null
    },
    async findByIds(ids) {
      if (ids.length === 0) return []
      return rows<CourseDoc>(courses.where({ _id: _.in(ids) }).limit(100))
    },
    listChangedBetween(from, to, offset, limit) {
      return rows<CourseDoc>(
        courses
          .where({ updatedAt: _.gte(from).and(_.lt(to)) })
          .orderBy('updatedAt', 'asc')
          .orderBy('_id', 'asc')
          .skip(offset)
          .limit(limit),
      )
    },
    listLive(now, cancelledSince, offset, limit) {
      return rows<CourseDoc>(
        courses
          .where(
            _.or([
              { status: 'published', lastLessonAt: _.gt(now) },
              { status: 'cancelled', cancelledAt: _.gte(cancelledSince) },
            ]),
          )
          .orderBy('_id', 'asc')
          .skip(offset)
          .limit(limit),
      )
    },
    async listOpen(filter) {
      const where = openWhere(db, filter)
      const { offset, limit, openid } = filter
      const $ = db.command.aggregate as unknown as AggregateOps
      // The caller's own place comes from each course's ledger in the same request (a seat state and a
      // waitlist index), so a card can say 已报名 / 候补第 N 位 / 待确认 without a second read; the
      // member lists themselves never leave the database.
      const page = courses
        .aggregate()
        .match(where)
        .sort({ firstLessonAt: 1, _id: 1 })
        .skip(offset)
        .limit(limit)
        .addFields({
          own: {
            seat: SAFE_OPENID.test(openid) ? `$seats.${openid}` : null,
            waitIndex: $.indexOfArray([$.ifNull(['$waitlist', []]), openid]),
          },
        })
        .project(CARD_FIELDS)
        .end() as Promise<{ list: (CourseDoc & { own: { seat?: SeatState | null; waitIndex: number } })[] }>
      const [res, count] = await Promise.all([page, total(courses.where(where))])
      const items = res.list.map((c) => ({ ...c, own: { seat: c.own.seat ?? null, waitIndex: c.own.waitIndex } }))
      return { items, total: count }
    },
  }
}

/**
 * The catalog's filters in one query. Courses written before levels and industries existed have
 * neither field: they match 入门 (what they show) and every industry (what an empty list means).
 */
function openWhere(db: Db, f: Parameters<CourseRepo['listOpen']>[0]): object {
  const _ = db.command
  const base: Record<string, unknown> = { status: 'published', lastLessonAt: _.gte(f.now) }
  if (f.category) base.category = f.category
  if (f.openOnly) {
    base.enrollOpensAt = _.lte(f.now)
    base.enrollClosesAt = _.gt(f.now)
    base.seatsLeft = _.gt(0)
  }
  const narrowing: object[] = []
  if (f.level === DEFAULT_LEVEL) narrowing.push(_.or([{ level: f.level }, { level: _.exists(false) }]))
  else if (f.level) base.level = f.level
  if (f.forIndustry) {
    narrowing.push(_.or([{ industries: f.forIndustry }, { industries: _.size(0) }, { industries: _.exists(false) }]))
  }
  if (f.search) {
    const re = () => db.RegExp({ regexp: escapeRegExp(f.search as string), options: 'i' })
    narrowing.push(_.or([{ title: re() }, { instructor: re() }, { 'venue.name': re() }]))
  }
  return narrowing.length === 0 ? base : _.and([base, ...narrowing])
}

/** Courses with what one request must bring along (the worker, lessons, the worker's record). */
function joinedReads(
  db: Db,
  courses: Coll,
): Pick<CourseRepo, 'findWithWorker' | 'findByIdsWithLessons' | 'findForPage'> {
  const _ = db.command
  return {
    async findWithWorker(id, openid) {
      const $ = db.command.aggregate as unknown as AggregatePipeline
      const res = (await courses
        .aggregate()
        .match({ _id: id })
        .lookup({ from: COLLECTIONS.users, pipeline: $.pipeline().match({ _id: openid }).done(), as: 'worker' })
        .lookup(ownRecord($, id, openid))
        .end()) as { list: (CourseDoc & { worker: UserDoc[]; record: EnrollmentDoc[] })[] }
      const [found] = res.list
      if (!found) return { course: null, worker: null, record: null }
      const { worker, record, ...course } = found
      return { course: course as CourseDoc, worker: worker[0] ?? null, record: record[0] ?? null }
    },
    async findByIdsWithLessons(ids) {
      if (ids.length === 0) return []
      const res = (await courses
        .aggregate()
        .match({ _id: _.in(ids) })
        .lookup({ from: COLLECTIONS.lessons, localField: '_id', foreignField: 'courseId', as: 'lessons' })
        .limit(100)
        .end()) as { list: (CourseDoc & { lessons: LessonDoc[] })[] }
      return res.list
    },
    async findForPage(id, openid) {
      const $ = db.command.aggregate as unknown as AggregatePipeline
      const res = (await courses
        .aggregate()
        .match({ _id: id })
        .lookup({
          from: COLLECTIONS.lessons,
          pipeline: $.pipeline().match({ courseId: id }).sort({ index: 1 }).limit(100).done(),
          as: 'lessons',
        })
        .lookup(ownRecord($, id, openid))
        .end()) as { list: (CourseDoc & { lessons: LessonDoc[]; record: EnrollmentDoc[] })[] }
      const [found] = res.list
      if (!found) return { course: null, lessons: [], record: null }
      const { lessons, record, ...course } = found
      return { course: course as CourseDoc, lessons, record: record[0] ?? null }
    },
  }
}

/** The worker's own enrollment record in the course, joined by its id: one per worker and course. */
function ownRecord($: AggregatePipeline, courseId: string, openid: string) {
  return {
    from: COLLECTIONS.enrollments,
    pipeline: $.pipeline()
      .match({ _id: enrollmentId(courseId, openid) })
      .done(),
    as: 'record',
  }
}

export function readMethods(db: Db, courses: Coll) {
  return { ...plainReads(db, courses), ...joinedReads(db, courses) }
}
