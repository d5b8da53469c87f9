import { ok, type Reply } from '@core/reply'
import { recordNoShow } from '../enrollment/no-show'
import { enrolledOpenids, type CheckinDeps } from './deps'

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
 * (the enrollment rules suspend after three in 60 days). Each lesson is claimed by a conditional update
 * first, so overlapping runs never count a lesson twice. Stops before the time budget; the next run goes on.
 */
export async function countNoShows(deps: CheckinDeps, now: Date, budgetMs: number): Promise<Reply<CountNoShowsResult>> {
  const started = Date.now()
  const result: CountNoShowsResult = { lessons: 0, noShows: 0, suspended: 0, partial: false }
  for (;;) {
    const ended = await deps.lessons.listEndedUncounted(new Date(now.getTime() - LOOKBACK_MS), now, PAGE)
    for (const lesson of ended) {
      if (Date.now() - started > budgetMs) return ok({ ...result, partial: true })
      if (!(await deps.lessons.markNoShowsCounted(lesson._id, now))) continue
      const course = await deps.courses.findById(lesson.courseId)
      result.lessons++
      if (!course || course.status !== 'published') continue
      const present = new Set((await deps.attendance.listByLesson(lesson._id)).map((a) => a.openid))
      for (const openid of await enrolledOpenids(deps, course._id)) {
        if (present.has(openid)) continue
        result.noShows++
        if (await recordNoShow(deps, openid, lesson._id, new Date(lesson.endsAt))) result.suspended++
      }
    }
    if (ended.length < PAGE) return ok(result)
  }
}
