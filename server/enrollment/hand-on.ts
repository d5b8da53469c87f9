import { ENROLL_RULES } from '@core/contracts/enrollment'
import { formatDateTime } from '@core/time'
import type { CourseDoc, SeatState } from '../repos/course-repo'
import { enrollmentId } from '../repos/enrollment-repo'
import { LEDGER_RETRIES, type EnrollmentDeps } from './deps'

/** How long a promoted worker may take to confirm: 12 h unless the course says otherwise, never past the first lesson. */
export function offerDeadline(now: Date, course: Pick<CourseDoc, 'firstLessonAt' | 'offerHoldHours'>): Date {
  const hours = course.offerHoldHours ?? ENROLL_RULES.offerHoldHours
  return new Date(Math.min(now.getTime() + hours * 3600_000, new Date(course.firstLessonAt).getTime()))
}

/** How many may wait for a course: its own limit, or as many as it has seats. */
export function waitlistLimit(course: Pick<CourseDoc, 'capacity' | 'waitlistLimit'>): number {
  return course.waitlistLimit ?? Math.max(1, Math.ceil(course.capacity * ENROLL_RULES.waitlistFactor))
}

/**
 * The record side of a seat the ledger has just offered to a waiting worker: the record moves from
 * waitlisted to offered and a notice is queued. A missing record (its enroll call crashed) is written
 * from the ledger by the enrollment sweep.
 */
export async function promoteToOffer(
  deps: Pick<EnrollmentDeps, 'enrollments' | 'notices'>,
  course: Pick<CourseDoc, '_id' | 'title'>,
  openid: string,
  until: Date,
  now: Date,
): Promise<void> {
  await deps.enrollments.transition(
    enrollmentId(course._id, openid),
    'waitlisted',
    { status: 'offered', offerExpiresAt: until },
    now,
  )
  await deps.notices.queue({
    _id: `offer_${course._id}_${openid}_${now.getTime()}`,
    openid,
    kind: 'offer',
    courseId: course._id,
    data: { title: course.title, deadline: formatDateTime(until) },
    createdAt: now,
  })
}

/**
 * Gives up `openid`'s seat and, in the same ledger update, offers it to the head of the waitlist.
 * Returns the openid it was offered to, null when it was freed, or undefined when `openid` held no
 * such seat (already released by a concurrent call: nothing to do, and no seat freed twice).
 */
export async function releaseAndHandOn(
  deps: EnrollmentDeps,
  courseId: string,
  openid: string,
  state: SeatState,
  now: Date,
): Promise<string | null | undefined> {
  for (let attempt = 0; attempt < LEDGER_RETRIES; attempt++) {
    const course = await deps.courses.findById(courseId)
    if (!course || course.seats?.[openid] !== state) return undefined
    const head = course.status === 'published' ? (course.waitlist[0] ?? null) : null
    if (!(await deps.courses.releaseSeat(courseId, openid, state, head, now))) continue
    if (head === null) return null
    await promoteToOffer(deps, course, head, offerDeadline(now, course), now)
    return head
  }
  throw new Error(`ledger of ${courseId} kept changing while releasing ${openid}`)
}
