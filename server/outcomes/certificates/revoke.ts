import { fail, ok, type Reply } from '@core/reply'
import { CERTIFICATE_LIMITS } from '@core/contracts/outcomes'
import type { OutcomesDeps } from '../deps'

/**
 * Staff take a certificate back (e.g. attendance marked in error), with a reason kept on the record
 * together with who did it and when. Verification then answers "revoked" to anyone.
 */
export async function revokeCertificate(
  deps: Pick<OutcomesDeps, 'certificates'>,
  input: { certificateId: string; reason: string; by: string },
  now: Date,
): Promise<Reply<{ revoked: boolean }>> {
  const length = Array.from(input.reason).length
  const { min, max } = CERTIFICATE_LIMITS.revokeReason
  if (length < min || length > max) return fail('CERT.BAD_REASON', { field: 'reason' })
  const doc = await deps.certificates.findById(input.certificateId)
  if (!doc) return fail('CERT.NOT_FOUND', { field: 'certificateId' })
  if (doc.status === 'revoked') return fail('CERT.ALREADY_REVOKED')
  if (!(await deps.certificates.revoke(doc._id, input.by, input.reason, now))) return fail('CERT.ALREADY_REVOKED')
  return ok({ revoked: true })
}
