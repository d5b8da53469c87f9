import { rows, total, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { UserDoc } from './user-repo'
import type { LessonDoc } from './lesson-repo'
import type { EnrollmentDoc } from './enrollment-repo'
import { enrollmentId } from './enrollment-repo'

export interface VenueDoc {
  name: string
  address: string
  lat?: number
  lng?: number
}

export type CourseStatus = 'draft' | 'published' | 'cancelled'
export type SeatState = 'enrolled' | 'offered'

/**
 * A seat of a course that is over keeps counting after its holder deleted their profile, under an
 * id with this prefix that names nobody (no record or user stands behind it).
 */
export const ERASED_HOLDER_PREFIX = 'gone_'

export interface CourseDoc {
  _id: string
  title: string
  category: string
  summary: string
  instructor: string
  venue: VenueDoc
  capacity: number
  /**
   * The seat ledger. `seats` maps each seat holder's openid to 'enrolled' or 'offered'; `seatsTaken`
   * is its size and `seatsLeft` is capacity - seatsTaken. All three change together in one conditional
   * update, so the ledger is exact at every moment however many function instances write at once.
   */
  seats: Record<string, SeatState>
  seatsTaken: number
  seatsLeft: number
  /** FIFO of openids waiting for a seat; `waitlistLength` is its length. */
  waitlist: string[]
  waitlistLength: number
  enrollOpensAt: Date
  enrollClosesAt: Date
  cancelDeadlineHours: number
  status: CourseStatus
  /** Kept in step with the lessons so the catalog can sort and show times without reading them. */
  firstLessonAt: Date
  lastLessonAt: Date
  lessonCount: number
  /** Set when staff cancel the course; workers see the reason. */
  cancelReason?: string
  cancelledAt?: Date
  /** Per-course overrides of the programme's rules (ENROLL_RULES); absent means the default. */
  offerHoldHours?: number
  waitlistLimit?: number
  createdAt: Date
  updatedAt: Date
}

/** What staff edit on a course, apart from its capacity and its ledger. */
export type CourseDetails = Pick<
  CourseDoc,
  | 'title'
  | 'category'
  | 'summary'
  | 'instructor'
  | 'venue'
  | 'enrollOpensAt'
  | 'enrollClosesAt'
  | 'cancelDeadlineHours'
  | 'firstLessonAt'
  | 'lastLessonAt'
  | 'lessonCount'
>

/** The ledger as a caller read it; a ledger write guarded by it fails if any of it moved since. */
export interface LedgerSeen {
  capacity: number
  seatsTaken: number
  waitlistLength: number
}

export interface CoursePage {
  items: CourseDoc[]
  total: number
}

export interface CourseRepo {
  findById(id: string): Promise<CourseDoc | null>
  /**
   * The course and the worker's own user record in one request (an aggregate joining users): what an
   * enroll needs to refuse without a second read.
   */
  findWithWorker(id: string, openid: string): Promise<{ course: CourseDoc | null; worker: UserDoc | null }>
  /** Up to 100 courses with their lessons (in no particular order), in one request. */
  findByIdsWithLessons(ids: string[]): Promise<(CourseDoc & { lessons: LessonDoc[] })[]>
  /** The course, its lessons in order and the worker's enrollment record, in one request. */
  findForPage(
    id: string,
    openid: string,
  ): Promise<{ course: CourseDoc | null; lessons: LessonDoc[]; record: EnrollmentDoc | null }>
  findByIds(ids: string[]): Promise<CourseDoc[]>
  /** Takes a free seat if the course is open for enrollment now and the worker holds none. */
  takeSeat(courseId: string, openid: string, now: Date): Promise<boolean>
  /** Queues the worker if the course is open, full, and the waitlist is below `limit`. */
  joinWaitlist(courseId: string, openid: string, limit: number, now: Date): Promise<boolean>
  leaveWaitlist(courseId: string, openid: string, now: Date): Promise<boolean>
  /**
   * Gives up `openid`'s seat (held as `state`). With `to`, the seat passes to that openid as an offer,
   * and only while `to` is still the head of the waitlist; without, it frees up only while nobody waits.
   */
  releaseSeat(courseId: string, openid: string, state: SeatState, to: string | null, now: Date): Promise<boolean>
  /** Turns `openid`'s offered seat into a confirmed one. */
  confirmSeat(courseId: string, openid: string, now: Date): Promise<boolean>
  /** Courses written in [from, to), oldest first, for the enrollment sweep. */
  listChangedBetween(from: Date, to: Date, offset: number, limit: number): Promise<CourseDoc[]>
  /** Published courses not over at `now`, and courses cancelled since `cancelledSince`: the sweep's full pass. */
  listLive(now: Date, cancelledSince: Date, offset: number, limit: number): Promise<CourseDoc[]>
  /** Published courses not yet over, soonest first. */
  listOpen(filter: { category?: string; now: Date; offset: number; limit: number }): Promise<CoursePage>
  /** Adds a new course; fails (throws) if the id is taken. */
  insert(doc: CourseDoc): Promise<void>
  /** Rewrites a published course's details, leaving capacity and ledger alone; false when not published. */
  updateDetails(id: string, details: CourseDetails, now: Date): Promise<boolean>
  /**
   * Sets the capacity of a published course while its ledger still reads `seen`, and in the same update
   * moves `offerTo` (the head of the waitlist, in order) into the seats as offers.
   */
  setCapacity(id: string, capacity: number, seen: LedgerSeen, offerTo: string[], now: Date): Promise<boolean>
  /** Cancels a published course of this capacity and empties its ledger; false when it was not so. */
  markCancelled(id: string, capacity: number, reason: string, now: Date): Promise<boolean>
  /** Makes drafts visible, returning how many were published. */
  publishDrafts(ids: string[], now: Date): Promise<number>
  removeDraft(id: string): Promise<boolean>
  /** Removes a course written at `createdAt` while nobody holds or waits for a seat in it. */
  removeUnjoined(id: string, createdAt: Date): Promise<boolean>
  /** Profile deletion: in a course over by `now`, the worker's seat moves to `alias`; counts stay. */
  forgetHolder(id: string, openid: string, state: SeatState, alias: string, now: Date): Promise<boolean>
  forgetWaiter(id: string, openid: string, now: Date): Promise<boolean>
}

async function removedCount(result: unknown): Promise<number> {
  return ((await result) as { stats: { removed: number } }).stats.removed
}

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

export function createCourseRepo(db: Db): CourseRepo {
  const courses = db.collection(COLLECTIONS.courses)
  const _ = db.command
  const openNow = (now: Date) => ({ status: 'published', enrollOpensAt: _.lte(now), enrollClosesAt: _.gt(now) })
  const change = (where: Record<string, unknown>, data: Record<string, unknown>) =>
    updatedCount(courses.where(where).update({ data })).then((n) => n === 1)
  return {
    async findByIds(ids) {
      if (ids.length === 0) return []
      return rows<CourseDoc>(courses.where({ _id: _.in(ids) }).limit(100))
    },
    takeSeat(courseId, openid, now) {
      return change(
        { _id: courseId, ...openNow(now), seatsLeft: _.gt(0), [`seats.${openid}`]: _.exists(false) },
        { [`seats.${openid}`]: 'enrolled', seatsTaken: _.inc(1), seatsLeft: _.inc(-1), updatedAt: now },
      )
    },
    joinWaitlist(courseId, openid, limit, now) {
      return change(
        {
          _id: courseId,
          ...openNow(now),
          seatsLeft: 0,
          waitlistLength: _.lt(limit),
          waitlist: _.neq(openid),
          [`seats.${openid}`]: _.exists(false),
        },
        { waitlist: _.push(openid), waitlistLength: _.inc(1), updatedAt: now },
      )
    },
    leaveWaitlist(courseId, openid, now) {
      return change(
        { _id: courseId, waitlist: openid },
        { waitlist: _.pull(openid), waitlistLength: _.inc(-1), updatedAt: now },
      )
    },
    releaseSeat(courseId, openid, state, to, now) {
      if (to === null) {
        return change(
          { _id: courseId, [`seats.${openid}`]: state, 'waitlist.0': _.exists(false) },
          { [`seats.${openid}`]: _.remove(), seatsTaken: _.inc(-1), seatsLeft: _.inc(1), updatedAt: now },
        )
      }
      return change(
        { _id: courseId, [`seats.${openid}`]: state, 'waitlist.0': to },
        {
          [`seats.${openid}`]: _.remove(),
          [`seats.${to}`]: 'offered',
          waitlist: _.shift(),
          waitlistLength: _.inc(-1),
          updatedAt: now,
        },
      )
    },
    confirmSeat(courseId, openid, now) {
      return change(
        { _id: courseId, [`seats.${openid}`]: 'offered' },
        { [`seats.${openid}`]: 'enrolled', updatedAt: now },
      )
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
    async findById(id) {
      const [found] = await rows<CourseDoc>(courses.where({ _id: id }).limit(1))
      return found ?? null
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
        .lookup({
          from: COLLECTIONS.enrollments,
          pipeline: $.pipeline()
            .match({ _id: enrollmentId(id, openid) })
            .done(),
          as: 'record',
        })
        .end()) as { list: (CourseDoc & { lessons: LessonDoc[]; record: EnrollmentDoc[] })[] }
      const [found] = res.list
      if (!found) return { course: null, lessons: [], record: null }
      const { lessons, record, ...course } = found
      return { course: course as CourseDoc, lessons, record: record[0] ?? null }
    },
    async findWithWorker(id, openid) {
      const $ = db.command.aggregate as unknown as AggregatePipeline
      const res = (await courses
        .aggregate()
        .match({ _id: id })
        .lookup({ from: COLLECTIONS.users, pipeline: $.pipeline().match({ _id: openid }).done(), as: 'worker' })
        .end()) as { list: (CourseDoc & { worker: UserDoc[] })[] }
      const [found] = res.list
      if (!found) return { course: null, worker: null }
      const { worker, ...course } = found
      return { course: course as CourseDoc, worker: worker[0] ?? null }
    },
    async listOpen({ category, now, offset, limit }) {
      const where: Record<string, unknown> = { status: 'published', lastLessonAt: _.gte(now) }
      if (category) where.category = category
      const [items, count] = await Promise.all([
        rows<CourseDoc>(
          courses
            .where(where)
            .field(CARD_FIELDS)
            .orderBy('firstLessonAt', 'asc')
            .orderBy('_id', 'asc')
            .skip(offset)
            .limit(limit),
        ),
        total(courses.where(where)),
      ])
      return { items, total: count }
    },
    async insert(doc) {
      await courses.add({ data: doc })
    },
    updateDetails(id, details, now) {
      return change({ _id: id, status: 'published' }, { ...details, venue: _.set(details.venue), updatedAt: now })
    },
    setCapacity(id, capacity, seen, offerTo, now) {
      const where: Record<string, unknown> = { _id: id, status: 'published', ...seen }
      offerTo.forEach((openid, i) => (where[`waitlist.${i}`] = openid))
      const seatsTaken = seen.seatsTaken + offerTo.length
      const data: Record<string, unknown> = { capacity, seatsTaken, seatsLeft: capacity - seatsTaken, updatedAt: now }
      if (offerTo.length > 0) {
        for (const openid of offerTo) data[`seats.${openid}`] = 'offered'
        data.waitlist = _.pullAll(offerTo)
        data.waitlistLength = seen.waitlistLength - offerTo.length
      }
      return change(where, data)
    },
    markCancelled(id, capacity, reason, now) {
      return change(
        { _id: id, status: 'published', capacity },
        {
          status: 'cancelled',
          seats: _.set({}),
          seatsTaken: 0,
          seatsLeft: capacity,
          waitlist: _.set([]),
          waitlistLength: 0,
          cancelReason: reason,
          cancelledAt: now,
          updatedAt: now,
        },
      )
    },
    async publishDrafts(ids, now) {
      let published = 0
      for (let i = 0; i < ids.length; i += 100) {
        published += await updatedCount(
          courses
            .where({ _id: _.in(ids.slice(i, i + 100)), status: 'draft' })
            .update({ data: { status: 'published', updatedAt: now } }),
        )
      }
      return published
    },
    async removeDraft(id) {
      return (await removedCount(courses.where({ _id: id, status: 'draft' }).remove())) === 1
    },
    async removeUnjoined(id, createdAt) {
      const where = { _id: id, createdAt, seatsTaken: 0, waitlistLength: 0 }
      return (await removedCount(courses.where(where).remove())) === 1
    },
    async forgetHolder(id, openid, state, alias, now) {
      const where = { _id: id, lastLessonAt: _.lte(now), [`seats.${openid}`]: state }
      const data = { [`seats.${openid}`]: _.remove(), [`seats.${alias}`]: state }
      return (await updatedCount(courses.where(where).update({ data }))) === 1
    },
    async forgetWaiter(id, openid, now) {
      const data = { waitlist: _.pull(openid), waitlistLength: _.inc(-1) }
      return (
        (await updatedCount(
          courses.where({ _id: id, lastLessonAt: _.lte(now), waitlist: openid }).update({ data }),
        )) === 1
      )
    },
  }
}
