import type { AttendanceEntry } from '@core'

/** Reasons staff give most often when marking a worker by hand; one tap fills the reason in. */
export const MANUAL_REASONS = ['手机没电', '忘带手机', '现场核实'] as const

/** The same limits the function checks (server/checkin/mark-attendance.ts). */
export const MANUAL_REASON_LIMITS = { min: 2, max: 50 } as const

export function reasonLength(reason: string): number {
  return Array.from(reason.trim()).length
}

export function reasonOk(reason: string): boolean {
  const n = reasonLength(reason)
  return n >= MANUAL_REASON_LIMITS.min && n <= MANUAL_REASON_LIMITS.max
}

export type AttendanceGroupKey = 'absent' | 'late' | 'present'

export interface AttendanceGroup {
  key: AttendanceGroupKey
  title: string
  entries: AttendanceEntry[]
}

const GROUPS: { key: AttendanceGroupKey; title: string }[] = [
  // The ones staff act on come first.
  { key: 'absent', title: '未签到' },
  { key: 'late', title: '迟到' },
  { key: 'present', title: '已签到' },
]

/** Keeps the function's order inside each group (newest check-in first, then by name). */
export function groupAttendance(entries: AttendanceEntry[]): AttendanceGroup[] {
  return GROUPS.map((g) => ({ ...g, entries: entries.filter((e) => e.status === g.key) }))
}
