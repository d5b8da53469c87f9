import { extractCheckinToken, type CheckInResult } from '@core/contracts/checkin'
import { fail, ok, type Reply } from '@core/reply'
import { formatWhen } from '@core/time'
import { attendanceId } from '../repos/keys'
import { checkinWindow, lessonRef, type CheckinDeps } from './deps'
import { readToken, windowAt } from './token'

/**
 * A worker scanned the code at the door. Checked in order: the signature, the code's age (current or
 * previous window), the lesson's check-in hours, a confirmed seat in the ledger; then one attendance per worker per
 * lesson by its deterministic id, so a repeat scan answers "already" and changes nothing.
 */
export async function checkIn(
  deps: CheckinDeps,
  openid: string,
  code: string,
  now: Date,
): Promise<Reply<CheckInResult>> {
  const token = extractCheckinToken(code)
  const read = token ? readToken(deps.secret(), token) : null
  if (!read) return fail('CHECKIN.BAD_CODE', { field: 'code' })
  const current = windowAt(now.getTime())
  if (read.window !== current && read.window !== current - 1) return fail('CHECKIN.EXPIRED', { field: 'code' })
  const lesson = await deps.lessons.findByShortId(read.shortId)
  const course = lesson ? await deps.courses.findById(lesson.courseId) : null
  if (!lesson || !course || course.status !== 'published') return fail('CHECKIN.NOT_FOUND')
  const { opensAt, closesAt } = checkinWindow(lesson)
  if (now < opensAt) {
    return fail('CHECKIN.NOT_OPEN', { message: `签到将于 ${formatWhen(opensAt, now)} 开放，请到时再扫码` })
  }
  if (now > closesAt) return fail('CHECKIN.CLOSED')
  // The course's seat ledger says who holds a confirmed seat (it is what every seat decision reads):
  // no third read of the enrollment record.
  if (course.seats?.[openid] !== 'enrolled') return fail('CHECKIN.NOT_ENROLLED')

  const late = now.getTime() > new Date(lesson.startsAt).getTime() + lesson.lateAfter * 60_000
  const { created, doc } = await deps.attendance.addOnce({
    _id: attendanceId(lesson._id, openid),
    lessonId: lesson._id,
    courseId: course._id,
    openid,
    at: now,
    late,
    method: 'scan',
    staffOpenid: null,
    reason: null,
  })
  return ok({
    status: created ? 'checked_in' : 'already',
    late: doc.late,
    at: new Date(doc.at).toISOString(),
    lesson: lessonRef(lesson, course),
  })
}
