import { isDuplicateKey, rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { RatingSummary } from '@core/contracts/outcomes'

/**
 * A worker's rating of a course. `_id` is `${courseId}_${openid}`: one per worker per course, by
 * construction. The course's instructor and category are copied in so the staff figures per
 * instructor come from one aggregation over this collection alone.
 */
export interface EvaluationDoc {
  _id: string
  courseId: string
  /** null once the worker deleted their profile: the rating still counts, nobody's name is on it. */
  openid: string | null
  instructor: string
  category: string
  rating: number
  comment: string
  createdAt: Date
  updatedAt: Date
  editableUntil: Date
}

export interface EvaluationRepo {
  findById(id: string): Promise<EvaluationDoc | null>
  findByIds(ids: string[]): Promise<EvaluationDoc[]>
  /** False when the worker already has one (a double tap): the caller then edits it. */
  addOnce(doc: EvaluationDoc): Promise<boolean>
  /** Conditional on the edit window still being open at `now`. */
  edit(id: string, patch: { rating: number; comment: string }, now: Date): Promise<boolean>
  /** Newest first, at most `limit`. */
  listByCourse(courseId: string, limit: number): Promise<EvaluationDoc[]>
  summaryOfCourse(courseId: string): Promise<RatingSummary>
  summaryOfProgramme(): Promise<RatingSummary>
  summaryByInstructor(): Promise<({ instructor: string; courses: number } & RatingSummary)[]>
  anonymise(openid: string): Promise<number>
}

type Counts = { rating: number; n: number }[]

/** From counts per star to the summary; the mean to one decimal. */
export function summarise(counts: Counts): RatingSummary {
  const distribution: RatingSummary['distribution'] = [0, 0, 0, 0, 0]
  let count = 0
  let sum = 0
  for (const { rating, n } of counts) {
    if (rating < 1 || rating > 5) continue
    distribution[rating - 1] += n
    count += n
    sum += rating * n
  }
  return { count, average: count ? Math.round((sum / count) * 10) / 10 : null, distribution }
}

const MAX_ROWS = 5000

export function createEvaluationRepo(db: Db): EvaluationRepo {
  const evaluations = db.collection(COLLECTIONS.evaluations)
  const _ = db.command
  const $ = _.aggregate
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const aggregate = async <T>(pipeline: { end(...args: any[]): unknown }) =>
    ((await pipeline.end()) as { list: T[] }).list
  const countsWhere = async (match: Record<string, unknown>) =>
    (
      await aggregate<{ _id: number; n: number }>(
        evaluations
          .aggregate()
          .match(match)
          .group({ _id: '$rating', n: $.sum(1) })
          .limit(10),
      )
    ).map((r) => ({ rating: r._id, n: r.n }))
  return {
    async findById(id) {
      const [found] = await rows<EvaluationDoc>(evaluations.where({ _id: id }).limit(1))
      return found ?? null
    },
    async findByIds(ids) {
      const out: EvaluationDoc[] = []
      for (let i = 0; i < ids.length; i += 100) {
        out.push(...(await rows<EvaluationDoc>(evaluations.where({ _id: _.in(ids.slice(i, i + 100)) }).limit(100))))
      }
      return out
    },
    async addOnce(doc) {
      try {
        await evaluations.add({ data: doc })
        return true
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
        return false
      }
    },
    async edit(id, patch, now) {
      const n = await updatedCount(
        evaluations.where({ _id: id, editableUntil: _.gt(now) }).update({ data: { ...patch, updatedAt: now } }),
      )
      return n === 1
    },
    listByCourse(courseId, limit) {
      return rows<EvaluationDoc>(evaluations.where({ courseId }).orderBy('updatedAt', 'desc').limit(limit))
    },
    async summaryOfCourse(courseId) {
      return summarise(await countsWhere({ courseId }))
    },
    async summaryOfProgramme() {
      return summarise(await countsWhere({ rating: _.gte(1) }))
    },
    async summaryByInstructor() {
      const list = await aggregate<{ _id: { instructor: string; rating: number }; n: number; courses: string[] }>(
        evaluations
          .aggregate()
          .match({ rating: _.gte(1) })
          .group({
            _id: { instructor: '$instructor', rating: '$rating' },
            n: $.sum(1),
            courses: $.addToSet('$courseId'),
          })
          .limit(MAX_ROWS),
      )
      const by = new Map<string, { counts: Counts; courses: Set<string> }>()
      for (const row of list) {
        const entry = by.get(row._id.instructor) ?? { counts: [], courses: new Set<string>() }
        entry.counts.push({ rating: row._id.rating, n: row.n })
        for (const c of row.courses) entry.courses.add(c)
        by.set(row._id.instructor, entry)
      }
      return [...by.entries()]
        .map(([instructor, e]) => ({ instructor, courses: e.courses.size, ...summarise(e.counts) }))
        .sort((a, b) => (b.average ?? 0) - (a.average ?? 0) || b.count - a.count)
    },
    anonymise(openid) {
      return updatedCount(evaluations.where({ openid }).update({ data: { openid: null } }))
    },
  }
}
