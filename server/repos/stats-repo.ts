import type { Db } from '../cloud'
import { COLLECTIONS } from '../collections'

/**
 * Figures across the programme, computed by the database's aggregation so no function reads every
 * record. Results are per category or per course: at most a few thousand rows, hence the explicit limit
 * (the cloud returns only 20 aggregation results unless told otherwise).
 */
export interface CategoryRow {
  category: string
  courses: number
  capacity: number
  seatsTaken: number
  waitlisted: number
}

export interface StatsRepo {
  publishedByCategory(): Promise<CategoryRow[]>
  /** startedBefore: the first lesson began by then (已开课); endedBefore: the last one ended (已结课). */
  countCourses(where: { status: 'published' | 'cancelled'; startedBefore?: Date; endedBefore?: Date }): Promise<number>
  /** Distinct workers with a confirmed seat (`enrolled`) in any course. */
  countSeatedWorkers(): Promise<number>
  countLessons(where: { endedBefore?: Date; endingAfter?: Date }): Promise<number>
  /** Lessons already over, per course, with that course's seats taken. */
  heldLessonsPerCourse(before: Date): Promise<{ courseId: string; held: number }[]>
  seatsTakenPerCourse(courseIds: string[]): Promise<Map<string, number>>
  countCheckIns(where: { late?: boolean }): Promise<number>
}

const MAX_ROWS = 5000

export function createStatsRepo(db: Db): StatsRepo {
  const _ = db.command
  const $ = _.aggregate
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const aggregateRows = async <T>(pipeline: { end(...args: any[]): unknown }) =>
    ((await pipeline.end()) as { list: T[] }).list
  const count = async (coll: string, where: Record<string, unknown>) =>
    ((await db.collection(coll).where(where).count()) as { total: number }).total
  return {
    async publishedByCategory() {
      const list = await aggregateRows<{ _id: string } & Omit<CategoryRow, 'category'>>(
        db
          .collection(COLLECTIONS.courses)
          .aggregate()
          .match({ status: 'published' })
          .group({
            _id: '$category',
            courses: $.sum(1),
            capacity: $.sum('$capacity'),
            seatsTaken: $.sum('$seatsTaken'),
            waitlisted: $.sum('$waitlistLength'),
          })
          .sort({ _id: 1 })
          .limit(MAX_ROWS),
      )
      return list.map(({ _id, ...rest }) => ({ category: _id, ...rest }))
    },
    countCourses({ status, startedBefore, endedBefore }) {
      const where: Record<string, unknown> = { status }
      if (startedBefore) where.firstLessonAt = _.lte(startedBefore)
      if (endedBefore) where.lastLessonAt = _.lt(endedBefore)
      return count(COLLECTIONS.courses, where)
    },
    async countSeatedWorkers() {
      const [row] = await aggregateRows<{ n: number }>(
        db
          .collection(COLLECTIONS.enrollments)
          .aggregate()
          .match({ status: 'enrolled' })
          .group({ _id: '$openid' })
          .count('n'),
      )
      return row?.n ?? 0
    },
    countLessons({ endedBefore, endingAfter }) {
      const where: Record<string, unknown> = {}
      if (endedBefore) where.endsAt = _.lt(endedBefore)
      if (endingAfter) where.endsAt = _.gte(endingAfter)
      return count(COLLECTIONS.lessons, where)
    },
    async heldLessonsPerCourse(before) {
      const list = await aggregateRows<{ _id: string; held: number }>(
        db
          .collection(COLLECTIONS.lessons)
          .aggregate()
          .match({ endsAt: _.lt(before) })
          .group({ _id: '$courseId', held: $.sum(1) })
          .limit(MAX_ROWS),
      )
      return list.map((r) => ({ courseId: r._id, held: r.held }))
    },
    async seatsTakenPerCourse(courseIds) {
      const out = new Map<string, number>()
      for (let i = 0; i < courseIds.length; i += 100) {
        const list = await aggregateRows<{ _id: string; seatsTaken: number; status: string }>(
          db
            .collection(COLLECTIONS.courses)
            .aggregate()
            .match({ _id: _.in(courseIds.slice(i, i + 100)) })
            .project({ seatsTaken: 1, status: 1 })
            .limit(100),
        )
        for (const c of list) if (c.status === 'published') out.set(c._id, c.seatsTaken)
      }
      return out
    },
    countCheckIns({ late }) {
      return count(COLLECTIONS.attendance, late === undefined ? {} : { late })
    },
  }
}
