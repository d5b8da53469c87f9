import type { ErrorCode, Instant } from '@/core'

/**
 * Check-in opens this many minutes before a lesson starts and closes when it ends. The server keeps the
 * same number per lesson (`checkinOpensBefore`, 30 for every lesson today) and decides; the app only uses
 * it to know when to offer the 签到 button.
 */
export const CHECKIN_OPENS_BEFORE_MINUTES = 30

interface Timed {
  startsAt: string
  endsAt: string
}

export function isCheckinOpen(lesson: Timed, now: Instant = new Date()): boolean {
  const t = new Date(now).getTime()
  const opens = new Date(lesson.startsAt).getTime() - CHECKIN_OPENS_BEFORE_MINUTES * 60_000
  return t >= opens && t <= new Date(lesson.endsAt).getTime()
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
