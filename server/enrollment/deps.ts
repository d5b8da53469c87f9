import type { CourseRepo } from '../repos/course-repo'
import type { LessonRepo } from '../repos/lesson-repo'
import type { EnrollmentRepo } from '../repos/enrollment-repo'
import type { NoticeRepo } from '../repos/notice-repo'
import type { UserRepo } from '../repos/user-repo'
import type { JobRepo } from '../repos/job-repo'

export interface EnrollmentDeps {
  users: UserRepo
  courses: CourseRepo
  lessons: LessonRepo
  enrollments: EnrollmentRepo
  notices: NoticeRepo
  jobs: JobRepo
}

/** Bounded retries for ledger steps that lost a race (e.g. the waitlist head changed under us). */
export const LEDGER_RETRIES = 5

/**
 * A claim or record written longer ago than this belongs to no running call: it must exceed the
 * timeout of every function that writes them (config.json; a test holds them to it).
 */
export const STALE_AFTER_MS = 120_000

/** Written less than STALE_AFTER_MS ago, so it may belong to a call still running; never written: no. */
export function writtenJustNow(at: Date | string | null | undefined, now: Date): boolean {
  return !!at && now.getTime() - new Date(at).getTime() < STALE_AFTER_MS
}
