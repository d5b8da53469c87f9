import type { ErrorCode, Instant } from '@core'

interface Timed {
  checkinOpensAt: string
  endsAt: string
}

/** Whether to offer the 签到 button; the server decides whether the check-in counts. */
export function isCheckinOpen(lesson: Timed, now: Instant = new Date()): boolean {
  const t = new Date(now).getTime()
  return t >= new Date(lesson.checkinOpensAt).getTime() && t <= new Date(lesson.endsAt).getTime()
}

/** The lesson whose check-in is open now, if any (at most one: lessons of a course do not overlap). */
export function openCheckinLesson<T extends Timed>(lessons: T[], now: Instant = new Date()): T | null {
  return lessons.find((l) => isCheckinOpen(l, now)) ?? null
}

/** The big heading above a refusal; the server's message below it says what to do. */
const REFUSAL_TITLES: Partial<Record<ErrorCode, string>> = {
  'CHECKIN.BAD_CODE': '无法识别签到码',
  'CHECKIN.EXPIRED': '签到码已更新',
  'CHECKIN.NOT_OPEN': '签到还没开始',
  'CHECKIN.CLOSED': '签到已结束',
  'CHECKIN.NOT_ENROLLED': '您未报名这门课',
  'CHECKIN.LOCATION_REQUIRED': '需要确认您在上课现场',
  'CHECKIN.LOCATION_TOO_COARSE': '定位不够精确',
  'CHECKIN.TOO_FAR': '您不在上课地点附近',
  'CHECKIN.DIGITS_NEED_LOCATION': '需要确认您在上课现场',
  'CHECKIN.DIGITS_NOT_ALLOWED': '这节课不能只输数字码',
  'CHECKIN.WRONG_DIGITS': '数字码不对',
  'CHECKIN.DIGITS_LOCKED': '数字码已锁定',
  'CHECKIN.NOT_FOUND': '找不到这节课',
  'COMMON.INTERNAL': '网络不太好',
}

export function refusalTitle(code: string): string {
  return REFUSAL_TITLES[code as ErrorCode] ?? '签到没有成功'
}

/** Refusals about where the phone is: the result screen then offers 反扫 and how to allow location. */
export const LOCATION_REFUSALS: readonly string[] = [
  'CHECKIN.LOCATION_REQUIRED',
  'CHECKIN.LOCATION_TOO_COARSE',
  'CHECKIN.TOO_FAR',
  'CHECKIN.DIGITS_NEED_LOCATION',
  'CHECKIN.DIGITS_NOT_ALLOWED',
  'CHECKIN.DIGITS_LOCKED',
]
