/**
 * Contract of the `checkin` cloud function: the rotating class code, scanning it, and attendance.
 *
 * The code a staff member shows changes every CHECKIN_WINDOW_SECONDS. Its token is fixed-width so it
 * also fits a wxacode `scene` (≤ 32 characters from a restricted set): 8 characters naming the lesson,
 * 6 for the time window, 10 of signature. The server accepts the current window, and the previous one
 * only during the first CHECKIN_GRACE_SECONDS of the current: a code is good for at most 20 s.
 *
 * Presence: where the venue has coordinates the check-in also carries the phone's position
 * (core/rules/presence.ts); staff can instead scan the worker's own rotating code (反扫), which proves
 * presence by itself. The typed fallback is a 6-digit code changing every minute.
 */
import type { PhonePosition, PresenceMode } from '../rules/presence'

export const CHECKIN_WINDOW_SECONDS = 15
/** How long into a new window the previous class code is still accepted (a scan in flight). */
export const CHECKIN_GRACE_SECONDS = 5
export const CHECKIN_TOKEN = /^[A-Za-z0-9_-]{24}$/
/** The typed code: 6 digits, one per minute; the previous minute's is accepted for DIGITS_GRACE_SECONDS. */
export const DIGITS_WINDOW_SECONDS = 60
export const DIGITS_GRACE_SECONDS = 20
export const CHECKIN_DIGITS = /^[0-9]{6}$/
/** Wrong digit codes a worker may type per lesson before digits are locked for that lesson. */
export const DIGITS_MAX_WRONG = 5
/** The worker's personal code (反扫): `W` + lesson (8) + window (6) + worker handle (12) + signature (10). */
export const WORKER_CODE_WINDOW_SECONDS = 30
export const WORKER_CODE = /^W[A-Za-z0-9_-]{36}$/
/** Staff may take back their own 补签 this long after it (the snackbar's 撤销). */
export const UNDO_MARK_SECONDS = 120
/** The mini-program page a scanned code opens; the token travels as `scene`. */
export const CHECKIN_PAGE = 'pages/checkin/index'

/** scan: the class QR; digits: the typed code; staff_scan: 反扫; manual: 补签 by staff. */
export type AttendanceMethod = 'scan' | 'digits' | 'staff_scan' | 'manual'

/** How a lesson's check-in proves presence, as the staff code screen and the worker's page need it. */
export interface PresenceInfo {
  /** 'location': the phone's position is checked (the venue has coordinates and staff left it on). */
  mode: PresenceMode
  radiusM: number
  /** The venue has coordinates (location cannot be checked without them). */
  venueLocated: boolean
  /** Staff allowed the 6-digit code without a position for this lesson. */
  allowDigits: boolean
}

export interface LessonRef {
  lessonId: string
  courseId: string
  courseTitle: string
  index: number
  lessonCount: number
  startsAt: string
  endsAt: string
  venueName: string
}

export interface IssueCheckinCodeRequest {
  action: 'issueCheckinCode'
  lessonId: string
  /** Also return the wxacode image (for workers scanning with WeChat's camera). */
  withImage?: boolean
}
export interface CheckinCode {
  /** False before check-in opens (and after it closes): no live code is handed out then. */
  live: boolean
  /** Empty while not live. */
  token: string
  /** What a scanner reads: the page and the token as its scene, e.g. for a plain QR code. */
  path: string
  /** The 6-digit typed code of this minute; empty while not live. */
  digits: string
  /** When the screen should fetch the next digits. */
  digitsRefreshInMs: number
  presence: PresenceInfo
  /** ISO; the code is refused after this (one window of grace for a slow scan). */
  validUntil: string
  /** When the screen should fetch the next code. */
  refreshInMs: number
  /** PNG (base64) of the wxacode for this token, when asked for. */
  imageBase64: string | null
  lesson: LessonRef
  /** ISO; check-in opens and closes at these moments. */
  opensAt: string
  closesAt: string
}

export interface CheckInRequest {
  action: 'checkIn'
  /** The token, or the whole scanned text (a path with `scene=`), as the scanner returned it. */
  code: string
  /** The phone's position (GCJ-02); required where the lesson checks location. */
  position?: PhonePosition
}
export interface CheckInDigitsRequest {
  action: 'checkInDigits'
  lessonId: string
  digits: string
  position?: PhonePosition
}
export interface CheckInResult {
  /** 'already': a repeat scan — the first check-in stands. */
  status: 'checked_in' | 'already'
  late: boolean
  at: string
  lesson: LessonRef
}

