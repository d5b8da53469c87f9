import { formatTimeRange, inShanghai, type Instant } from '@/core'

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
