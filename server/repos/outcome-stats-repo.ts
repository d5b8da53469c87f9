import type { Db } from '../cloud'
import { COLLECTIONS } from '../collections'

/** A worker's check-ins in one course. */
export interface WorkerAttendance {
  openid: string
  attended: number
  late: number
}

/**
 * Figures for the outcomes (certificates, reports), computed by the database's aggregation so no
 * function pages through every attendance record.
 */
export interface OutcomeStatsRepo {
  /** Check-ins per worker over the given lessons (a course's, at most a few dozen). */
  attendanceByWorker(lessonIds: string[]): Promise<WorkerAttendance[]>
  /** A worker's check-ins per course. */
  attendanceByCourse(openid: string): Promise<{ courseId: string; attended: number }[]>
}

/** A course has at most its capacity (≤ 500) of workers with check-ins. */
const MAX_ROWS = 5000

export function createOutcomeStatsRepo(db: Db): OutcomeStatsRepo {
  const $ = db.command.aggregate
  return {
    async attendanceByWorker(lessonIds) {
      if (lessonIds.length === 0) return []
      const res = (await db
        .collection(COLLECTIONS.attendance)
        .aggregate()
        // By lesson rather than course: the lessonId index serves it.
        .match({ lessonId: db.command.in(lessonIds) })
        .group({ _id: '$openid', attended: $.sum(1), late: $.sum($.cond([$.eq(['$late', true]), 1, 0])) })
        .limit(MAX_ROWS)
        .end()) as { list: { _id: string; attended: number; late: number }[] }
      return res.list.map((r) => ({ openid: r._id, attended: r.attended, late: r.late }))
    },
    async attendanceByCourse(openid) {
      const res = (await db
        .collection(COLLECTIONS.attendance)
        .aggregate()
        .match({ openid })
        .group({ _id: '$courseId', attended: $.sum(1) })
        .limit(MAX_ROWS)
        .end()) as { list: { _id: string; attended: number }[] }
      return res.list.map((r) => ({ courseId: r._id, attended: r.attended }))
    },
  }
}
