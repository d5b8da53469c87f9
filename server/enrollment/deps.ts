import type { CourseRepo } from '../repos/course-repo'
import type { LessonRepo } from '../repos/lesson-repo'
import type { EnrollmentRepo } from '../repos/enrollment-repo'
import type { NoticeRepo } from '../repos/notice-repo'
import type { UserRepo } from '../repos/user-repo'

export interface EnrollmentDeps {
  users: UserRepo
  courses: CourseRepo
  lessons: LessonRepo
  enrollments: EnrollmentRepo
  notices: NoticeRepo
}

/** Bounded retries for ledger steps that lost a race (e.g. the waitlist head changed under us). */
export const LEDGER_RETRIES = 5

/** A claim or record older than this with nothing behind it was left by a crashed instance. */
export const STALE_AFTER_MS = 60_000
