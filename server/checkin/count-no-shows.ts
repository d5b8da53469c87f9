import { ok, type Reply } from '@core/reply'
import { enrolledOpenids, type CheckinDeps } from './deps'
import { recordNoShow } from './standing'

const PAGE = 100
/** Lessons that ended within this long are still counted; older ones were counted by earlier runs. */
const LOOKBACK_MS = 7 * 86400_000

export interface CountNoShowsResult {
  lessons: number
  noShows: number
  suspended: number
  partial: boolean
}

/**
 * The checkin timer: after a lesson ends, every worker with a seat and no attendance gets a no-show
 * (standing.ts suspends after three in 60 days). Recording is idempotent per worker and lesson, so the
 * lesson is marked counted only after all its no-shows are in: a run that dies midway leaves it for
 * the next run to finish, and two overlapping runs count each worker once between them.
 * Stops before the time budget; the next run goes on.
 */
export async function countNoShows(deps: CheckinDeps, now: Date, budgetMs: number): Promise<Reply<CountNoShowsResult>> {
  const started = Date.now()
  const result: CountNoShowsResult = { lessons: 0, noShows: 0, suspended: 0, partial: false }
  const skip = new Set<string>()
  for (;;) {
    const ended = (await deps.lessons.listEndedUncounted(new Date(now.getTime() - LOOKBACK_MS), now, PAGE)).filter(
      (l) => !skip.has(l._id),
    )
    for (const lesson of ended) {
      if (Date.now() - started > budgetMs) return ok({ ...result, partial: true })
      const course = await deps.courses.findById(lesson.courseId)
      if (course?.status === 'published') {
        const present = new Set((await deps.attendance.listByLesson(lesson._id)).map((a) => a.openid))
        const endedAt = new Date(lesson.endsAt)
        for (const openid of await enrolledOpenids(deps, course._id)) {
          if (present.has(openid)) continue
          const recorded = await recordNoShow(deps, openid, lesson._id, endedAt, now)
          if (recorded.added) result.noShows++
          if (recorded.suspendedUntil) result.suspended++
        }
      }
      // Another run may have marked it meanwhile; each no-show was recorded once all the same.
      if (await deps.lessons.markNoShowsCounted(lesson._id, now)) result.lessons++
      skip.add(lesson._id)
    }
    if (ended.length < PAGE) return ok(result)
  }
}
