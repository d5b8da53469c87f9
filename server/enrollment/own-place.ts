import type { OwnPlaceView } from '@core/contracts/catalog'
import type { CourseDoc } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import { cancelDeadline } from './cancel-enrollment'
import { placeOf } from './lifecycle'

/**
 * The worker's place as the course page shows it. The ledger says which place (it is what every
 * seat decision reads); the record adds the offer's deadline. A record the ledger does not back (a
 * take still in flight, or one recovery will remove) shows no place.
 */
export function toOwnPlace(
  course: CourseDoc,
  record: EnrollmentDoc | null,
  openid: string,
  now: Date,
): OwnPlaceView | null {
  const place = placeOf(course, openid)
  if (!place) return null
  const deadline = cancelDeadline(course.firstLessonAt, course.cancelDeadlineHours)
  const running = course.status === 'published' && new Date(course.lastLessonAt).getTime() > now.getTime()
  const position = place === 'waitlisted' ? (course.waitlist ?? []).indexOf(openid) + 1 : 0
  const offerEnds = place === 'offered' && record?.status === 'offered' ? record.offerExpiresAt : null
  return {
    status: place,
    waitlistPosition: position > 0 ? position : null,
    offerExpiresAt: offerEnds ? new Date(offerEnds).toISOString() : null,
    cancelDeadline: deadline.toISOString(),
    canCancel: running && (place !== 'enrolled' || now < deadline),
  }
}
