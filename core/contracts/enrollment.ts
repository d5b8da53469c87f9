/** Contract of the `enrollment` cloud function. */
import type { CourseCard, LessonView } from './catalog'

export type EnrollmentStatus = 'enrolled' | 'waitlisted' | 'offered' | 'cancelled' | 'expired' | 'declined'

/** The statuses that hold a place (a seat, an offer or a waitlist place); the others are history. */
export const ACTIVE_STATUSES: readonly EnrollmentStatus[] = ['enrolled', 'waitlisted', 'offered']

/** Programme-wide fairness rules; a course may override the ones stored on it. */
export const ENROLL_RULES = {
  /** Active seats + waitlist places + held offers per worker, so seats spread over many workers. */
  maxActivePerWorker: 3,
  cancelDeadlineHours: 24,
  offerHoldHours: 12,
  /** 北京时间 hours during which an offer's hold does not run (22:00 until 08:00 the next morning). */
  offerQuietHours: { from: 22, to: 8 },
  /** The waitlist stops at this multiple of capacity: a place further back would never be reached. */
  waitlistFactor: 1,
  noShow: { count: 3, windowDays: 60, suspendDays: 14 },
} as const

export interface EnrollRequest {
  action: 'enroll'
  courseId: string
  /** The worker agreed to wait when the course is full. Without it a full course answers ENROLL.FULL. */
  joinWaitlist?: boolean
}

export interface CourseRef {
  action: 'cancel' | 'confirmOffer' | 'declineOffer' | 'ackCancelled'
  courseId: string
}

export interface MyEnrollmentsRequest {
  action: 'myEnrollments'
}

export interface EnrollmentView {
  courseId: string
  status: EnrollmentStatus
  /** 1-based, only while waitlisted. */
  waitlistPosition: number | null
  /** ISO; only while offered. */
  offerExpiresAt: string | null
  /** ISO; the last moment a seat may be given back. */
  cancelDeadline: string
  canCancel: boolean
  updatedAt: string
  /** For a cancelled place: whether the union cancelled the course (工会已取消) or the worker left it (您已取消). */
  cancelledBy?: 'union' | 'worker' | null
  /** Why staff cancelled the course, when the union did. */
  cancelReason?: string | null
  /** A union cancellation the worker has not yet acknowledged with 知道了: shown at the top of 我的. */
  cancelUnseen?: boolean
  course: CourseCard
  lessons: LessonView[]
}

/** Results carry the new status only; the app re-reads the course to show fresh seat counts. */
export interface EnrollResult {
  status: 'enrolled' | 'waitlisted'
  waitlistPosition: number | null
}

export interface SeatChangeResult {
  status: EnrollmentStatus
}

export interface MyEnrollmentsResult {
  active: EnrollmentView[]
  past: EnrollmentView[]
}

export type EnrollmentRequest =
  | EnrollRequest
  | (CourseRef & { action: 'cancel' })
  | (CourseRef & { action: 'confirmOffer' })
  | (CourseRef & { action: 'declineOffer' })
  | (CourseRef & { action: 'ackCancelled' })
  | MyEnrollmentsRequest

export interface EnrollmentResults {
  enroll: EnrollResult
  cancel: SeatChangeResult
  confirmOffer: SeatChangeResult
  declineOffer: SeatChangeResult
  ackCancelled: { seen: true }
  myEnrollments: MyEnrollmentsResult
}
