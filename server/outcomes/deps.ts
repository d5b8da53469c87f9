import type { CourseRepo } from '../repos/course-repo'
import type { LessonRepo } from '../repos/lesson-repo'
import type { UserRepo } from '../repos/user-repo'
import type { CertificateRepo } from '../repos/certificate-repo'
import type { SettlementRepo } from '../repos/settlement-repo'
import type { OutcomeStatsRepo } from '../repos/outcome-stats-repo'
import type { EvaluationRepo } from '../repos/evaluation-repo'

/** What the outcomes use cases are given by the function entry. */
export interface OutcomesDeps {
  users: UserRepo
  courses: CourseRepo
  lessons: LessonRepo
  certificates: CertificateRepo
  settlements: SettlementRepo
  outcomeStats: OutcomeStatsRepo
  evaluations: EvaluationRepo
  /** The union's name as printed on certificates. */
  issuer: string
  /** A fresh random verification code. */
  newCode: () => string
}
