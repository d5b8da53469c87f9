/**
 * What a course edit does to lessons workers already count on: which lessons change, which of them may
 * no longer change (held, or checked into), and which changes workers are told of (through the
 * reminders feature's announcement). Lessons are matched by index, the order of their start times.
 */
import { createHash } from 'node:crypto'
import type { VenueDoc } from '../repos/course-repo'
import type { LessonChangeWhat, LessonDoc } from '../repos/lesson-repo'
import type { AnnouncedChange } from '../reminders'
import type { AdminDeps } from './deps'

export interface LessonChange {
  index: number
  before: LessonDoc | null
  after: LessonDoc | null
  timeChanged: boolean
  venueChanged: boolean
}

const ms = (d: Date | string) => new Date(d).getTime()
const venueKey = (v: VenueDoc) => `${v.name}|${v.address}`

/** Lessons whose time or place (its own, or the course's it falls back on) differs, plus added and removed ones. */
export function lessonChanges(
  before: LessonDoc[],
  after: LessonDoc[],
  venues: { before: VenueDoc; after: VenueDoc },
): LessonChange[] {
  const out: LessonChange[] = []
  for (let k = 0; k < Math.max(before.length, after.length); k++) {
    const b = before[k] ?? null
    const a = after[k] ?? null
    const timeChanged = !a || !b || ms(a.startsAt) !== ms(b.startsAt) || ms(a.endsAt) !== ms(b.endsAt)
    const venueChanged = !!a && !!b && venueKey(a.venue ?? venues.after) !== venueKey(b.venue ?? venues.before)
    if (timeChanged || venueChanged) out.push({ index: k + 1, before: b, after: a, timeChanged, venueChanged })
  }
  return out
}

/**
 * The first change that would move or drop a lesson already under way or checked into: its attendance
 * must keep pointing at the lesson it was taken at.
 */
export async function lockedChange(
  deps: Pick<AdminDeps, 'attendance'>,
  changes: LessonChange[],
  now: Date,
): Promise<LessonChange | null> {
  for (const c of changes) {
    if (!c.before || !c.timeChanged) continue
    if (ms(c.before.startsAt) <= now.getTime() || (await deps.attendance.hasAny(c.before._id))) return c
  }
  return null
}

function what(c: LessonChange): LessonChangeWhat | 'removed' {
  if (!c.after) return 'removed'
  if (!c.before) return 'added'
  return c.timeChanged && c.venueChanged ? 'time_venue' : c.timeChanged ? 'time' : 'venue'
}

/**
 * The changes workers are told of (lessons still to come), the edit's notice key (its new schedule, so
 * a retried edit is told once and a second edit again), and the lessons to write, each changed one
 * carrying its mark so that an edit cut short is announced by the reminders timer.
 */
export function toAnnounce(
  changes: LessonChange[],
  after: LessonDoc[],
  now: Date,
): { announced: AnnouncedChange[]; key: string; lessons: LessonDoc[] } {
  const upcoming = changes.filter((c) => ms((c.after ?? c.before)!.endsAt) > now.getTime())
  const key = createHash('sha256')
    .update(JSON.stringify(upcoming.map((c) => [c.index, c.after?.startsAt, c.after?.endsAt, c.after?.venue])))
    .digest('hex')
    .slice(0, 12)
  const announced = upcoming.map((c) => ({ index: c.index, what: what(c), lesson: c.after }))
  const marks = new Map<string, LessonChangeWhat>()
  for (const a of announced) if (a.lesson && a.what !== 'removed') marks.set(a.lesson._id, a.what)
  const lessons = after.map((l) => {
    const w = marks.get(l._id)
    return w ? { ...l, changeDue: { key, what: w } } : l
  })
  return { announced, key, lessons }
}
