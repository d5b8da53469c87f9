import { inBatches } from '../batches'
import { PAGE, PARALLEL, type RemindersDeps, type RemindersRunResult } from './deps'

/** Lessons are announced the day before: every lesson starting within this window gets its reminders. */
const AHEAD_MS = 24 * 3600_000

/**
 * Queues a reminder for every seated worker of each lesson starting within 24 h. The reminder is keyed
 * by the lesson's start, so a lesson moved after it was planned is planned again for its new time (the
 * lesson edit clears the marker), while planning the same lesson twice queues each reminder once.
 * Returns false when the time budget ran out.
 */
export async function planLessonReminders(
  deps: RemindersDeps,
  now: Date,
  inBudget: () => boolean,
  out: RemindersRunResult,
): Promise<boolean> {
  for (;;) {
    const lessons = await deps.lessons.listStartingUnplanned(now, new Date(now.getTime() + AHEAD_MS), PAGE)
    for (const lesson of lessons) {
      if (!inBudget()) return false
      const course = await deps.courses.findById(lesson.courseId)
      if (course?.status === 'published') {
        const startsAt = String(new Date(lesson.startsAt).getTime())
        const seated = (await deps.enrollments.listAllByCourse(course._id)).filter((e) => e.status === 'enrolled')
        const added = await inBatches(seated, PARALLEL, (e) =>
          deps.notices.enqueue(
            {
              kind: 'lesson_reminder',
              openid: e.openid,
              courseId: course._id,
              lessonId: lesson._id,
              data: { startsAt },
              key: startsAt,
            },
            now,
          ),
        )
        out.planned += added.filter(Boolean).length
      }
      // Only once every reminder is queued; a run cut short plans the rest next time (adds are idempotent).
      await deps.lessons.markRemindersPlanned(lesson._id, now)
    }
    if (lessons.length < PAGE) return true
  }
}
