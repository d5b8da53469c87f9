/**
 * Course-change notices for lessons staff moved, added or dropped. A course edit marks each changed
 * lesson (`changeDue`) in the same write that changes it and calls `announceLessonChanges` right after;
 * when an edit is cut short in between, `announceMarkedChanges` (the reminders timer) finishes it from
 * the marks. Both queue under the edit's key, so workers are told once.
 */
import { formatLessonTime } from '@core/time'
import type { CourseDoc, VenueDoc } from '../repos/course-repo'
import type { LessonChangeWhat, LessonDoc } from '../repos/lesson-repo'
import { inBatches, WRITE_CONCURRENCY } from '../batches'
import { PAGE, type RemindersDeps } from './deps'

export interface AnnouncedChange {
  index: number
  what: LessonChangeWhat | 'removed'
  /** The lesson as it is now; null when it was dropped. */
  lesson: LessonDoc | null
}

const WORDS: Record<AnnouncedChange['what'], string> = {
  time: '改期',
  venue: '换地点',
  time_venue: '时间地点调整',
  added: '新增',
  removed: '取消',
}

/** One lesson said exactly; several in one line. */
function describe(changes: AnnouncedChange[], venue: VenueDoc): { change: string; note: string } {
  if (changes.length > 1) return { change: `${changes.length}节课时间或地点调整`, note: '详情请打开小程序查看' }
  const [{ index, what, lesson }] = changes
  const change = what === 'added' ? `新增第${index}课` : `第${index}课${WORDS[what]}`
  if (!lesson) return { change, note: '详情请打开小程序查看' }
  return { change, note: `${formatLessonTime(lesson.startsAt)} ${(lesson.venue ?? venue).name}` }
}

/**
 * Queues a course-change notice for every seat holder and waiting worker, then clears the lessons'
 * marks. Returns how many notices were new.
 */
export async function announceLessonChanges(
  deps: Pick<RemindersDeps, 'notices' | 'lessons'>,
  course: CourseDoc,
  changes: AnnouncedChange[],
  key: string,
  now: Date,
): Promise<number> {
  if (changes.length === 0) return 0
  const data = { title: course.title, ...describe(changes, course.venue) }
  const told = [...Object.keys(course.seats ?? {}), ...(course.waitlist ?? [])]
  const queued = await inBatches(told, WRITE_CONCURRENCY, (openid) =>
    deps.notices.enqueue({ kind: 'course_change', openid, courseId: course._id, data, key }, now),
  )
  for (const c of changes) if (c.lesson) await deps.lessons.clearChangeDue(c.lesson._id, key)
  return queued.filter(Boolean).length
}

/** Finishes the announcements of edits cut short: every marked lesson, grouped by course and edit. */
export async function announceMarkedChanges(
  deps: Pick<RemindersDeps, 'notices' | 'lessons' | 'courses'>,
  now: Date,
  inBudget: () => boolean,
): Promise<boolean> {
  for (;;) {
    const marked = await deps.lessons.listChangeDue(PAGE)
    const edits = new Map<string, LessonDoc[]>()
    for (const l of marked) {
      const k = `${l.courseId} ${l.changeDue!.key}`
      edits.set(k, [...(edits.get(k) ?? []), l])
    }
    for (const lessons of edits.values()) {
      if (!inBudget()) return false
      const { courseId, changeDue } = lessons[0]
      const course = await deps.courses.findById(courseId)
      const changes = lessons.map((l) => ({ index: l.index, what: l.changeDue!.what, lesson: l }))
      if (course?.status === 'published') await announceLessonChanges(deps, course, changes, changeDue!.key, now)
      else for (const l of lessons) await deps.lessons.clearChangeDue(l._id, changeDue!.key)
    }
    if (marked.length < PAGE) return true
  }
}
