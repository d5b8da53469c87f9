import Taro from '@tarojs/taro'
import type {
  AttendanceLiveResult,
  CheckinCode,
  CheckinResults,
  CheckInResult,
  MyAttendanceResult,
  MyCheckinCode,
  MyCheckinLessonsResult,
  PhonePosition,
  PresenceInfo,
  PresenceMode,
  Reply,
  StaffCheckInResult,
} from '@core'
import { call } from './cloud'

/** Staff: the code for the screen at the door; `withImage` also draws the wxacode (PNG, base64). */
export function issueCheckinCode(lessonId: string, withImage = true): Promise<Reply<CheckinCode>> {
  return call('checkin', { action: 'issueCheckinCode', lessonId, ...(withImage ? { withImage: true } : {}) })
}

/** Worker: `code` is the bare token or whatever the scanner read; the function extracts the token. */
export function checkIn(code: string, position?: PhonePosition): Promise<Reply<CheckInResult>> {
  return call('checkin', { action: 'checkIn', code, ...(position ? { position } : {}) })
}

/** Worker: the 6 digits typed from the screen, for one of today's lessons. */
export function checkInDigits(
  lessonId: string,
  digits: string,
  position?: PhonePosition,
): Promise<Reply<CheckInResult>> {
  return call('checkin', { action: 'checkInDigits', lessonId, digits, ...(position ? { position } : {}) })
}

export function myCheckinLessons(): Promise<Reply<MyCheckinLessonsResult>> {
  return call('checkin', { action: 'myCheckinLessons' })
}

/** Worker: the personal code staff scan at the door (反扫). */
export function myCheckinCode(lessonId: string): Promise<Reply<MyCheckinCode>> {
  return call('checkin', { action: 'myCheckinCode', lessonId })
}

/** Staff: a worker's personal code, scanned or pasted, for the lesson on screen. */
export function staffCheckIn(code: string, lessonId: string): Promise<Reply<StaffCheckInResult>> {
  return call('checkin', { action: 'staffCheckIn', code, lessonId })
}

export function setCheckinOptions(
  lessonId: string,
  options: { allowDigits?: boolean; presence?: PresenceMode },
): Promise<Reply<PresenceInfo>> {
  return call('checkin', { action: 'setCheckinOptions', lessonId, ...options })
}

/** Staff: take back a 补签 just made (the snackbar's 撤销). */
export function undoMark(lessonId: string, ref: string): Promise<Reply<CheckinResults['undoMark']>> {
  return call('checkin', { action: 'undoMark', lessonId, ref })
}

export function attendanceLive(lessonId: string): Promise<Reply<AttendanceLiveResult>> {
  return call('checkin', { action: 'attendanceLive', lessonId })
}

export function markAttendance(
  lessonId: string,
  ref: string,
  reason: string,
): Promise<Reply<CheckinResults['markAttendance']>> {
  return call('checkin', { action: 'markAttendance', lessonId, ref, reason })
}

export function myAttendance(): Promise<Reply<MyAttendanceResult>> {
  return call('checkin', { action: 'myAttendance' })
}

/** Only the weapp has a camera scanner; the H5 demo types the code instead. */
export function canScanCode(): boolean {
  return process.env.TARO_ENV === 'weapp'
}

/**
 * Opens WeChat's scanner. Our own wxacode comes back as `path` (page + scene), a plain QR code as
 * `result`; either goes to checkIn as is. Null when the worker closes the scanner, or on H5.
 */
export async function scanCheckinCode(): Promise<string | null> {
  if (!canScanCode()) return null
  try {
    // Camera only: a photo from the album would let a code travel by screenshot. 'wxCode' (our
    // mini-program code) is in WeChat's current docs but missing from Taro 4.2's types.
    const scanType = ['qrCode', 'wxCode'] as unknown as Taro.scanCode.Option['scanType']
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType })
    return result.path || result.result || null
  } catch {
    return null
  }
}

/** Staff: WeChat's scanner for a worker's personal code (any QR, camera only). Null if closed, or on H5. */
export async function scanWorkerCode(): Promise<string | null> {
  if (!canScanCode()) return null
  try {
    const result = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return result.result || null
  } catch {
    return null
  }
}
