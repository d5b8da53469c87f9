/**
 * The check-in feature's public entry: its use cases for the function entry, and what other features
 * need — a lesson's name inside codes (course editing), a worker's standing (profile deletion).
 */
export type { CheckinDeps } from './deps'
export { issueCheckinCode } from './issue-code'
export { checkIn } from './check-in'
export { checkInDigits } from './check-in-digits'
export { myCheckinCode, staffCheckIn } from './worker-code'
export { myCheckinLessons } from './my-lessons'
export { setCheckinOptions } from './checkin-options'
export { finishUndos, undoMark } from './undo-mark'
export { attendanceLive } from './attendance-live'
export { markAttendance } from './mark-attendance'
export { myAttendance } from './my-attendance'
export { countNoShows, type CountNoShowsResult } from './count-no-shows'
export { recordNoShow, clearNoShow, suspensionFrom, standingLapsed, type Recorded, type StandingDeps } from './standing'
export { lessonShortId } from './token'
