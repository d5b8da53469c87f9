import type { AttendanceMethod, CheckInResult } from '@core/contracts/checkin'
import { fail, type Reply } from '@core/reply'
import { formatWhen } from '@core/time'
import type { CourseDoc } from '../repos/course-doc'
import type { LessonDoc } from '../repos/lesson-repo'
import type { AttendanceDoc } from '../repos/attendance-repo'
import { attendanceId } from '../repos/keys'
import { checkinWindow, lessonRef, type CheckinDeps } from './deps'

/**
 * What every way in checks once the code has named the lesson: the course runs, check-in is open, and
 * the worker holds a confirmed seat in the course's ledger (what every seat decision reads: no third
 * read of the enrollment record). Null: the worker may be checked in.
 */
export function gate(
  lesson: LessonDoc | null,
  course: CourseDoc | null,
  openid: string,
  now: Date,
): Reply<never> | null {
  if (!lesson || !course || course.status !== 'published') return fail('CHECKIN.NOT_FOUND')
  const { opensAt, closesAt } = checkinWindow(lesson)
  if (now < opensAt) {
    return fail('CHECKIN.NOT_OPEN', { message: `签到将于 ${formatWhen(opensAt, now)} 开放，请到时再签到` })
  }
  if (now > closesAt) return fail('CHECKIN.CLOSED')
  if (course.seats?.[openid] !== 'enrolled') return fail('CHECKIN.NOT_ENROLLED')
  return null
}

/**
 * One attendance per worker per lesson by its deterministic id: a repeat answers "already" and changes
 * nothing, whichever way the worker came in first.
 */
export async function admit(
  deps: Pick<CheckinDeps, 'attendance'>,
  lesson: LessonDoc,
  course: CourseDoc,
  openid: string,
  now: Date,
  how: { method: AttendanceMethod; distanceM?: number; staffOpenid?: string },
): Promise<{ created: boolean; doc: AttendanceDoc; result: CheckInResult }> {
  const late = now.getTime() > new Date(lesson.startsAt).getTime() + lesson.lateAfter * 60_000
  const { created, doc } = await deps.attendance.addOnce({
    _id: attendanceId(lesson._id, openid),
    lessonId: lesson._id,
    courseId: course._id,
    openid,
    at: now,
    late,
    method: how.method,
    staffOpenid: how.staffOpenid ?? null,
    reason: null,
    ...(how.distanceM !== undefined ? { distanceM: how.distanceM } : {}),
  })
  return {
    created,
    doc,
    result: {
      status: created ? 'checked_in' : 'already',
      late: doc.late,
      at: new Date(doc.at).toISOString(),
      lesson: lessonRef(lesson, course),
    },
  }
}
