/**
 * Contract of the `outcomes` cloud function: what the programme leaves behind — completion
 * certificates anyone can verify, course evaluations, and staff reports.
 *
 * A certificate is issued once the course's attendance is settled: by the function's timer after the
 * last lesson's no-shows have been counted, or earlier by staff (结业认定). Settling again is harmless:
 * it only adds certificates for workers who qualify since (e.g. after a late manual mark), never
 * takes one back — that is what a revocation, with its reason, is for.
 */
import type { WishesRequest, WishesResults } from './wishes'
import type { MaterialsRequest, MaterialsResults } from './materials'

/** A certificate's public code: 10 characters of Crockford base32 (50 random bits), shown as XXXXX-XXXXX. */
export const CERTIFICATE_CODE = /^[0-9A-HJKMNP-TV-Z]{10}$/
/** What a certificate's QR code holds: the code behind a prefix that says whose code it is. */
export const CERTIFICATE_QR_PREFIX = 'XZKT-CERT:'

export const CERTIFICATE_LIMITS = {
  revokeReason: { min: 2, max: 100 },
} as const

/** The default completion rule: at least this share of the course's lessons attended (late counts). */
export const DEFAULT_COMPLETION_PERCENT = 80

export const FINISHED_PAGE_SIZE = 20

export type CertificateStatus = 'valid' | 'revoked'

/** What a certificate states of its holder and course, fixed at issue; the stored certificate extends it too. */
export interface CertificateFacts {
  holderName: string
  courseId: string
  courseTitle: string
  category: string
  instructor: string
  /** Total lesson time in hours, one decimal. */
  hours: number
  lessons: number
  attended: number
}

export interface CertificateView extends CertificateFacts {
  id: string
  /** As printed: XXXXX-XXXXX. */
  code: string
  /** ISO instants. */
  firstLessonAt: string
  lastLessonAt: string
  issuedAt: string
  issuer: string
  status: CertificateStatus
}

export interface MyCertificatesRequest {
  action: 'myCertificates'
}

export interface VerifyCertificateRequest {
  action: 'verifyCertificate'
  /** As typed or scanned: case, spaces, dashes and the QR prefix are ignored. */
  code: string
}

/** What anyone who holds a code learns: never more than the masked name. */
export interface CertificateVerification {
  code: string
  status: CertificateStatus
  holderName: string
  courseTitle: string
  hours: number
  lastLessonAt: string
  issuedAt: string
  issuer: string
  revokedAt: string | null
}

export interface SettleCourseRequest {
  action: 'settleCourse'
  courseId: string
}
export interface SettleResult {
  courseId: string
  /** Workers holding a seat when the course ended. */
  seated: number
  qualified: number
  /** Certificates created by this call (0 when a settlement is repeated). */
  issued: number
}

export interface CourseCertificatesRequest {
  action: 'courseCertificates'
  courseId: string
}
export interface CompletionEntry {
  name: string
  employer: string
  attended: number
  late: number
  qualified: boolean
  certificate: {
    id: string
    code: string
    status: CertificateStatus
    revokeReason: string | null
  } | null
}
export interface CourseCompletion {
  courseId: string
  title: string
  lessons: number
  /** Lessons already over. */
  held: number
  rulePercent: number
  /** ISO; null until the course is settled. */
  settledAt: string | null
  finished: boolean
  entries: CompletionEntry[]
}

export interface RevokeCertificateRequest {
  action: 'revokeCertificate'
  certificateId: string
  reason: string
}

export interface FinishedCoursesRequest {
  action: 'finishedCourses'
  /** Opaque cursor from the previous page. */
  cursor?: string
}
export interface FinishedCourse {
  courseId: string
  title: string
  category: string
  instructor: string
  lastLessonAt: string
  lessons: number
  seatsTaken: number
  settledAt: string | null
  qualified: number | null
}
export interface FinishedCoursesPage {
  courses: FinishedCourse[]
  nextCursor: string | null
}

// ---- evaluations ----------------------------------------------------------------------------------

export const EVALUATION_LIMITS = { comment: 200, editDays: 7 } as const

export interface EvaluationView {
  courseId: string
  rating: number
  comment: string
  /** ISO instants. */
  createdAt: string
  updatedAt: string
  editableUntil: string
}

