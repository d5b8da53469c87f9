import { shanghaiInstant } from '@core'
import type { CourseFormValues } from './course-form'

interface Slot {
  start: number
  end: number
  venue: string
}

function instant(date: string, time: string): number {
  try {
    return shanghaiInstant(date, time).getTime()
  } catch {
    return NaN
  }
}

/** The form's lessons as the server compares them: in time order, each at its own venue or the course's. */
function schedule(v: CourseFormValues): Slot[] {
  const courseVenue = `${v.venueName.trim()}|${v.venueAddress.trim()}`
  return v.lessons
    .map((l) => ({
      start: instant(l.date, l.start),
      end: instant(l.date, l.end),
      venue: l.venue ? `${l.venue.name}|${l.venue.address}` : courseVenue,
    }))
    .sort((a, b) => a.start - b.start)
}

/**
 * Whether saving these values tells the course's workers of a change, by the rule the server applies
 * (server/admin/lesson-changes.ts): a lesson still to come that moves in time or place, or is added or
 * removed. Title, summary, capacity and the like are not announced.
 */
export function changeNotifies(before: CourseFormValues, after: CourseFormValues, now: number): boolean {
  const b = schedule(before)
  const a = schedule(after)
  for (let k = 0; k < Math.max(a.length, b.length); k++) {
    const was = b[k]
    const is = a[k]
    const changed = !was || !is || was.start !== is.start || was.end !== is.end || was.venue !== is.venue
    if (changed && (is ?? was).end > now) return true
  }
  return false
}

/** "已报名 35 人将收到变更通知" — everyone holding a seat or waiting for one is told. */
export function changeNoticeText(course: { seatsTaken: number; waitlistLength: number }): string | null {
  const { seatsTaken, waitlistLength } = course
  if (seatsTaken + waitlistLength === 0) return null
  return waitlistLength > 0
    ? `保存后，已报名 ${seatsTaken} 人和候补 ${waitlistLength} 人将收到变更通知`
    : `保存后，已报名 ${seatsTaken} 人将收到变更通知`
}
