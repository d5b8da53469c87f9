import { UNDO_MARK_SECONDS } from '@core/contracts/checkin'
import { fail, ok, type Reply } from '@core/reply'
import { attendanceId } from '../repos/keys'
import { enrolledOpenids, type CheckinDeps } from './deps'
import { recordNoShow } from './standing'
import { workerRef } from './token'

/**
 * 撤销 a 补签 just made (a tap on the wrong name): removes that manual mark only — never a check-in the
 * worker made — within UNDO_MARK_SECONDS, and keeps who marked and who took it back on the lesson for
 * the audit. If the lesson's no-shows were already counted, the no-show the mark had cleared is put back.
 */
export async function undoMark(
  deps: CheckinDeps,
  staffOpenid: string,
  input: { lessonId: string; ref: string },
  now: Date,
): Promise<Reply<{ status: 'undone' }>> {
  const lesson = await deps.lessons.findById(input.lessonId)
  if (!lesson) return fail('CHECKIN.NOT_FOUND', { field: 'lessonId' })
  const secret = deps.secret()
  const openid = (await enrolledOpenids(deps, lesson.courseId)).find(
    (o) => workerRef(secret, lesson._id, o) === input.ref,
  )
  if (!openid) return fail('CHECKIN.UNDO_EXPIRED', { field: 'ref' })
  const removed = await deps.attendance.removeManual(
    attendanceId(lesson._id, openid),
    new Date(now.getTime() - UNDO_MARK_SECONDS * 1000),
  )
  if (!removed) return fail('CHECKIN.UNDO_EXPIRED', { field: 'ref' })
  await deps.lessons.recordUndoneMark(lesson._id, {
    ref: input.ref,
    markedBy: removed.staffOpenid,
    markedAt: new Date(removed.at),
    reason: removed.reason,
    undoneBy: staffOpenid,
    undoneAt: now,
  })
  if (lesson.noShowsRecordedAt) await recordNoShow(deps, openid, lesson._id, new Date(lesson.endsAt), now)
  return ok({ status: 'undone' })
}
