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

/** How many record updates a bulk step sends at once: quick, but well below the cloud's concurrency quota. */
export const WRITE_CONCURRENCY = 10

/** Runs `work` over `items`, at most `limit` at a time. */
export async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = []
  for (let i = 0; i < items.length; i += limit) out.push(...(await Promise.all(items.slice(i, i + limit).map(work))))
  return out
}
