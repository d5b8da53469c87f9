import { CHECKIN_PAGE, type CheckinCode } from '@core/contracts/checkin'
import { fail, ok, type Reply } from '@core/reply'
import { checkinWindow, lessonRef, type CheckinDeps } from './deps'
import { presenceOf } from './presence'
import { digitsFor, DIGITS_WINDOW_MS, signToken, windowAt, windowStart } from './token'

/**
 * The code on the screen at the door; the screen asks again when `refreshInMs` runs out. Before
 * check-in opens (and after it closes) no live code exists: a code photographed early would otherwise
 * travel ahead of the lesson. The screen then shows when it opens.
 */
export async function issueCheckinCode(
  deps: CheckinDeps,
  input: { lessonId: string; withImage?: boolean },
  now: Date,
): Promise<Reply<CheckinCode>> {
  const lesson = await deps.lessons.findById(input.lessonId)
  const course = lesson ? await deps.courses.findById(lesson.courseId) : null
  if (!lesson || !course) return fail('CHECKIN.NOT_FOUND', { field: 'lessonId' })
  const { opensAt, closesAt } = checkinWindow(lesson)
  const live = now >= opensAt && now <= closesAt
  const window = windowAt(now.getTime())
  const digitsWindow = windowAt(now.getTime(), DIGITS_WINDOW_MS)
  const secret = live ? deps.secret() : ''
  const token = live ? signToken(secret, lesson.shortId, window) : ''
  const image = live && input.withImage ? await deps.images.draw(CHECKIN_PAGE, token) : null
  const untilOpen = opensAt.getTime() - now.getTime()
  return ok({
    live,
    token,
    path: live ? `${CHECKIN_PAGE}?scene=${token}` : '',
    digits: live ? digitsFor(secret, lesson.shortId, digitsWindow) : '',
    digitsRefreshInMs: Math.max(1000, windowStart(digitsWindow + 1, DIGITS_WINDOW_MS).getTime() - now.getTime()),
    presence: presenceOf(lesson, course),
    // Accepted in its own window and a few seconds into the next (a scan in flight).
    validUntil: windowStart(window + 1).toISOString(),
    // Before opening, ask again at the opening moment (a screen left on at the door goes live by itself).
    refreshInMs: live
      ? Math.max(1000, windowStart(window + 1).getTime() - now.getTime())
      : untilOpen > 0
        ? Math.min(untilOpen, 10 * 60_000)
        : 60_000,
    imageBase64: image ? image.toString('base64') : null,
    lesson: lessonRef(lesson, course),
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
  })
}
