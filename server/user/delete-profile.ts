import { fail, ok, type Reply } from '@core/reply'
import type { CourseRepo } from '../repos/course-repo'
import type { UserRepo } from '../repos/user-repo'

/**
 * The worker's right to erase their data (PIPL). The profile goes; enrollment records stay, since they
 * carry only the pseudonymous openid and the programme's figures depend on them. Claims on courses
 * that are over or cancelled are let go first; a place in a running course must be cancelled by the
 * worker, so staff never lose the contact of someone they expect in class.
 */
export async function deleteProfile(
  deps: { users: UserRepo; courses: CourseRepo },
  openid: string,
  now: Date,
): Promise<Reply<{ deleted: boolean }>> {
  const user = await deps.users.findById(openid)
  if (!user) return ok({ deleted: false })
  const claimed = user.activeCourses ?? []
  const courses = await deps.courses.findByIds(claimed)
  const running = new Set(
    courses
      .filter((c) => c.status === 'published' && new Date(c.lastLessonAt).getTime() > now.getTime())
      .map((c) => c._id),
  )
  if (claimed.some((id) => running.has(id))) return fail('USER.HAS_ACTIVE_ENROLLMENTS')
  for (const id of claimed) await deps.users.releaseCourse(openid, id, now)
  // Conditional, so an enroll racing this call either lands first (and the delete is refused) or not at all.
  if (!(await deps.users.removeIfUnclaimed(openid))) return fail('USER.HAS_ACTIVE_ENROLLMENTS')
  return ok({ deleted: true })
}
