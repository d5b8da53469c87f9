import type { SeatChangeResult } from '@core/contracts/enrollment'
import { fail, ok, type Reply } from '@core/reply'
import type { CourseDoc } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import { enrollmentId } from '../repos/keys'
import type { EnrollmentDeps } from './deps'
import { finishConfirm, finishDecline, finishGiveBack, giveBack } from './lifecycle'

/**
 * A promoted worker takes the held seat if the offer has not run out: record first (its conditional
 * update checks the deadline), then the ledger. A retry after a crash between the two finishes the
 * ledger and answers "enrolled" again.
 */
export async function confirmOffer(
  deps: EnrollmentDeps,
  openid: string,
  courseId: string,
  now: Date,
): Promise<Reply<SeatChangeResult>> {
  const id = enrollmentId(courseId, openid)
  const confirmed = await deps.enrollments.transition(
    id,
    'offered',
    { status: 'enrolled', offerExpiresAt: null, noticeDue: null },
    now,
    { offerValidAt: now },
  )
  if (confirmed) {
    await finishConfirm(deps, courseId, openid, now)
    return ok({ status: 'enrolled' })
  }
  const current = await deps.enrollments.findById(id)
  if (current?.status === 'enrolled') {
    // A double tap, or a retry after a crash between record and ledger: make sure the seat is confirmed.
    await finishConfirm(deps, courseId, openid, now)
    return ok({ status: 'enrolled' })
  }
  if (current?.status === 'offered' && current.offerExpiresAt && new Date(current.offerExpiresAt) <= now) {
    // The deadline passed: pass the seat on now rather than wait for the timer.
    await expireOffer(deps, current, now)
    return fail('OFFER.EXPIRED')
  }
  return fail(current?.status === 'expired' ? 'OFFER.EXPIRED' : 'OFFER.NONE')
}

/**
 * The worker turns a held seat down: the "decline" of lifecycle.ts — the record, a course read, the
 * ledger (freed, or handed on), and the rest left to recovery. A cancel that found an offer (`seen`:
 * it has read the course) finishes the whole give-back instead, within its own budget.
 */
export async function declineOffer(
  deps: EnrollmentDeps,
  openid: string,
  courseId: string,
  now: Date,
  seen?: CourseDoc,
): Promise<Reply<SeatChangeResult>> {
  const id = enrollmentId(courseId, openid)
  if (!(await deps.enrollments.transition(id, 'offered', { status: 'declined', noticeDue: null }, now))) {
    return fail('OFFER.NONE')
  }
  if (seen) await finishGiveBack(deps, courseId, openid, now, { seen })
  else await finishDecline(deps, courseId, openid, now)
  return ok({ status: 'declined' })
}

/** Ends an offer whose deadline passed and hands the seat to the next worker. False when not due or already ended. */
export async function expireOffer(deps: EnrollmentDeps, doc: EnrollmentDoc, now: Date): Promise<boolean> {
  if (!doc.offerExpiresAt || new Date(doc.offerExpiresAt).getTime() > now.getTime()) return false
  return giveBack(deps, doc, 'offered', 'expired', now, { offerExpiredAt: now })
}
