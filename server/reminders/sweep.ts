import { ok, type Reply } from '@core/reply'
import type { TemplateKind } from '@core/contracts/reminders'
import { inBatches } from '../batches'
import { enrollmentId } from '../repos/enrollment-repo'
import type { NoticeDoc } from '../repos/notice-repo'
import type { ReminderDoc } from '../repos/reminder-repo'
import type { RemindersDeps } from './deps'
import { courseChangeMessage, lessonReminderMessage, seatOfferMessage, type Message } from './templates'

const PAGE = 100
/** Lessons are announced the day before: every lesson starting within this window gets its reminders. */
const AHEAD_MS = 24 * 3600_000
/** After a failed send: wait 1, then 5 minutes; the third failure is final. */
const BACKOFF_MS = [60_000, 5 * 60_000]
export const MAX_ATTEMPTS = 3
/** Requests in flight at once within one run. */
const PARALLEL = 8

export interface SweepResult {
  planned: number
  sent: number
  refused: number
  retrying: number
  failed: number
  skipped: number
  partial: boolean
}

/**
 * The reminders timer. Plans lesson reminders for lessons starting within 24 h and moves pending
 * notices (offers, expiries, cancellations) into the outbox, then delivers what is due: claim
 * (conditional, so overlapping runs never send twice), spend one of the worker's credits, send,
 * record the outcome. 43101 — the worker allows no message — is final; other errors retry with
 * backoff up to 3 times. Pages of 100; stops before the time budget and the next run carries on.
 */
export async function sweep(deps: RemindersDeps, now: Date, budgetMs: number): Promise<Reply<SweepResult>> {
  const started = Date.now()
  const out: SweepResult = { planned: 0, sent: 0, refused: 0, retrying: 0, failed: 0, skipped: 0, partial: false }
  const inBudget = () => Date.now() - started < budgetMs
  const partial = () => ok({ ...out, partial: true })

  for (;;) {
    const lessons = await deps.lessons.listStartingUnplanned(now, new Date(now.getTime() + AHEAD_MS), PAGE)
    for (const lesson of lessons) {
      if (!inBudget()) return partial()
      const course = await deps.courses.findById(lesson.courseId)
      if (course?.status === 'published') {
        const message = lessonReminderMessage({
          courseTitle: course.title,
          index: lesson.index,
          startsAt: new Date(lesson.startsAt),
          venueName: (lesson.venue ?? course.venue).name,
        })
        const seated = (await deps.enrollments.listAllByCourse(course._id)).filter((e) => e.status === 'enrolled')
        const added = await inBatches(seated, PARALLEL, (e) =>
          deps.reminders.addOnce(
            outboxItem(
              `${lesson._id}_${e.openid}_lessonReminder`,
              'lessonReminder',
              e.openid,
              course._id,
              lesson._id,
              message,
              now,
            ),
          ),
        )
        out.planned += added.filter(Boolean).length
      }
      // Only once every reminder is queued; a run cut short plans the rest next time (adds are idempotent).
      await deps.lessons.markRemindersPlanned(lesson._id, now)
    }
    if (lessons.length < PAGE) break
  }

  for (;;) {
    const notices = await deps.notices.listPending(PAGE)
    for (const n of notices) {
      if (!inBudget()) return partial()
      const [kind, message] = noticeMessage(n)
      if (await deps.reminders.addOnce(outboxItem(`notice_${n._id}`, kind, n.openid, n.courseId, null, message, now))) {
        out.planned++
      }
      await deps.notices.handOver(n._id)
    }
    if (notices.length < PAGE) break
  }

  const templates = new Map(deps.templates().map((t) => [t.kind, t.id]))
  for (;;) {
    const due = await deps.reminders.listDue(now, PAGE)
    let progressed = false
    // A few sends at a time: each waits on the network, and the claim keeps them from colliding.
    for (let i = 0; i < due.length; i += PARALLEL) {
      if (!inBudget()) return partial()
      await Promise.all(
        due.slice(i, i + PARALLEL).map(async (doc) => {
          if (!(await deps.reminders.claim(doc, now))) return
          progressed = true
          await deliver(deps, doc, templates.get(doc.kind), now, out)
        }),
      )
    }
    if (due.length < PAGE || !progressed) break
  }
  return ok(out)
}

async function deliver(
  deps: RemindersDeps,
  doc: ReminderDoc,
  templateId: string | undefined,
  now: Date,
  out: SweepResult,
): Promise<void> {
  const finish = (patch: Parameters<RemindersDeps['reminders']['finish']>[1]) =>
    deps.reminders.finish(doc._id, patch, now)
  if (!templateId) {
    out.skipped++
    return finish({ state: 'skipped', lastError: `no template configured for ${doc.kind}` })
  }
  if (doc.kind === 'lessonReminder') {
    // A worker who gave the seat back since the reminder was planned gets no reminder.
    const e = await deps.enrollments.findById(enrollmentId(doc.courseId, doc.openid))
    if (e?.status !== 'enrolled') {
      out.skipped++
      return finish({ state: 'skipped', lastError: 'no longer enrolled' })
    }
  }
  if (!(await deps.subscriptions.consume(doc.openid, templateId, now))) {
    out.refused++
    return finish({ state: 'refused', lastError: 'no subscription credit' })
  }
  const sent = await deps.notifier.send({ touser: doc.openid, templateId, ...doc.message })
  if (sent.ok) {
    out.sent++
    return finish({ state: 'sent', sentAt: now, attempts: doc.attempts + 1, lastError: null })
  }
  if (sent.errCode === 43101) {
    // WeChat says the worker allows no message of this kind: nothing to retry, and no credit to give back.
    out.refused++
    return finish({ state: 'refused', attempts: doc.attempts + 1, lastError: `43101 ${sent.errMsg}` })
  }
  // The platform did not deliver, so the worker's permission was not spent.
  await deps.subscriptions.restore(doc.openid, templateId, now)
  const attempts = doc.attempts + 1
  if (attempts >= MAX_ATTEMPTS) {
    out.failed++
    return finish({ state: 'failed', attempts, lastError: `${sent.errCode} ${sent.errMsg}` })
  }
  out.retrying++
  return finish({
    state: 'retry',
    attempts,
    nextAttemptAt: new Date(now.getTime() + BACKOFF_MS[attempts - 1]),
    lastError: `${sent.errCode} ${sent.errMsg}`,
  })
}

function outboxItem(
  id: string,
  kind: TemplateKind,
  openid: string,
  courseId: string,
  lessonId: string | null,
  message: Message,
  now: Date,
): ReminderDoc {
  return {
    _id: id,
    kind,
    openid,
    courseId,
    lessonId,
    message,
    state: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lastError: null,
    sentAt: null,
    createdAt: now,
    updatedAt: now,
  }
}

function noticeMessage(n: NoticeDoc): [TemplateKind, Message] {
  const courseTitle = n.data.title ?? ''
  switch (n.kind) {
    case 'offer':
      return ['seatOffer', seatOfferMessage({ courseTitle, deadline: n.data.deadline ?? '' })]
    case 'offer_expired':
      return [
        'courseChange',
        courseChangeMessage({
          courseId: n.courseId,
          courseTitle,
          change: '保留名额已过期',
          note: '名额已递补给下一位',
        }),
      ]
    case 'course_cancelled':
      return [
        'courseChange',
        courseChangeMessage({ courseId: n.courseId, courseTitle, change: '课程已取消', note: n.data.reason ?? '' }),
      ]
  }
}
