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
  'CHECKIN.NOT_ENROLLED': '您没有报名这门课',
  'CHECKIN.NOT_FOUND': '找不到这节课',
  'COMMON.INTERNAL': '网络不太好',
}

export function refusalTitle(code: string): string {
  return REFUSAL_TITLES[code as ErrorCode] ?? '签到没有成功'
}
