import { ok, type Reply } from '@core/reply'
import type { CertificateView } from '@core/contracts/outcomes'
import type { OutcomesDeps } from '../deps'
import { certificateView } from './views'

/** The worker's own certificates, newest course first; revoked ones stay listed, marked as such. */
export async function myCertificates(
  deps: Pick<OutcomesDeps, 'certificates'>,
  openid: string,
): Promise<Reply<{ certificates: CertificateView[] }>> {
  const docs = await deps.certificates.listByOpenid(openid)
  docs.sort((a, b) => new Date(b.lastLessonAt).getTime() - new Date(a.lastLessonAt).getTime())
  return ok({ certificates: docs.map(certificateView) })
}
