import { isDuplicateKey, rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { CertificateFacts, CertificateStatus } from '@core/contracts/outcomes'

/**
 * A completion certificate. `_id` is `${courseId}_${openid}`: one per worker per course, by
 * construction, so a repeated settlement never issues a second one. The holder's name and the course
 * are copied in at issue time: the certificate says what was true when it was earned, and it must
 * still verify after the profile is deleted (then only the masked name is kept, and no openid).
 */
export interface CertificateDoc extends CertificateFacts {
  _id: string
  /** Public verification code (canonical, no dash); indexed. */
  code: string
  /** null once the holder deleted their profile. */
  openid: string | null
  employer: string
  late: number
  firstLessonAt: Date
  lastLessonAt: Date
  rulePercent: number
  issuer: string
  issuedAt: Date
  status: CertificateStatus
  revokedAt: Date | null
  /** Audit of a revocation: who, and why. */
  revokedBy: string | null
  revokeReason: string | null
  anonymisedAt: Date | null
}

export interface CertificateRepo {
  /** Adds the certificate unless this worker already has one for the course; true when it was added. */
  addOnce(doc: CertificateDoc): Promise<boolean>
  findById(id: string): Promise<CertificateDoc | null>
  findByCode(code: string): Promise<CertificateDoc | null>
  listByOpenid(openid: string): Promise<CertificateDoc[]>
  listByCourse(courseId: string): Promise<CertificateDoc[]>
  /** Conditional on the certificate being valid; false when it was not (already revoked, or gone). */
  revoke(id: string, by: string, reason: string, at: Date): Promise<boolean>
  /** Keeps the certificate verifiable without the person: masked name, no openid, no employer. */
  anonymise(id: string, maskedName: string, at: Date): Promise<boolean>
}

export function createCertificateRepo(db: Db): CertificateRepo {
  const certificates = db.collection(COLLECTIONS.certificates)
  const first = async (where: Record<string, unknown>) =>
    (await rows<CertificateDoc>(certificates.where(where).limit(1)))[0] ?? null
  const all = async (where: Record<string, unknown>) => {
    const out: CertificateDoc[] = []
    for (let offset = 0; ; offset += 100) {
      const page = await rows<CertificateDoc>(certificates.where(where).orderBy('_id', 'asc').skip(offset).limit(100))
      out.push(...page)
      if (page.length < 100) return out
    }
  }
  return {
    async addOnce(doc) {
      try {
        await certificates.add({ data: doc })
        return true
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
        // The other unique key is the random code: a collision (about 1 in 10^15) fails this call, and
        // the next settlement draws a new code.
        if (!(await first({ _id: doc._id }))) throw err
        return false
      }
    },
    findById: (id) => first({ _id: id }),
    findByCode: (code) => first({ code }),
    listByOpenid: (openid) => all({ openid }),
    listByCourse: (courseId) => all({ courseId }),
    async revoke(id, by, reason, at) {
      const n = await updatedCount(
        certificates
          .where({ _id: id, status: 'valid' })
          .update({ data: { status: 'revoked', revokedAt: at, revokedBy: by, revokeReason: reason } }),
      )
      return n === 1
    },
    async anonymise(id, maskedName, at) {
      const n = await updatedCount(
        certificates
          .where({ _id: id })
          .update({ data: { openid: null, holderName: maskedName, employer: '', anonymisedAt: at } }),
      )
      return n === 1
    },
  }
}
