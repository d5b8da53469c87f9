import type { EnrollmentDeps } from '../enrollment'

/** Staff actions work on the same records and seat ledgers as enrollment, through the same repositories. */
export type AdminDeps = EnrollmentDeps

export { LEDGER_RETRIES } from '../enrollment'
export { inBatches, WRITE_CONCURRENCY } from '../batches'
