import type { SeatChangeResult } from '@core/contracts/enrollment'
import { fail, ok, type Reply } from '@core/reply'
import type { CourseDoc } from '../repos/course-repo'
import { enrollmentId } from '../repos/keys'
import type { EnrollmentDeps } from './deps'
import { giveBack, isActive, placeOf } from './lifecycle'
import { declineOffer } from './offers'

export function cancelDeadline(firstLessonAt: Date, hours: number): Date {
  return new Date(new Date(firstLessonAt).getTime() - hours * 3600_000)
}

/**
 * A worker gives a seat or waitlist place back (a give-back of lifecycle.ts). One course read tells the
 * place, the cancel deadline and the head of the waitlist; the record flips first, checked, so a double
 * cancel frees one place at most; the freed seat goes to the head of the waitlist in the same ledger
 * update that frees it.
 */
export async function cancelEnrollment(
  deps: EnrollmentDeps,
  openid: string,
  courseId: string,
  now: Date,
): Promise<Reply<SeatChangeResult>> {
  const course = await deps.courses.findById(courseId)
  if (!course) return fail('ENROLL.NOT_FOUND')
  const place = placeOf(course, openid)
  if (place === 'enrolled' && tooLate(course, now)) return fail('CANCEL.TOO_LATE')
  if (place === 'offered') {
    const declined = await declineOffer(deps, openid, courseId, now, course)
    if (declined.ok) return declined
  } else if (place) {
    const doc = { _id: enrollmentId(courseId, openid), courseId, openid }
    if (await giveBack(deps, doc, place, 'cancelled', now, { seen: course })) return ok({ status: 'cancelled' })
  }
  // Record and ledger disagree (a step cut short and not yet settled): give back what the record holds.
  const doc = await deps.enrollments.findById(enrollmentId(courseId, openid))
  if (!doc) return fail('ENROLL.NOT_FOUND')
  if (!isActive(doc.status)) return fail('CANCEL.NOT_ACTIVE')
  if (doc.status === 'enrolled' && tooLate(course, now)) return fail('CANCEL.TOO_LATE')
  const end = doc.status === 'offered' ? 'declined' : 'cancelled'
  if (!(await giveBack(deps, doc, doc.status, end, now))) return fail('CANCEL.NOT_ACTIVE')
  return ok({ status: end })
}

function tooLate(course: CourseDoc, now: Date): boolean {
  return course.status === 'published' && now >= cancelDeadline(course.firstLessonAt, course.cancelDeadlineHours)
}
