import type { EnrollmentDeps } from '../enrollment'
import type { AttendanceRepo } from '../repos/attendance-repo'

/**
 * Staff actions work on the same records and seat ledgers as enrollment, through the same
 * repositories; course edits also look at attendance (a lesson checked into stays where it is).
 */
export type AdminDeps = EnrollmentDeps & { attendance: AttendanceRepo }

export { LEDGER_RETRIES } from '../enrollment'
export { inBatches, WRITE_CONCURRENCY } from '../batches'
