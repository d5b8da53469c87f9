import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/** Instants are stored in UTC; everything a person reads or a timer schedules is in Shanghai time. */
export const ZONE = 'Asia/Shanghai'

export type Instant = string | number | Date

export function inShanghai(at: Instant): dayjs.Dayjs {
  return dayjs(at).tz(ZONE)
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** "11月28日 周六 19:00" — how a lesson time reads on a card. */
export function formatLessonTime(at: Instant): string {
  const d = inShanghai(at)
  return `${d.format('M月D日')} 周${WEEKDAYS[d.day()]} ${d.format('HH:mm')}`
}

/** "19:00–21:00", the end of a lesson on the same day. */
export function formatTimeRange(start: Instant, end: Instant): string {
  return `${inShanghai(start).format('HH:mm')}–${inShanghai(end).format('HH:mm')}`
}

export function formatDateTime(at: Instant): string {
  return inShanghai(at).format('YYYY年M月D日 HH:mm')
}

export function formatDate(at: Instant): string {
  return inShanghai(at).format('YYYY年M月D日')
}

/**
 * A moment relative to now, the way a person says it: "今天 18:30", "12月4日 周五（明天）18:30",
 * "12月6日 周日 18:30". A bare time is ambiguous the evening before a lesson, and people plan by weekday.
 */
export function formatWhen(at: Instant, now: Instant): string {
  const d = inShanghai(at)
  const days = d.startOf('day').diff(inShanghai(now).startOf('day'), 'day')
  if (days === 0) return `今天 ${d.format('HH:mm')}`
  const day = `${d.format('M月D日')} 周${WEEKDAYS[d.day()]}`
  if (days === 1) return `${day}（明天）${d.format('HH:mm')}`
  return `${day} ${d.format('HH:mm')}`
}

/** Builds an instant from a Shanghai wall-clock time, e.g. ("2026-12-01", "19:00"). */
export function shanghaiInstant(date: string, time = '00:00'): Date {
  return dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', ZONE).toDate()
}

export { dayjs }
