import type { OutcomesDeps } from '../deps'
import type { ReportRepo } from '../../repos/report-repo'
import type { ExportLogRepo } from '../../repos/export-log-repo'
import type { EnrollmentRepo } from '../../repos/enrollment-repo'
import type { AttendanceRepo } from '../../repos/attendance-repo'
import type { SnapshotRepo } from '../../repos/snapshot-repo'

/** What the reports need besides the outcomes repositories. */
export interface ReportDeps extends OutcomesDeps {
  reports: ReportRepo
  exportLog: ExportLogRepo
  enrollments: EnrollmentRepo
  attendance: AttendanceRepo
  snapshots: SnapshotRepo
}

/** Phones are masked for every caller but an admin. */
export async function callerMasks(
  deps: Pick<OutcomesDeps, 'users'>,
  openid: string,
): Promise<{ role: string; masked: boolean }> {
  const role = (await deps.users.findById(openid))?.role ?? 'worker'
  return { role, masked: role !== 'admin' }
}
