import { COURSE_LIMITS, type AdminResults } from '@core/contracts/admin'
import { fail, ok, type Reply } from '@core/reply'
import { endForCancelledCourse } from '../enrollment'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import { length } from './course-rules'
import { inBatches, LEDGER_RETRIES, WRITE_CONCURRENCY, type AdminDeps } from './deps'

export interface CancelCourseInput {
  courseId: string
  reason: string
}

/**
 * Cancels a course: one conditional update flips it to cancelled and empties its ledger, so from that
 * instant nobody can take a seat; then every active record is ended, its claim on the worker's course
 * limit given back and a notice queued. Each record flips with a guarded transition, so a second call
 * (a double tap, or a retry after a timeout) finishes what is left and notifies nobody twice.
 */
export async function cancelCourse(
  deps: AdminDeps,
  input: CancelCourseInput,
  now: Date,
): Promise<Reply<AdminResults['cancelCourse']>> {
  const { courseId, reason } = input
  const { min, max } = COURSE_LIMITS.cancelReason
  if (length(reason) < min || length(reason) > max) return fail('ADMIN.BAD_REASON', { field: 'reason' })

  let course = await deps.courses.findById(courseId)
  for (let attempt = 0; course?.status === 'published'; attempt++) {
    if (attempt === LEDGER_RETRIES) return fail('ADMIN.BUSY')
    if (await deps.courses.markCancelled(courseId, course.capacity, reason, now)) {
      course = { ...course, status: 'cancelled', cancelReason: reason }
      break
    }
    // Only a capacity change races us here; read it again.
    course = await deps.courses.findById(courseId)
  }
  if (!course || course.status === 'draft') return fail('CATALOG.NOT_FOUND', { field: 'courseId' })

  const cancelled = { ...course, cancelReason: course.cancelReason ?? reason }
  // A worker cancelling at the same moment wins the record; their own call tidies up.
  const end = (doc: EnrollmentDoc) => endForCancelledCourse(deps, cancelled, doc, now)
  const records = await deps.enrollments.listAllByCourse(courseId)
  const notified = (await inBatches(records, WRITE_CONCURRENCY, end)).filter(Boolean).length
  return ok({ notified })
}
