/**
 * Contract of the `checkin` cloud function: the rotating class code, scanning it, and attendance.
 *
 * The code a staff member shows changes every CHECKIN_WINDOW_SECONDS. Its token is fixed-width so it
 * also fits a wxacode `scene` (≤ 32 characters from a restricted set): 8 characters naming the lesson,
 * 6 for the time window, 10 of signature. The server accepts the current and the previous window.
 */
export const CHECKIN_WINDOW_SECONDS = 15
export const CHECKIN_TOKEN = /^[A-Za-z0-9_-]{24}$/
/** The mini-program page a scanned code opens; the token travels as `scene`. */
export const CHECKIN_PAGE = 'pages/checkin/index'

export type AttendanceMethod = 'scan' | 'manual'

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
  token: string
  /** What a scanner reads: the page and the token as its scene, e.g. for a plain QR code. */
  path: string
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
}
export interface CheckInResult {
  /** 'already': a repeat scan — the first check-in stands. */
  status: 'checked_in' | 'already'
  late: boolean
  at: string
  lesson: LessonRef
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
  IssueCheckinCodeRequest | CheckInRequest | AttendanceLiveRequest | MarkAttendanceRequest | MyAttendanceRequest

export interface CheckinResults {
  issueCheckinCode: CheckinCode
  checkIn: CheckInResult
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
