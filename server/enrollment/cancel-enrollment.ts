import type { SeatChangeResult } from '@core/contracts/enrollment'
import { fail, ok, type Reply } from '@core/reply'
import { enrollmentId } from '../repos/enrollment-repo'
import type { EnrollmentDeps } from './deps'
import { giveBack } from './lifecycle'
import { declineOffer } from './offers'

export function cancelDeadline(firstLessonAt: Date, hours: number): Date {
  return new Date(new Date(firstLessonAt).getTime() - hours * 3600_000)
}

/**
 * A worker gives a seat or waitlist place back (a give-back of lifecycle.ts): the record flips first,
 * checked, so a double cancel frees one place at most; the freed seat goes to the head of the waitlist
 * in the same ledger update.
 */
export async function cancelEnrollment(
  deps: EnrollmentDeps,
  openid: string,
  courseId: string,
  now: Date,
): Promise<Reply<SeatChangeResult>> {
  const id = enrollmentId(courseId, openid)
  const doc = await deps.enrollments.findById(id)
  if (!doc) return fail('ENROLL.NOT_FOUND')
  switch (doc.status) {
    case 'offered':
      return declineOffer(deps, openid, courseId, now)
    case 'waitlisted':
      if (!(await giveBack(deps, doc, 'waitlisted', 'cancelled', now))) return fail('CANCEL.NOT_ACTIVE')
      return ok({ status: 'cancelled' })
    case 'enrolled': {
      const course = await deps.courses.findById(courseId)
      if (!course) return fail('CATALOG.NOT_FOUND')
      if (course.status === 'published' && now >= cancelDeadline(course.firstLessonAt, course.cancelDeadlineHours)) {
        return fail('CANCEL.TOO_LATE')
      }
      if (!(await giveBack(deps, doc, 'enrolled', 'cancelled', now))) return fail('CANCEL.NOT_ACTIVE')
      return ok({ status: 'cancelled' })
    }
    default:
      return fail('CANCEL.NOT_ACTIVE')
  }
}
