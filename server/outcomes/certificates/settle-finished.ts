import { ok, type Reply } from '@core/reply'
import type { OutcomesDeps } from '../deps'
import { settleCourse } from './settle-course'

const PAGE = 100
/** Courses that ended longer ago than this were settled by earlier runs (or by staff). */
const LOOKBACK_MS = 14 * 86400_000

export interface SettleFinishedResult {
  settled: number
  issued: number
  waiting: number
  partial: boolean
}

/**
 * The outcomes timer. A course is settled once its last lesson's attendance is final: the checkin
 * timer has counted that lesson's no-shows (`noShowsRecordedAt`), which it does only after the lesson
 * ended. Until then the course waits for a later run.
 */
export async function settleFinished(
  deps: OutcomesDeps,
  now: Date,
  budgetMs: number,
): Promise<Reply<SettleFinishedResult>> {
  const started = Date.now()
  const result: SettleFinishedResult = { settled: 0, issued: 0, waiting: 0, partial: false }
  for (let offset = 0; ; offset += PAGE) {
    const ended = await deps.settlements.listCoursesEndedBetween(
      new Date(now.getTime() - LOOKBACK_MS),
      now,
      offset,
      PAGE,
    )
    const done = new Set((await deps.settlements.findByIds(ended.map((c) => c._id))).map((s) => s._id))
    for (const course of ended) {
      if (done.has(course._id)) continue
      if (Date.now() - started > budgetMs) return ok({ ...result, partial: true })
      const lessons = await deps.lessons.listByCourse(course._id)
      const last = lessons[lessons.length - 1]
      if (!last?.noShowsRecordedAt) {
        result.waiting++
        continue
      }
      const reply = await settleCourse(deps, { courseId: course._id, by: 'timer' }, now)
      if (reply.ok) {
        result.settled++
        result.issued += reply.data.issued
      }
    }
    if (ended.length < PAGE) return ok(result)
  }
}
