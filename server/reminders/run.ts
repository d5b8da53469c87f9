import { ok, type Reply } from '@core/reply'
import type { RemindersDeps, RemindersRunResult } from './deps'
import { deliverDue } from './deliver'
import { announceMarkedChanges } from './lesson-changes'
import { planLessonReminders } from './plan'

/**
 * The reminders timer: finishes lesson-change announcements an edit left undone, queues the reminders
 * of lessons starting within 24 h into the one outbox, where the enrollment and staff notices already
 * wait, then delivers everything due. 43101 — the worker
 * allows no message — is final; other errors retry with backoff up to 3 times. Pages of 100; stops
 * before the time budget and the next run carries on.
 */
export async function runReminders(
  deps: RemindersDeps,
  now: Date,
  budgetMs: number,
): Promise<Reply<RemindersRunResult>> {
  const started = Date.now()
  const out: RemindersRunResult = {
    planned: 0,
    sent: 0,
    refused: 0,
    retrying: 0,
    failed: 0,
    skipped: 0,
    partial: false,
  }
  const inBudget = () => Date.now() - started < budgetMs
  const done =
    (await announceMarkedChanges(deps, now, inBudget)) &&
    (await planLessonReminders(deps, now, inBudget, out)) &&
    (await deliverDue(deps, now, inBudget, out))
  return ok(done ? out : { ...out, partial: true })
}
