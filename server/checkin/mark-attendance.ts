import { fail, ok, type Reply } from '@core/reply'
import { attendanceId } from '../repos/keys'
import { enrolledOpenids, type CheckinDeps } from './deps'
import { clearNoShow } from './standing'
import { workerRef } from './token'

/**
 * Staff mark a worker present by hand (补签: phone flat, no WeChat at hand), from the lesson's start on.
 * The staff member and the reason are stored with the record: manual marks are what an audit looks at
 * first. Marked after the no-show run, the lesson's no-show is taken back and a suspension it caused
 * lifted; the attendance is written first, so a no-show run racing this call sees one or the other.
 */
export async function markAttendance(
  deps: CheckinDeps,
  staffOpenid: string,
  input: { lessonId: string; ref: string; reason: string },
  now: Date,
): Promise<Reply<{ status: 'checked_in' | 'already' }>> {
  const reason = input.reason.trim()
  if ([...reason].length < 2 || [...reason].length > 50) {
    return fail('COMMON.BAD_REQUEST', { field: 'reason', message: '请填写补签原因（2–50 个字）' })
  }
  const lesson = await deps.lessons.findById(input.lessonId)
  if (!lesson) return fail('CHECKIN.NOT_FOUND', { field: 'lessonId' })
  if (now.getTime() < new Date(lesson.startsAt).getTime()) return fail('CHECKIN.NOT_STARTED', { field: 'lessonId' })
  const secret = deps.secret()
  const openid = (await enrolledOpenids(deps, lesson.courseId)).find(
    (o) => workerRef(secret, lesson._id, o) === input.ref,
  )
  if (!openid) return fail('CHECKIN.NOT_ENROLLED', { field: 'ref', message: '名单中没有这位职工，请刷新后重试' })
  const late = now.getTime() > new Date(lesson.startsAt).getTime() + lesson.lateAfter * 60_000
  const { created } = await deps.attendance.addOnce({
    _id: attendanceId(lesson._id, openid),
    lessonId: lesson._id,
    courseId: lesson.courseId,
    openid,
    at: now,
    late,
    method: 'manual',
    staffOpenid,
    reason,
  })
  await clearNoShow(deps, openid, lesson._id, now)
  return ok({ status: created ? 'checked_in' : 'already' })
}
