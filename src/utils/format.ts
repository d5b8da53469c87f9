import { formatTimeRange, inShanghai, type Instant } from '@core'

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** "11月28日 周六" — the day part of a lesson row; the time range sits beside it. */
export function formatLessonDay(at: Instant): string {
  const d = inShanghai(at)
  return `${d.format('M月D日')} 周${WEEKDAYS[d.day()]}`
}

/** "11月28日 周六 19:00–21:00". */
export function formatLessonSlot(start: Instant, end: Instant): string {
  return `${formatLessonDay(start)} ${formatTimeRange(start, end)}`
}

/** "12月3日 周四 14:00": people plan by weekday. */
export function formatShortDateTime(at: Instant): string {
  return `${formatLessonDay(at)} ${inShanghai(at).format('HH:mm')}`
}

/** A deadline read at a glance: "14:00" today, "明天 08:00", otherwise "12月3日 周四 14:00". */
export function formatDeadline(at: Instant, now: Instant = new Date()): string {
  const d = inShanghai(at)
  const today = inShanghai(now).startOf('day')
  const day = d.startOf('day').diff(today, 'day')
  if (day === 0) return d.format('HH:mm')
  if (day === 1) return `明天 ${d.format('HH:mm')}`
  return formatShortDateTime(at)
}

/** The lesson a worker should look at next: the first one not yet over. */
export function nextLesson<T extends { startsAt: string; endsAt: string }>(
  lessons: T[],
  now: Instant = new Date(),
): T | null {
  const t = new Date(now).getTime()
  return (
    [...lessons].sort((a, b) => a.startsAt.localeCompare(b.startsAt)).find((l) => new Date(l.endsAt).getTime() > t) ??
    null
  )
}

/** How full a course is, 0–100 for a bar's width; a course without seats counts as full. */
export function seatsTakenPercent(course: { seatsTaken: number; capacity: number }): number {
  const ratio = course.capacity > 0 ? Math.min(1, course.seatsTaken / course.capacity) : 1
  return Math.round(ratio * 100)
}
