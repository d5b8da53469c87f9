import { formatDateTime, maskPhone, type EnrollmentStatus, type RosterEntry } from '@core'

export const STATUS_LABELS: Record<EnrollmentStatus, string> = {
  enrolled: '已报名',
  offered: '待确认',
  waitlisted: '候补',
  cancelled: '已取消',
  expired: '已过期',
  declined: '已放弃',
}

export const ROSTER_CSV_HEADER = [
  '姓名',
  '手机号',
  '工作单位',
  '工会会员号',
  '状态',
  '候补顺位',
  '确认截止',
  '更新时间',
]

function cell(value: string | number | null): string {
  let s = value === null ? '' : String(value)
  // A cell starting with = + - @ runs as a formula in Excel; worker-typed names must never do that.
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** "已取消（原已报名）" on a cancelled course's roster: who was told, and what they had. */
export function statusLabel(e: Pick<RosterEntry, 'status' | 'formerStatus'>): string {
  const label = STATUS_LABELS[e.status] ?? e.status
  return e.status === 'cancelled' && e.formerStatus ? `${label}（原${STATUS_LABELS[e.formerStatus]}）` : label
}

/**
 * RFC 4180 with CRLF rows, Shanghai times; the BOM is added where the file is written. Phones are masked
 * (138****8000) as in the outcomes workbooks unless staff chose, after a warning, a file with full numbers.
 */
export function buildRosterCsv(entries: RosterEntry[], options: { fullPhones: boolean }): string {
  const rows = entries.map((e) => [
    e.name,
    options.fullPhones ? e.phone : maskPhone(e.phone),
    e.employer,
    e.memberNo,
    statusLabel(e),
    e.waitlistPosition,
    e.offerExpiresAt ? formatDateTime(e.offerExpiresAt) : null,
    formatDateTime(e.updatedAt),
  ])
  return [ROSTER_CSV_HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

/** File names cannot hold slashes and similar; the title is typed by staff. */
export function rosterFileName(title: string, at: Date): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)
  const stamp = at.toISOString().slice(0, 10).replace(/-/g, '')
  return `报名名单_${safe}_${stamp}.csv`
}
