import type { CertificateVerification, CertificateView } from '@core/contracts/outcomes'
import { formatCertificateCode, maskName } from '@core/rules/completion'
import type { CertificateDoc } from '../../repos/certificate-repo'

const iso = (d: Date) => new Date(d).toISOString()

/** The holder's own view: their full name, for the picture they save and share. */
export function certificateView(doc: CertificateDoc): CertificateView {
  return {
    id: doc._id,
    code: formatCertificateCode(doc.code),
    holderName: doc.holderName,
    courseId: doc.courseId,
    courseTitle: doc.courseTitle,
    category: doc.category,
    instructor: doc.instructor,
    hours: doc.hours,
    lessons: doc.lessons,
    attended: doc.attended,
    firstLessonAt: iso(doc.firstLessonAt),
    lastLessonAt: iso(doc.lastLessonAt),
    issuedAt: iso(doc.issuedAt),
    issuer: doc.issuer,
    status: doc.status,
  }
}

/** What anyone holding the code learns: the masked name and the course, never the reason of a revocation. */
export function verificationView(doc: CertificateDoc): CertificateVerification {
  return {
    code: formatCertificateCode(doc.code),
    status: doc.status,
    // An anonymised certificate keeps only the masked name already.
    holderName: doc.anonymisedAt ? doc.holderName : maskName(doc.holderName),
    courseTitle: doc.courseTitle,
    hours: doc.hours,
    lastLessonAt: iso(doc.lastLessonAt),
    issuedAt: iso(doc.issuedAt),
    issuer: doc.issuer,
    revokedAt: doc.revokedAt ? iso(doc.revokedAt) : null,
  }
}
