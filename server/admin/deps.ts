import type { CourseRepo, LessonRepo } from '../repos/course-repo'
import type { EnrollmentRepo } from '../repos/enrollment-repo'
import type { NoticeRepo } from '../repos/notice-repo'
import type { UserRepo } from '../repos/user-repo'

export interface AdminDeps {
  users: UserRepo
  courses: CourseRepo
  lessons: LessonRepo
  enrollments: EnrollmentRepo
  notices: NoticeRepo
}

/** Bounded retries for a ledger write that lost a race with workers enrolling at the same moment. */
export const LEDGER_RETRIES = 5

export { inBatches, WRITE_CONCURRENCY } from '../batches'
