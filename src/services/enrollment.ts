import type { EnrollResult, MyEnrollmentsResult, Reply, SeatChangeResult } from '@core'
import { call } from './cloud'

export interface EnrollInput {
  courseId: string
  /** The worker agreed to wait: only then does a full course answer with a waitlist place. */
  joinWaitlist?: boolean
}

export function enroll(input: EnrollInput): Promise<Reply<EnrollResult>> {
  return call('enrollment', { action: 'enroll', ...input })
}

/** Gives back a seat or a waitlist place (a held offer is declined). */
export function cancelEnrollment(courseId: string): Promise<Reply<SeatChangeResult>> {
  return call('enrollment', { action: 'cancel', courseId })
}

export function confirmOffer(courseId: string): Promise<Reply<SeatChangeResult>> {
  return call('enrollment', { action: 'confirmOffer', courseId })
}

export function declineOffer(courseId: string): Promise<Reply<SeatChangeResult>> {
  return call('enrollment', { action: 'declineOffer', courseId })
}

export function myEnrollments(): Promise<Reply<MyEnrollmentsResult>> {
  return call('enrollment', { action: 'myEnrollments' })
}

/** 知道了 on a course the union cancelled. */
export function ackCancelled(courseId: string): Promise<Reply<{ seen: true }>> {
  return call('enrollment', { action: 'ackCancelled', courseId })
}
