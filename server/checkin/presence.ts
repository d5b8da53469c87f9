import type { PresenceInfo } from '@core/contracts/checkin'
import { fail, type Reply } from '@core/reply'
import { isGeoPoint, judgePosition, locationRequired, PRESENCE_RULES, type PhonePosition } from '@core/rules/presence'
import type { CourseDoc } from '../repos/course-doc'
import type { LessonDoc } from '../repos/lesson-repo'

/** How this lesson proves presence: the lesson's own switch, else the course's; off without coordinates. */
export function presenceOf(lesson: LessonDoc, course: CourseDoc): PresenceInfo {
  const venue = lesson.venue ?? course.venue
  const mode = lesson.presence ?? course.presence ?? 'location'
  return {
    mode: locationRequired(mode, venue) ? 'location' : 'none',
    radiusM: course.checkinRadiusM ?? PRESENCE_RULES.defaultRadiusM,
    venueLocated: isGeoPoint(venue),
    allowDigits: lesson.allowDigits === true,
  }
}

/**
 * The location step of a check-in. `null`: no check is needed or the phone is inside the fence (with
 * the distance, kept on the record for an audit); otherwise the refusal to send back.
 */
export function checkPosition(
  lesson: LessonDoc,
  course: CourseDoc,
  position: PhonePosition | undefined,
): { refusal: Reply<never> | null; distanceM?: number } {
  const info = presenceOf(lesson, course)
  if (info.mode === 'none') return { refusal: null }
  if (!position) return { refusal: fail('CHECKIN.LOCATION_REQUIRED', { field: 'position' }) }
  const venue = lesson.venue ?? course.venue
  if (!isGeoPoint(venue)) return { refusal: null }
  const verdict = judgePosition(venue, info.radiusM, position)
  if (verdict.ok) return { refusal: null, distanceM: Math.round(verdict.distanceM) }
  if (verdict.reason === 'too_coarse') {
    return { refusal: fail('CHECKIN.LOCATION_TOO_COARSE', { field: 'position' }) }
  }
  const km =
    verdict.distanceM >= 1000 ? `${(verdict.distanceM / 1000).toFixed(1)} 公里` : `${Math.round(verdict.distanceM)} 米`
  return {
    refusal: fail('CHECKIN.TOO_FAR', {
      field: 'position',
      message: `您距离上课地点约 ${km}，需在 ${info.radiusM} 米内才能签到。请到现场后再试，或请工作人员扫您的签到码`,
    }),
  }
}
