import { formatDateTime } from '@core/time'
import type { CourseDoc } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import type { NewNotice } from '../repos/notice-repo'
import type { EnrollmentDeps } from './deps'

const PAGE = 100

/** The outbox message a record's state change owes; its key fixes it to that change, so it is queued once. */
function noticeFor(doc: EnrollmentDoc, course: CourseDoc | undefined): NewNotice | null {
  const base = { openid: doc.openid, courseId: doc.courseId }
  const title = course?.title ?? ''
  const deadline = doc.offerExpiresAt ? new Date(doc.offerExpiresAt) : null
  switch (doc.noticeDue) {
    case 'offer':
      if (doc.status !== 'offered' || !deadline) return null
      return {
        ...base,
        kind: 'offer',
        key: String(deadline.getTime()),
        data: { title, deadline: formatDateTime(deadline) },
      }
    case 'offer_expired':
      if (doc.status !== 'expired') return null
      return { ...base, kind: 'offer_expired', key: String(deadline?.getTime() ?? 0), data: { title } }
    case 'course_cancelled':
      if (doc.status !== 'cancelled') return null
      return { ...base, kind: 'course_cancelled', key: 'once', data: { title, reason: course?.cancelReason ?? '' } }
    default:
      return null
  }
}

/**
 * Moves the notices records owe into the outbox (part of the enrollment timer): queue under the
 * deterministic id, then clear the mark. A crash between the two queues nothing twice. A mark the record
 * has outgrown (the worker confirmed before the timer came) is dropped.
 */
export async function deliverRecordNotices(
  deps: EnrollmentDeps,
  now: Date,
  budget: { left(): boolean },
): Promise<number> {
  let queued = 0
  for (;;) {
    const due = await deps.enrollments.listNoticesDue(PAGE)
    const courses = new Map(
      (await deps.courses.findByIds([...new Set(due.map((d) => d.courseId))])).map((c) => [c._id, c]),
    )
    let progressed = false
    for (const doc of due) {
      if (!budget.left()) return queued
      const notice = noticeFor(doc, courses.get(doc.courseId))
      if (notice && (await deps.notices.enqueue(notice, now))) queued++
      progressed = (await deps.enrollments.clearNotice(doc)) || progressed
    }
    if (due.length < PAGE || !progressed) return queued
  }
}