/** Why a worker may not rate a course yet; null when they may. */
export type EvaluationBlock = 'not_attended' | 'not_finished' | null

export interface MyEvaluationRequest {
  action: 'myEvaluation'
  courseId: string
}
export interface MyEvaluation {
  courseId: string
  courseTitle: string
  block: EvaluationBlock
  evaluation: EvaluationView | null
  editable: boolean
}

export interface MyEvaluationsRequest {
  action: 'myEvaluations'
}
/** Courses the worker attended, finished, with their rating or none yet: what 我的 asks about. */
export interface EvaluationTodo {
  courseId: string
  courseTitle: string
  lastLessonAt: string
  evaluation: EvaluationView | null
  editable: boolean
}

export interface EvaluateCourseRequest {
  action: 'evaluateCourse'
  courseId: string
  rating: number
  comment?: string
}

export interface RatingSummary {
  count: number
  /** Mean rating, one decimal; null with no ratings. */
  average: number | null
  /** Counts of 1..5 stars, index 0 = 1 star. */
  distribution: [number, number, number, number, number]
}

export interface CourseEvaluationsRequest {
  action: 'courseEvaluations'
  courseId: string
}
export interface CourseEvaluations {
  courseId: string
  title: string
  instructor: string
  summary: RatingSummary
  /** Newest first, without names: workers rate freely. */
  comments: { rating: number; comment: string; at: string }[]
}

export interface InstructorRatingsRequest {
  action: 'instructorRatings'
}
export interface InstructorRatings {
  programme: RatingSummary
  instructors: ({ instructor: string; courses: number } & RatingSummary)[]
}

// ---- reports ----------------------------------------------------------------------------------------

export interface CourseWorkbookRequest {
  action: 'courseWorkbook'
  courseId: string
}
export interface ProgrammeWorkbookRequest {
  action: 'programmeWorkbook'
}
/** An .xlsx file, base64 in the reply (a programme's workbook is far below the reply limit). */
export interface Workbook {
  filename: string
  base64: string
  bytes: number
  /** Phones shown as 138****1234: every caller but an admin. */
  masked: boolean
}

export interface ProgrammeOutcomesRequest {
  action: 'programmeOutcomes'
  /** Compute now rather than read the figures the timer computed (at most 35 minutes old). */
  refresh?: boolean
}
export interface EmployerFigures {
  employer: string
  /** Signed-up workers of this employer. */
  workers: number
  /** Of them, with a confirmed seat in some course. */
  reached: number
  checkIns: number
  certificates: number
}
export interface UnmetDemand {
  courseId: string
  title: string
  category: string
  capacity: number
  /** Waiting now, plus held seats that lapsed unclaimed. */
  waitlisted: number
  expiredOffers: number
}
/** The programme's outcomes for the staff page: ratings, employers, unmet demand. */
export interface ProgrammeOutcomes {
  rating: { count: number; average: number | null }
  certificates: number
  employers: EmployerFigures[]
  unmet: UnmetDemand[]
  asOf: string
}

export type OutcomesRequest =
  | CourseWorkbookRequest
  | ProgrammeWorkbookRequest
  | ProgrammeOutcomesRequest
  | MyEvaluationRequest
  | MyEvaluationsRequest
  | EvaluateCourseRequest
  | CourseEvaluationsRequest
  | InstructorRatingsRequest
  | FinishedCoursesRequest
  | MyCertificatesRequest
  | VerifyCertificateRequest
  | SettleCourseRequest
  | CourseCertificatesRequest
  | RevokeCertificateRequest
  | WishesRequest
  | MaterialsRequest

export interface OutcomesResults extends WishesResults, MaterialsResults {
  courseWorkbook: Workbook
  programmeWorkbook: Workbook
  programmeOutcomes: ProgrammeOutcomes
  myEvaluation: MyEvaluation
  myEvaluations: { courses: EvaluationTodo[] }
  evaluateCourse: { evaluation: EvaluationView }
  courseEvaluations: CourseEvaluations
  instructorRatings: InstructorRatings
  finishedCourses: FinishedCoursesPage
  myCertificates: { certificates: CertificateView[] }
  verifyCertificate: CertificateVerification
  settleCourse: SettleResult
  courseCertificates: CourseCompletion
  revokeCertificate: { revoked: boolean }
}
