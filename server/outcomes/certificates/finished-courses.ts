import { ok, type Reply } from '@core/reply'
import { FINISHED_PAGE_SIZE, type FinishedCoursesPage } from '@core/contracts/outcomes'
import type { OutcomesDeps } from '../deps'

/** Finished courses, latest first, with whether their completion is settled: the staff outcomes list. */
export async function finishedCourses(
  deps: Pick<OutcomesDeps, 'settlements'>,
  input: { cursor?: string },
  now: Date,
): Promise<Reply<FinishedCoursesPage>> {
  const offset = Math.max(0, Number.parseInt(input.cursor ?? '0', 10) || 0)
  const rows = await deps.settlements.listFinishedCourses(now, offset, FINISHED_PAGE_SIZE + 1)
  const page = rows.slice(0, FINISHED_PAGE_SIZE)
  const settled = new Map((await deps.settlements.findByIds(page.map((c) => c._id))).map((s) => [s._id, s]))
  return ok({
    courses: page.map((c) => {
      const s = settled.get(c._id)
      return {
        courseId: c._id,
        title: c.title,
        category: c.category,
        instructor: c.instructor,
        lastLessonAt: new Date(c.lastLessonAt).toISOString(),
        lessons: c.lessonCount,
        seatsTaken: c.seatsTaken,
        settledAt: s ? new Date(s.settledAt).toISOString() : null,
        qualified: s ? s.qualified : null,
      }
    }),
    nextCursor: rows.length > FINISHED_PAGE_SIZE ? String(offset + FINISHED_PAGE_SIZE) : null,
  })
}
