/**
 * What a course edit does to lessons workers already count on: which lessons change, which of them may
 * no longer change (held, or checked into), and the course-change notice to everyone with a seat, an
 * offer or a waitlist place. Lessons are matched by index, the order of their start times.
 */
import { createHash } from 'node:crypto'
import { formatLessonTime } from '@core/time'
import type { CourseDoc, VenueDoc } from '../repos/course-repo'
import type { LessonDoc } from '../repos/lesson-repo'
import { inBatches, WRITE_CONCURRENCY, type AdminDeps } from './deps'

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

/** The words of the notice: one lesson said exactly, several in one line. */
function describe(changes: LessonChange[], venue: VenueDoc): { change: string; note: string } {
  if (changes.length > 1) return { change: `${changes.length}节课时间或地点调整`, note: '详情请打开小程序查看' }
  const [c] = changes
  if (!c.after) return { change: `第${c.index}课取消`, note: '详情请打开小程序查看' }
  const what = !c.before
    ? `新增第${c.index}课`
    : `第${c.index}课${c.timeChanged && c.venueChanged ? '时间地点调整' : c.timeChanged ? '改期' : '换地点'}`
  return { change: what, note: `${formatLessonTime(c.after.startsAt)} ${(c.after.venue ?? venue).name}` }
}

/**
 * Queues a course-change notice for every seat holder and waiting worker about the changes of lessons
 * still to come. The notice's key is the new schedule, so a retried edit queues it once and a second
 * edit is a second notice.
 */
export async function announceChanges(
  deps: Pick<AdminDeps, 'notices'>,
  course: CourseDoc,
  changes: LessonChange[],
  now: Date,
): Promise<number> {
  const upcoming = changes.filter((c) => ms((c.after ?? c.before)!.endsAt) > now.getTime())
  if (upcoming.length === 0) return 0
  const data = { title: course.title, ...describe(upcoming, course.venue) }
  const key = createHash('sha256')
    .update(JSON.stringify(upcoming.map((c) => [c.index, c.after?.startsAt, c.after?.endsAt, c.after?.venue])))
    .digest('hex')
    .slice(0, 12)
  const told = [...Object.keys(course.seats ?? {}), ...(course.waitlist ?? [])]
  const queued = await inBatches(told, WRITE_CONCURRENCY, (openid) =>
    deps.notices.enqueue({ kind: 'course_change', openid, courseId: course._id, data, key }, now),
  )
  return queued.filter(Boolean).length
}
