import type { OwnPlaceView } from '@core/contracts/catalog'
import type { EnrollmentStatus } from '@core/contracts/enrollment'
import type { CourseDoc } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import { cancelDeadline } from './cancel-enrollment'
import { isActive, placeOf } from './lifecycle'

/** What a worker reads about their place, whichever page shows it: place in line, deadlines, whether it can be given back. */
export function placeFacts(
  course: CourseDoc,
  openid: string,
  status: EnrollmentStatus,
  offerExpiresAt: Date | null,
  now: Date,
): Omit<OwnPlaceView, 'status'> {
  const deadline = cancelDeadline(course.firstLessonAt, course.cancelDeadlineHours)
  const running = course.status === 'published' && new Date(course.lastLessonAt).getTime() > now.getTime()
  const position = status === 'waitlisted' ? (course.waitlist ?? []).indexOf(openid) + 1 : 0
  return {
    waitlistPosition: position > 0 ? position : null,
    offerExpiresAt: status === 'offered' && offerExpiresAt ? new Date(offerExpiresAt).toISOString() : null,
    cancelDeadline: deadline.toISOString(),
    canCancel: running && isActive(status) && (status !== 'enrolled' || now < deadline),
  }
}

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
  const offerEnds = record?.status === 'offered' ? record.offerExpiresAt : null
  return { status: place, ...placeFacts(course, openid, place, offerEnds, now) }
}
