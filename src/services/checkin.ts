import Taro from '@tarojs/taro'
import type { CheckinCode, CheckinResults, CheckInResult, AttendanceLiveResult, MyAttendanceResult, Reply } from '@core'
import { call } from './cloud'

/** Staff: the code for the screen at the door; `withImage` also draws the wxacode (PNG, base64). */
export function issueCheckinCode(lessonId: string, withImage = true): Promise<Reply<CheckinCode>> {
  return call('checkin', { action: 'issueCheckinCode', lessonId, ...(withImage ? { withImage: true } : {}) })
}

/** Worker: `code` is the bare token or whatever the scanner read; the function extracts the token. */
export function checkIn(code: string): Promise<Reply<CheckInResult>> {
  return call('checkin', { action: 'checkIn', code })
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
