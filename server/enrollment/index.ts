/**
 * The enrollment feature's public entry: the worker's use cases, the timer, and the lifecycle steps
 * other features (staff actions) must take through it rather than writing seats themselves.
 */
export type { EnrollmentDeps } from './deps'
export { LEDGER_RETRIES, STALE_AFTER_MS } from './deps'
export { enroll, type EnrollInput } from './enroll'
export { cancelEnrollment, cancelDeadline } from './cancel-enrollment'
export { confirmOffer, declineOffer, expireOffer } from './offers'
export { myEnrollments } from './my-enrollments'
export { ackCancelled } from './ack-cancelled'
export { sweepEnrollments, reconcileCourse, type EnrollmentSweepResult } from './sweep'
export { settle, type Repair } from './settle'
export {
  offerHeldSeat,
  endForCancelledCourse,
  offerDeadline,
  waitlistLimit,
  placeOf,
  isActive,
  claimCounts,
} from './lifecycle'
export { toOwnPlace } from './own-place'
export { createAdmissionGate, HOLD_MS, type AdmissionGate } from './gate'
