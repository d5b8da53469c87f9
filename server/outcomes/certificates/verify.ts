import { fail, ok, type Reply } from '@core/reply'
import type { CertificateVerification } from '@core/contracts/outcomes'
import { normalizeCertificateCode } from '@core/rules/completion'
import type { OutcomesDeps } from '../deps'
import { verificationView } from './views'

/**
 * Answers anyone holding a code (an employer checking a CV, a colleague): valid or revoked, with the
 * masked name and the course. A code that was never issued — mistyped or forged — is CERT.NOT_FOUND;
 * a malformed one is refused the same way without reading the database.
 */
export async function verifyCertificate(
  deps: Pick<OutcomesDeps, 'certificates'>,
  input: { code: string },
): Promise<Reply<CertificateVerification>> {
  const code = normalizeCertificateCode(input.code)
  if (!code) return fail('CERT.NOT_FOUND', { field: 'code' })
  const doc = await deps.certificates.findByCode(code)
  if (!doc) return fail('CERT.NOT_FOUND', { field: 'code' })
  return ok(verificationView(doc))
}
