import { CHECKIN_GRACE_SECONDS, extractCheckinToken, type CheckInResult } from '@core/contracts/checkin'
import type { PhonePosition } from '@core/rules/presence'
import { fail, ok, type Reply } from '@core/reply'
import type { CheckinDeps } from './deps'
import { admit, gate } from './admit'
import { checkPosition } from './presence'
import { acceptedWindow, CLASS_WINDOW_MS, readToken } from './token'

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
    return fail('CHECKIN.EXPIRED', { field: 'code' })
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
