import type { PresenceInfo } from '@core/contracts/checkin'
import type { PresenceMode } from '@core/rules/presence'
import { fail, ok, type Reply } from '@core/reply'
import type { CheckinDeps } from './deps'
import { presenceOf } from './presence'

/**
 * Staff at the door change how this lesson proves presence: 允许仅输入数字码 (digits without a
 * position, e.g. a basement where phones find no fix) or the location check itself. Replies with the
 * lesson's presence as it now stands.
 */
export async function setCheckinOptions(
  deps: CheckinDeps,
  input: { lessonId: string; allowDigits?: boolean; presence?: PresenceMode },
): Promise<Reply<PresenceInfo>> {
  const lesson = await deps.lessons.findById(input.lessonId)
  const course = lesson ? await deps.courses.findById(lesson.courseId) : null
  if (!lesson || !course) return fail('CHECKIN.NOT_FOUND', { field: 'lessonId' })
  const options = { allowDigits: input.allowDigits, presence: input.presence }
  if (!(await deps.lessons.setCheckinOptions(lesson._id, options))) return fail('CHECKIN.NOT_FOUND')
  return ok(
    presenceOf(
      {
        ...lesson,
        ...(input.allowDigits !== undefined ? { allowDigits: input.allowDigits } : {}),
        ...(input.presence ? { presence: input.presence } : {}),
      },
      course,
    ),
  )
}
