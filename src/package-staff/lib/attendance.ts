import type { AppError, AttendanceEntry, PresenceInfo, StaffCheckInResult } from '@core'

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

/** A staff scan of a worker's personal code (反扫), as the door tools show it. */
export type StaffScan =
  | { kind: 'idle' }
  | { kind: 'busy' }
  | { kind: 'done'; result: StaffCheckInResult }
  | { kind: 'refused'; error: AppError }

/** What the door tools (反扫 and the lesson's presence switch) show and do; useDoorTools provides it. */
export interface DoorTools {
  scan: StaffScan
  canScan: boolean
  submit: (code: string) => Promise<void>
  scanCamera: () => Promise<void>
  presence: PresenceInfo | null
  optionError: string | null
  toggleDigits: () => Promise<void>
  toggleLocation: () => Promise<void>
}
