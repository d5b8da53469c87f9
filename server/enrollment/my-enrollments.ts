import type { EnrollmentView, MyEnrollmentsResult } from '@core/contracts/enrollment'
import { ok, type Reply } from '@core/reply'
import { toCourseCard, toLessonView } from '../course-views'
import { ACTIVE_STATUSES } from '@core/contracts/enrollment'
import { placeFacts } from './own-place'
import type { EnrollmentDeps } from './deps'
import { expireOffer } from './offers'
import type { LessonDoc } from '../repos/lesson-repo'
import type { CourseDoc } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'

const lessonsInOrder = (lessons: LessonDoc[]) =>
  [...lessons].sort((a, b) => new Date(a.startsAt).getTime() - new Date(b.startsAt).getTime())

/** A worker's courses: active ones (with lessons) first, then the ones that ended. */
export async function myEnrollments(
  deps: EnrollmentDeps,
  openid: string,
  now: Date,
): Promise<Reply<MyEnrollmentsResult>> {
  let docs = await deps.enrollments.listByOpenid(openid, 100)
  // An offer past its deadline is passed on at the worker's next look, whichever comes first with the timer.
  const stale = docs.filter((d) => d.status === 'offered' && d.offerExpiresAt && new Date(d.offerExpiresAt) <= now)
  if (stale.length > 0) {
    for (const d of stale) await expireOffer(deps, d, now)
    docs = await deps.enrollments.listByOpenid(openid, 100)
  }
  // Courses and their lessons in one request: the page opens on two.
  const courses = new Map(
    (await deps.courses.findByIdsWithLessons([...new Set(docs.map((d) => d.courseId))])).map((c) => [c._id, c]),
  )
  // A course whose last lesson has ended moves to the history, whatever the record says.
  const running = (courseId: string) => {
    const c = courses.get(courseId)
    return !!c && c.status === 'published' && new Date(c.lastLessonAt).getTime() > now.getTime()
  }
  const isActive = (d: { status: EnrollmentView['status']; courseId: string }) =>
    ACTIVE_STATUSES.includes(d.status) && running(d.courseId)
  const activeIds = docs.filter(isActive).map((d) => d.courseId)

  const views: EnrollmentView[] = []
  for (const d of docs) {
    const course = courses.get(d.courseId)
    if (!course) continue
    const active = isActive(d)
    views.push({
      courseId: d.courseId,
      status: d.status,
      ...placeFacts(course, openid, d.status, d.offerExpiresAt, now),
      updatedAt: new Date(d.updatedAt).toISOString(),
      ...cancellation(course, d),
      course: toCourseCard(course, now),
      lessons: active ? lessonsInOrder(course.lessons).map((l) => toLessonView(l, course)) : [],
    })
  }
  const activeSet = new Set(activeIds)
  return ok({
    active: views.filter((v) => activeSet.has(v.courseId)),
    past: views.filter((v) => !activeSet.has(v.courseId)),
  })
}

/**
 * Who ended a cancelled place. The union's cancellation writes the record at or after the course's
 * cancelledAt (and, since rosters are kept, records what the worker held); a worker who left earlier
 * wrote theirs before it.
 */
function cancellation(
  course: CourseDoc,
  d: EnrollmentDoc,
): Pick<EnrollmentView, 'cancelledBy' | 'cancelReason' | 'cancelUnseen'> {
  if (d.status !== 'cancelled') return { cancelledBy: null, cancelReason: null, cancelUnseen: false }
  const byUnion =
    course.status === 'cancelled' &&
    (!!d.formerStatus || (!!course.cancelledAt && new Date(d.updatedAt) >= new Date(course.cancelledAt)))
  if (!byUnion) return { cancelledBy: 'worker', cancelReason: null, cancelUnseen: false }
  return { cancelledBy: 'union', cancelReason: course.cancelReason ?? null, cancelUnseen: !d.cancelSeenAt }
}
