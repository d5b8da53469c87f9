/** The dates and times of the programme import, as staff type them in Excel or a text editor. */
import { inShanghai, shanghaiInstant } from '@core/time'

/** "2026-12-05", "2026/12/5" → "2026-12-05"; null when it is no such day. */
export function parseDate(value: string): string | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value)
  if (!m) return null
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
  // dayjs rolls 02-30 over into March; a date that does not survive the round trip does not exist.
  return inShanghai(shanghaiInstant(date)).format('YYYY-MM-DD') === date ? date : null
}

/** "19:00", "9:30", "19：00" (a full-width colon from a Chinese keyboard) → "HH:mm". */
export function parseTime(value: string): string | null {
  const m = /^(\d{1,2})[:：](\d{2})$/.exec(value)
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) return null
  return `${m[1].padStart(2, '0')}:${m[2]}`
}

export function parseDateTime(value: string): Date | null {
  const [d, t, ...rest] = value.split(/\s+/)
  const date = d ? parseDate(d) : null
  const time = t ? parseTime(t) : null
  return date && time && rest.length === 0 ? shanghaiInstant(date, time) : null
}

export const DATE_HINT = '格式应为 YYYY-MM-DD，如 2026-12-05'
export const TIME_HINT = '格式应为 HH:mm（24 小时制），如 19:00'
export const DATETIME_HINT = '格式应为 YYYY-MM-DD HH:mm，如 2026-12-01 09:00'
