import { fail, ok, type Reply } from '@core/reply'
import type { CourseRepo } from '../../repos/course-repo'
import type { WishRepo } from '../../repos/wish-repo'

/** After this long a scheduled wish whose course was never written is taken to be a save cut short. */
export const RELINK_AFTER_MS = 10 * 60_000

/**
 * Called by upsertCourse before it writes a new course made from a wish (转为课程草稿): marks the wish
 * scheduled with the course's id first, so a double tap on 保存 cannot make two courses of one wish.
 * A save cut short after this leaves the wish pointing at a course that does not exist; the staff page
 * shows it so, and after RELINK_AFTER_MS a new save may take the wish again.
 */
export async function scheduleWish(
  deps: { wishes: WishRepo; courses: CourseRepo },
  input: { wishId: string; courseId: string },
  now: Date,
): Promise<Reply<true>> {
  const field = { field: 'course.wishId' }
  const wish = await deps.wishes.findById(input.wishId)
  if (!wish) return fail('WISH.NOT_FOUND', field)
  const patch = { state: 'scheduled' as const, courseId: input.courseId, scheduledAt: now, votersNotifiedAt: null }
  if (wish.state === 'pending' || wish.state === 'published') {
    return (await deps.wishes.transition(wish._id, ['pending', 'published'], patch, now))
      ? ok(true)
      : fail('WISH.STATE_CHANGED', field)
  }
  if (wish.state !== 'scheduled') return fail('WISH.STATE_CHANGED', field)
  const stale = !wish.scheduledAt || now.getTime() - new Date(wish.scheduledAt).getTime() >= RELINK_AFTER_MS
  if (!stale || !wish.courseId || (await deps.courses.findById(wish.courseId))) {
    return fail('WISH.ALREADY_SCHEDULED', field)
  }
  return (await deps.wishes.markIf(wish._id, { state: 'scheduled', courseId: wish.courseId }, patch, now))
    ? ok(true)
    : fail('WISH.ALREADY_SCHEDULED', field)
}