/** Worker: today's lessons they hold a seat in, for the 签到码 page and typing digits. */
export interface MyCheckinLessonsRequest {
  action: 'myCheckinLessons'
}
export interface MyCheckinLesson {
  lesson: LessonRef
  opensAt: string
  closesAt: string
  presence: PresenceInfo
  checkedIn: boolean
}
export interface MyCheckinLessonsResult {
  lessons: MyCheckinLesson[]
}

/** Worker: their personal rotating code for a lesson (反扫). */
export interface MyCheckinCodeRequest {
  action: 'myCheckinCode'
  lessonId: string
}
export interface MyCheckinCode {
  code: string
  refreshInMs: number
  validUntil: string
  lesson: LessonRef
}

/** Staff scanned a worker's personal code at the door. */
export interface StaffCheckInRequest {
  action: 'staffCheckIn'
  code: string
  /** The lesson on the staff member's screen: a code for another lesson is refused. */
  lessonId?: string
}
export interface StaffCheckInResult {
  status: 'checked_in' | 'already'
  late: boolean
  at: string
  /** For the staff member's visual check against the person in front of them. */
  name: string
  employer: string
  lesson: LessonRef
}

export interface SetCheckinOptionsRequest {
  action: 'setCheckinOptions'
  lessonId: string
  /** 允许仅输入数字码: the 6-digit code without a position, for this lesson. */
  allowDigits?: boolean
  /** Turn the location check off (or back on) for this lesson only. */
  presence?: PresenceMode
}

export interface UndoMarkRequest {
  action: 'undoMark'
  lessonId: string
  ref: string
}

export interface AttendanceLiveRequest {
  action: 'attendanceLive'
  lessonId: string
}
export interface AttendanceEntry {
  /** Opaque handle for markAttendance; never an openid. */
  ref: string
  name: string
  employer: string
  /** Last 4 digits, enough to tell two namesakes apart at the door. */
  phoneTail: string
  status: 'present' | 'late' | 'absent'
  at: string | null
  method: AttendanceMethod | null
}
export interface AttendanceLiveResult {
  lesson: LessonRef
  opensAt: string
  closesAt: string
  expected: number
  present: number
  late: number
  entries: AttendanceEntry[]
}

export interface MarkAttendanceRequest {
  action: 'markAttendance'
  lessonId: string
  ref: string
  /** Why the worker is marked by hand (e.g. 手机没电); kept for the audit. */
  reason: string
}

export interface MyAttendanceRequest {
  action: 'myAttendance'
}
export interface MyAttendanceResult {
  /** lessonId → the worker's check-in. */
  lessons: Record<string, { at: string; late: boolean }>
}

export type CheckinRequest =
  | IssueCheckinCodeRequest
  | CheckInRequest
  | CheckInDigitsRequest
  | MyCheckinLessonsRequest
  | MyCheckinCodeRequest
  | StaffCheckInRequest
  | SetCheckinOptionsRequest
  | UndoMarkRequest
  | AttendanceLiveRequest
  | MarkAttendanceRequest
  | MyAttendanceRequest

export interface CheckinResults {
  issueCheckinCode: CheckinCode
  checkIn: CheckInResult
  checkInDigits: CheckInResult
  myCheckinLessons: MyCheckinLessonsResult
  myCheckinCode: MyCheckinCode
  staffCheckIn: StaffCheckInResult
  setCheckinOptions: PresenceInfo
  undoMark: { status: 'undone' }
  attendanceLive: AttendanceLiveResult
  markAttendance: { status: 'checked_in' | 'already' }
  myAttendance: MyAttendanceResult
}

/** Pulls the token out of whatever a scanner returned: the bare token, a path with scene=, or a URL. */
export function extractCheckinToken(scanned: string): string | null {
  const text = scanned.trim()
  if (CHECKIN_TOKEN.test(text)) return text
  const m = /[?&#]scene=([^&#]+)/.exec(text)
  if (!m) return null
  let token: string
  try {
    token = decodeURIComponent(m[1])
  } catch {
    return null
  }
  return CHECKIN_TOKEN.test(token) ? token : null
}
