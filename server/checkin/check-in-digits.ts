import { CHECKIN_DIGITS, DIGITS_GRACE_SECONDS, DIGITS_MAX_WRONG, type CheckInResult } from '@core/contracts/checkin'
import type { PhonePosition } from '@core/rules/presence'
import { fail, ok, type Reply } from '@core/reply'
import type { CheckinDeps } from './deps'
import { admit, gate } from './admit'
import { checkPosition, presenceOf } from './presence'
import { acceptedWindow, digitsFor, DIGITS_WINDOW_MS, sameDigits, windowAt, workerRef } from './token'

/**
 * The typed fallback: the lesson's 6-digit code of this minute (or the last, for 20 s). Six digits can
 * be guessed, so they count only together with a position inside the fence, or where staff allowed
 * digits alone for this lesson (允许仅输入数字码) — and a worker gets DIGITS_MAX_WRONG wrong tries per
 * lesson. The count lives on the lesson (read anyway), so a right code costs no extra request and a
 * wrong one one conditional write; guesses racing each other are bounded by the function's
 * concurrency. Two reads and one write, as a scan.
 */
export async function checkInDigits(
  deps: CheckinDeps,
  openid: string,
  input: { lessonId: string; digits: string; position?: PhonePosition },
  now: Date,
): Promise<Reply<CheckInResult>> {
  const digits = input.digits.replace(/\s+/g, '')
  if (!CHECKIN_DIGITS.test(digits)) {
    return fail('CHECKIN.WRONG_DIGITS', { field: 'digits', message: '请输入大屏上的 6 位数字' })
  }
  const lesson = await deps.lessons.findById(input.lessonId)
  const course = lesson ? await deps.courses.findById(lesson.courseId) : null
  const refused = gate(lesson, course, openid, now)
  if (refused || !lesson || !course) return refused ?? fail('CHECKIN.NOT_FOUND')

  const secret = deps.secret()
  const ref = workerRef(secret, lesson._id, openid)
  const wrong = lesson.codeGuesses?.[ref] ?? 0
  if (wrong >= DIGITS_MAX_WRONG) return fail('CHECKIN.DIGITS_LOCKED', { field: 'digits' })

  const info = presenceOf(lesson, course)
  let distanceM: number | undefined
  if (!info.allowDigits) {
    if (info.mode === 'none') return fail('CHECKIN.DIGITS_NOT_ALLOWED', { field: 'digits' })
    if (!input.position) return fail('CHECKIN.DIGITS_NEED_LOCATION', { field: 'position' })
    const where = checkPosition(lesson, course, input.position)
    if (where.refusal) return where.refusal
    distanceM = where.distanceM
  }

  const nowMs = now.getTime()
  const current = windowAt(nowMs, DIGITS_WINDOW_MS)
  const right = [current, current - 1].some(
    (w) =>
      acceptedWindow(w, nowMs, DIGITS_WINDOW_MS, DIGITS_GRACE_SECONDS * 1000) &&
      sameDigits(digitsFor(secret, lesson.shortId, w), digits),
  )
  if (!right) {
    const counted = await deps.lessons.countWrongDigits(lesson._id, ref, wrong)
    const left = DIGITS_MAX_WRONG - (wrong + 1)
    if (!counted || left <= 0) return fail('CHECKIN.DIGITS_LOCKED', { field: 'digits' })
    return fail('CHECKIN.WRONG_DIGITS', {
      field: 'digits',
      message: `数字码不对，请核对大屏上的 6 位数字（每分钟更换），还可以再试 ${left} 次`,
    })
  }
  const { result } = await admit(deps, lesson, course, openid, now, { method: 'digits', distanceM })
  return ok(result)
}
