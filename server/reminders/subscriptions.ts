import { TEMPLATE_KINDS, type SubscribeAnswer, type SubscriptionsResult } from '@core/contracts/reminders'
import { ok, type Reply } from '@core/reply'
import type { RemindersDeps } from './deps'

export function templates(deps: Pick<RemindersDeps, 'templates'>) {
  return ok({ templates: deps.templates() })
}

/** Records each template the worker allowed as one credit: one message of that kind may go out. */
export async function subscribe(
  deps: Pick<RemindersDeps, 'templates' | 'subscriptions'>,
  openid: string,
  answers: Record<string, SubscribeAnswer>,
  now: Date,
): Promise<Reply<SubscriptionsResult>> {
  // Only ids configured here count: the app cannot mint credits for templates we never send.
  for (const t of deps.templates()) {
    if (answers[t.id] === 'accept') await deps.subscriptions.grant(openid, t.id, now)
  }
  return mySubscriptions(deps, openid)
}

export async function mySubscriptions(
  deps: Pick<RemindersDeps, 'templates' | 'subscriptions'>,
  openid: string,
): Promise<Reply<SubscriptionsResult>> {
  const byTemplate = new Map((await deps.subscriptions.listByOpenid(openid)).map((s) => [s.templateId, s.credits]))
  const credits = Object.fromEntries(TEMPLATE_KINDS.map((k) => [k, 0])) as SubscriptionsResult['credits']
  for (const t of deps.templates()) credits[t.kind] = Math.max(0, byTemplate.get(t.id) ?? 0)
  return ok({ credits })
}
