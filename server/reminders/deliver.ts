import type { Message } from '../platform/notifier'
import { enrollmentId } from '../repos/keys'
import type { NoticeDoc, NoticeOutcome } from '../repos/notice-repo'
import { PAGE, PARALLEL, type RemindersDeps, type RemindersRunResult } from './deps'
import { courseNoticeMessage, lessonReminderMessage, TEMPLATE_OF } from './templates'

/** After a failed send: wait 1, then 5 minutes; the third failure is final. */
const BACKOFF_MS = [60_000, 5 * 60_000]
export const MAX_ATTEMPTS = 3

/**
 * Sends what is due: claim (conditional, so overlapping runs never send twice), build the message from
 * the course and lesson as they are now, spend one of the worker's credits, send, record the outcome.
 * Returns false when the time budget ran out.
 */
export async function deliverDue(
  deps: RemindersDeps,
  now: Date,
  inBudget: () => boolean,
  out: RemindersRunResult,
): Promise<boolean> {
  const templates = new Map(deps.templates().map((t) => [t.kind, t.id]))
  const read = oncePerRun(deps)
  for (;;) {
    const due = await deps.notices.listDue(now, PAGE)
    let progressed = false
    // A few sends at a time: each waits on the network, and the claim keeps them from colliding.
    for (let i = 0; i < due.length; i += PARALLEL) {
      if (!inBudget()) return false
      await Promise.all(
        due.slice(i, i + PARALLEL).map(async (doc) => {
          if (!(await deps.notices.claim(doc, now))) return
          progressed = true
          const outcome = await deliver(deps, read, doc, templates.get(TEMPLATE_OF[doc.kind]), now)
          count(out, outcome)
          await deps.notices.finish(doc, outcome, now)
        }),
      )
    }
    if (due.length < PAGE || !progressed) return true
  }
}

function count(out: RemindersRunResult, outcome: NoticeOutcome): void {
  if (outcome.state === 'pending') out.retrying++
  else out[outcome.state]++
}

type Reads = ReturnType<typeof oncePerRun>

/** Lessons and courses as they are now, each read once per run however many of its notices go out. */
function oncePerRun(deps: RemindersDeps) {
  const lessons = new Map<string, ReturnType<RemindersDeps['lessons']['findById']>>()
  const courses = new Map<string, ReturnType<RemindersDeps['courses']['findById']>>()
  const memo = <T>(cache: Map<string, T>, id: string, load: () => T): T => {
    if (!cache.has(id)) cache.set(id, load())
    return cache.get(id)!
  }
  return {
    lesson: (id: string) => memo(lessons, id, () => deps.lessons.findById(id)),
    course: (id: string) => memo(courses, id, () => deps.courses.findById(id)),
  }
}

/** The message a notice carries now, or why it is no longer owed. */
async function compose(deps: RemindersDeps, read: Reads, doc: NoticeDoc): Promise<Message | string> {
  if (doc.kind !== 'lesson_reminder') {
    const course = await read.course(doc.courseId)
    // "Open for enrollment" is owed only while it is true: not for a course cancelled since.
    if (doc.kind === 'wish_course_open' && course?.status !== 'published') return 'course no longer open'
    return courseNoticeMessage(doc.kind, course ?? { _id: doc.courseId, title: '' }, doc.data)
  }
  const [lesson, course, record] = await Promise.all([
    read.lesson(doc.lessonId ?? ''),
    read.course(doc.courseId),
    deps.enrollments.findById(enrollmentId(doc.courseId, doc.openid)),
  ])
  if (!lesson || course?.status !== 'published') return 'lesson no longer held'
  // Moved since it was planned: the reminder for the new time is planned separately.
  if (String(new Date(lesson.startsAt).getTime()) !== doc.data.startsAt) return 'lesson moved'
  // A worker who gave the seat back since the reminder was planned gets no reminder.
  if (record?.status !== 'enrolled') return 'no longer enrolled'
  return lessonReminderMessage({
    courseTitle: course.title,
    index: lesson.index,
    startsAt: new Date(lesson.startsAt),
    venueName: (lesson.venue ?? course.venue).name,
  })
}

async function deliver(
  deps: RemindersDeps,
  read: Reads,
  doc: NoticeDoc,
  templateId: string | undefined,
  now: Date,
): Promise<NoticeOutcome> {
  if (!templateId) return { state: 'skipped', tried: false, lastError: `no template configured for ${doc.kind}` }
  const message = await compose(deps, read, doc)
  if (typeof message === 'string') return { state: 'skipped', tried: false, lastError: message }
  if (!(await deps.subscriptions.consume(doc.openid, templateId, now))) {
    return { state: 'refused', tried: false, lastError: 'no subscription credit' }
  }
  const sent = await deps.notifier.send({ touser: doc.openid, templateId, ...message })
  if (sent.ok) return { state: 'sent', tried: true }
  const lastError = `${sent.errCode} ${sent.errMsg}`
  // WeChat says the worker allows no message of this kind: nothing to retry, and no credit to give back.
  if (sent.errCode === 43101) return { state: 'refused', tried: true, lastError }
  // The platform did not deliver, so the worker's permission was not spent.
  await deps.subscriptions.restore(doc.openid, templateId, now)
  const attempts = doc.attempts + 1
  if (attempts >= MAX_ATTEMPTS) return { state: 'failed', tried: true, lastError }
  return { state: 'pending', tried: true, lastError, nextAttemptAt: new Date(now.getTime() + BACKOFF_MS[attempts - 1]) }
}
