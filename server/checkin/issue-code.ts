import { CHECKIN_PAGE, CHECKIN_WINDOW_SECONDS, type CheckinCode } from '@core/contracts/checkin'
import { fail, ok, type Reply } from '@core/reply'
import { checkinWindow, lessonRef, type CheckinDeps } from './deps'
import { signToken, windowAt, windowStart } from './token'

/** The code on the screen at the door; the screen asks again when `refreshInMs` runs out. */
export async function issueCheckinCode(
  deps: CheckinDeps,
  input: { lessonId: string; withImage?: boolean },
  now: Date,
): Promise<Reply<CheckinCode>> {
  const lesson = await deps.lessons.findById(input.lessonId)
  const course = lesson ? await deps.courses.findById(lesson.courseId) : null
  if (!lesson || !course) return fail('CHECKIN.NOT_FOUND', { field: 'lessonId' })
  const window = windowAt(now.getTime())
  const token = signToken(deps.secret(), lesson.shortId, window)
  const { opensAt, closesAt } = checkinWindow(lesson)
  const image = input.withImage ? await deps.images.draw(CHECKIN_PAGE, token) : null
  return ok({
    token,
    path: `${CHECKIN_PAGE}?scene=${token}`,
    // Accepted in its own window and the next: a worker who scanned just before the change still gets in.
    validUntil: windowStart(window + 2).toISOString(),
    refreshInMs: Math.max(1000, windowStart(window + 1).getTime() - now.getTime()),
    imageBase64: image ? image.toString('base64') : null,
    lesson: lessonRef(lesson, course),
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
  })
}

export const CODE_LIFETIME_SECONDS = CHECKIN_WINDOW_SECONDS * 2
