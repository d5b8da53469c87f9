import { UNDO_MARK_SECONDS } from '@core/contracts/checkin'
import { fail, ok, type Reply } from '@core/reply'
import { attendanceId } from '../repos/keys'
import type { LessonDoc, UndoneMark } from '../repos/lesson-repo'
import { enrolledOpenids, type CheckinDeps } from './deps'
import { recordNoShow } from './standing'
import { workerRef } from './token'

/** How long after an undo the checkin timer still looks for one cut short (it runs every 10 minutes). */
const FINISH_WITHIN_MS = 3600_000
const PAGE = 100

/**
 * 撤销 a 补签 just made (a tap on the wrong name): removes that manual mark only — never a check-in the
 * worker made — within UNDO_MARK_SECONDS, and keeps who marked and who took it back on the lesson for
 * the audit. If the lesson's no-shows were already counted, the no-show the mark had cleared is put back.
 *
 * Write order: the audit entry first, keyed by the mark (worker and instant), as the intent; then the
 * mark goes; then the no-show comes back. A call cut short after the audit is finished by its retry —
 * which finds the entry and goes on whatever the time — or by the checkin timer, so the audit never
 * claims an undo that did not happen. Every step is conditional or idempotent: running it twice
 * changes nothing more.
 */
export async function undoMark(
  deps: CheckinDeps,
  staffOpenid: string,
  input: { lessonId: string; ref: string },
  now: Date,
): Promise<Reply<{ status: 'undone' }>> {
  const lesson = await deps.lessons.findById(input.lessonId)
  if (!lesson) return fail('CHECKIN.NOT_FOUND', { field: 'lessonId' })
  const openid = (await refsOf(deps, lesson)).get(input.ref)
  if (!openid) return fail('CHECKIN.UNDO_EXPIRED', { field: 'ref' })
  const mark = await deps.attendance.findById(attendanceId(lesson._id, openid))
  const begun = lesson.undoneMarks?.find((u) => u.ref === input.ref && (!mark || sameInstant(u.markedAt, mark.at)))
  if (begun) {
    await finishUndo(deps, lesson, openid, begun, now)
    return ok({ status: 'undone' })
  }
  const since = now.getTime() - UNDO_MARK_SECONDS * 1000
  if (!mark || mark.method !== 'manual' || new Date(mark.at).getTime() < since) {
    return fail('CHECKIN.UNDO_EXPIRED', { field: 'ref' })
  }
  const entry: UndoneMark = {
    key: `${input.ref}@${new Date(mark.at).getTime()}`,
    ref: input.ref,
    markedBy: mark.staffOpenid,
    markedAt: new Date(mark.at),
    reason: mark.reason,
    undoneBy: staffOpenid,
    undoneAt: now,
  }
  // A concurrent undo of the same mark wrote it first: either way the entry is there once.
  await deps.lessons.recordUndoneMark(lesson._id, entry)
  await finishUndo(deps, lesson, openid, entry, now)
  return ok({ status: 'undone' })
}

/**
 * The checkin timer's part: every undo of the last hour whose mark still stands is finished. A mark
 * made again after the undo has another instant and is left alone.
 */
export async function finishUndos(deps: CheckinDeps, now: Date): Promise<number> {
  let finished = 0
  const lessons = await deps.lessons.listUndoneSince(new Date(now.getTime() - FINISH_WITHIN_MS), PAGE)
  for (const lesson of lessons) {
    const workers = await refsOf(deps, lesson)
    for (const entry of lesson.undoneMarks ?? []) {
      const openid = workers.get(entry.ref)
      if (!openid || now.getTime() - new Date(entry.undoneAt).getTime() > FINISH_WITHIN_MS) continue
      if (await finishUndo(deps, lesson, openid, entry, now)) finished++
    }
  }
  return finished
}

/** Removes the mark the entry names and puts the no-show back if it was counted. True when the mark was still there. */
async function finishUndo(
  deps: CheckinDeps,
  lesson: LessonDoc,
  openid: string,
  entry: Pick<UndoneMark, 'markedAt'>,
  now: Date,
): Promise<boolean> {
  const removed = await deps.attendance.removeMark(attendanceId(lesson._id, openid), new Date(entry.markedAt))
  // Recording is idempotent per worker and lesson, so a retry after this line adds nothing.
  if (lesson.noShowsRecordedAt) await recordNoShow(deps, openid, lesson._id, new Date(lesson.endsAt), now)
  return removed
}

/** The seated workers of the lesson's course by their handle on this lesson. */
async function refsOf(deps: CheckinDeps, lesson: LessonDoc): Promise<Map<string, string>> {
  const secret = deps.secret()
  const openids = await enrolledOpenids(deps, lesson.courseId)
  return new Map(openids.map((o) => [workerRef(secret, lesson._id, o), o]))
}

const sameInstant = (a: Date | string, b: Date | string) => new Date(a).getTime() === new Date(b).getTime()
