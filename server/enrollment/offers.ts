import type { SeatChangeResult } from '@core/contracts/enrollment'
import { fail, ok, type Reply } from '@core/reply'
import { enrollmentId, type EnrollmentDoc } from '../repos/enrollment-repo'
import type { EnrollmentDeps } from './deps'
import { releaseAndHandOn } from './hand-on'

/** A promoted worker takes the held seat, if the offer has not run out. */
export async function confirmOffer(
  deps: EnrollmentDeps,
  openid: string,
  courseId: string,
  now: Date,
): Promise<Reply<SeatChangeResult>> {
  const id = enrollmentId(courseId, openid)
  const doc = await deps.enrollments.findById(id)
  if (!doc || doc.status !== 'offered') return fail(doc?.status === 'expired' ? 'OFFER.EXPIRED' : 'OFFER.NONE')
  if (
    await deps.enrollments.transition(id, 'offered', { status: 'enrolled', offerExpiresAt: null }, now, {
      offerValidAt: now,
    })
  ) {
    await deps.courses.confirmOffer(courseId, openid, now)
    return ok({ status: 'enrolled' })
  }
  const current = await deps.enrollments.findById(id)
  if (current?.status === 'enrolled') return ok({ status: 'enrolled' }) // a double tap: the first one won
  if (current?.status === 'offered' && current.offerExpiresAt && new Date(current.offerExpiresAt) <= now) {
    // The deadline passed: pass the seat on now rather than wait for the timer.
    await expireOffer(deps, current, now)
    return fail('OFFER.EXPIRED')
  }
  return fail(current?.status === 'expired' ? 'OFFER.EXPIRED' : 'OFFER.NONE')
}

export async function declineOffer(
  deps: EnrollmentDeps,
  openid: string,
  courseId: string,
  now: Date,
): Promise<Reply<SeatChangeResult>> {
  const id = enrollmentId(courseId, openid)
  if (!(await deps.enrollments.transition(id, 'offered', { status: 'declined', offerExpiresAt: null }, now))) {
    return fail('OFFER.NONE')
  }
  await releaseAndHandOn(deps, courseId, openid, 'offered', now)
  await deps.users.releaseCourse(openid, courseId, now)
  return ok({ status: 'declined' })
}

/** Ends an offer whose deadline passed and hands the seat to the next worker. Idempotent. */
export async function expireOffer(deps: EnrollmentDeps, doc: EnrollmentDoc, now: Date): Promise<boolean> {
  if (doc.offerExpiresAt && new Date(doc.offerExpiresAt).getTime() > now.getTime()) return false
  const expired = await deps.enrollments.transition(doc._id, 'offered', { status: 'expired' }, now)
  if (expired) {
    const course = await deps.courses.findById(doc.courseId)
    await deps.notices.queue({
      _id: `offer_expired_${doc.courseId}_${doc.openid}_${new Date(doc.offerExpiresAt ?? now).getTime()}`,
      openid: doc.openid,
      kind: 'offer_expired',
      courseId: doc.courseId,
      data: { title: course?.title ?? '' },
      createdAt: now,
    })
  }
  // Even when another sweep flipped the record, make sure the seat left this worker (crash safety).
  const current = await deps.enrollments.findById(doc._id)
  if (current?.status === 'expired') {
    await releaseAndHandOn(deps, doc.courseId, doc.openid, 'offered', now)
    await deps.users.releaseCourse(doc.openid, doc.courseId, now)
  }
  return expired
}
