/**
 * What other server features may use from outcomes (import only through this file).
 */
import { maskName } from '@core/rules/completion'
import type { CertificateRepo } from '../repos/certificate-repo'
import type { EvaluationRepo } from '../repos/evaluation-repo'
import type { WishRepo } from '../repos/wish-repo'
import type { WishVoteRepo } from '../repos/wish-vote-repo'
export { scheduleWish } from './wishes/schedule'

/**
 * For profile deletion: certificates stay verifiable, but only as the privacy notice allows — the
 * masked name, the course and the dates; the openid and the employer go. Ratings lose the openid. Call it before the profile
 * record is removed, or after: it needs nothing from it.
 */
export async function anonymiseOutcomes(
  deps: { certificates: CertificateRepo; evaluations: EvaluationRepo; wishes: WishRepo; wishVotes: WishVoteRepo },
  openid: string,
  now: Date,
): Promise<number> {
  const docs = await deps.certificates.listByOpenid(openid)
  for (const doc of docs) await deps.certificates.anonymise(doc._id, maskName(doc.holderName), now)
  // Ratings keep counting in the figures; their comments were never shown with a name.
  await deps.evaluations.anonymise(openid)
  // Course wishes: the votes go (the wishes keep their counts), the proposals stay naming nobody.
  await deps.wishVotes.removeByOpenid(openid)
  await deps.wishes.anonymiseProposer(openid, now)
  return docs.length
}
