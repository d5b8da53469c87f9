import { CHECKIN_GRACE_SECONDS, extractCheckinToken, type CheckInResult } from '@core/contracts/checkin'
import type { PhonePosition } from '@core/rules/presence'
import { fail, ok, type Reply } from '@core/reply'
import type { CheckinDeps } from './deps'
import { admit, gate } from './admit'
import { checkPosition } from './presence'
import { lessonRef } from './deps'
import { acceptedWindow, CLASS_WINDOW_MS, readToken } from './token'
import { attendanceId } from '../repos/keys'

/**
 * A worker scanned the class code at the door. Checked in order: the signature, the code's age (this
 * window, or the previous one for a few seconds), the lesson's check-in hours and the worker's seat,
 * then — where the lesson checks location — the phone's position; then one attendance per worker per
 * lesson. A code alone no longer proves presence: a screenshot sent to a friend at home is refused
 * for want of a position near the venue. Two reads and one write.
 */
export async function checkIn(
  deps: CheckinDeps,
  openid: string,
  input: { code: string; position?: PhonePosition },
  now: Date,
): Promise<Reply<CheckInResult>> {
  const token = extractCheckinToken(input.code)
  const read = token ? readToken(deps.secret(), token) : null
  if (!read) return fail('CHECKIN.BAD_CODE', { field: 'code' })
  if (!acceptedWindow(read.window, now.getTime(), CLASS_WINDOW_MS, CHECKIN_GRACE_SECONDS * 1000)) {
    return (await alreadyIn(deps, read.shortId, openid)) ?? fail('CHECKIN.EXPIRED', { field: 'code' })
  }
  const lesson = await deps.lessons.findByShortId(read.shortId)
  const course = lesson ? await deps.courses.findById(lesson.courseId) : null
  const refused = gate(lesson, course, openid, now)
  if (refused || !lesson || !course) return refused ?? fail('CHECKIN.NOT_FOUND')
  const where = checkPosition(lesson, course, input.position)
  if (where.refusal) return where.refusal
  const { result } = await admit(deps, lesson, course, openid, now, { method: 'scan', distanceM: where.distanceM })
  return ok(result)
}

/**
 * A genuine but old code from a worker already checked in to its lesson — the check-in page reopened
 * from WeChat's recent pages, say — answers "already" with the first check-in rather than "expired",
 * which would read as if the check-in had failed. Reads only on that rare path; writes nothing.
 */
async function alreadyIn(deps: CheckinDeps, shortId: string, openid: string): Promise<Reply<CheckInResult> | null> {
  const lesson = await deps.lessons.findByShortId(shortId)
  const prior = lesson ? await deps.attendance.findById(attendanceId(lesson._id, openid)) : null
  const course = lesson && prior ? await deps.courses.findById(lesson.courseId) : null
  if (!lesson || !prior || !course) return null
  const at = new Date(prior.at).toISOString()
  return ok({ status: 'already', late: prior.late, at, lesson: lessonRef(lesson, course) })
}
