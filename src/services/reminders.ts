import Taro from '@tarojs/taro'
import type { Reply, SubscribeAnswer, SubscriptionsResult, TemplatesResult } from '@core'
import { call } from './cloud'
import { getDevOpenId, isH5 } from './dev-identity'

export type SubscribeAnswers = Record<string, SubscribeAnswer>

/** WeChat shows at most 3 templates in one request (newer docs say 5; older clients still refuse 4). */
export const MAX_TEMPLATES_PER_ASK = 3

const ANSWERS: readonly string[] = ['accept', 'reject', 'ban', 'filter'] satisfies SubscribeAnswer[]

/** The kinds of reminder configured for this environment, with their template ids. */
export function templates(): Promise<Reply<TemplatesResult>> {
  return call('reminders', { action: 'templates' })
}

/** Tells the server what the worker answered, so the timer knows which messages it may send. */
export function subscribe(answers: SubscribeAnswers): Promise<Reply<SubscriptionsResult>> {
  return call('reminders', { action: 'subscribe', answers })
}

/** Reports still on their way; a read of the credits waits for them so it never shows the count before. */
const reporting = new Set<Promise<unknown>>()

export async function mySubscriptions(): Promise<Reply<SubscriptionsResult>> {
  if (reporting.size > 0) await Promise.all(reporting)
  return call('reminders', { action: 'mySubscriptions' })
}

/** Keeps only template ids we asked for with an answer WeChat defines (drops `errMsg` and the like). */
function pickAnswers(raw: unknown, asked: string[]): SubscribeAnswers {
  const answers: SubscribeAnswers = {}
  if (!raw || typeof raw !== 'object') return answers
  for (const id of asked) {
    const answer = (raw as Record<string, unknown>)[id]
    if (typeof answer === 'string' && ANSWERS.includes(answer)) answers[id] = answer as SubscribeAnswer
  }
  return answers
}

function askWeChat(tmplIds: string[]): Promise<unknown> {
  // Taro's wrapper calls wx.requestSubscribeMessage inside the Promise executor, i.e. synchronously here.
  return Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option)
}

/** The local cloud's stand-in for the WeChat dialog: it answers as if the worker tapped 允许. */
async function askLocalCloud(templateIds: string[]): Promise<unknown> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  const openid = getDevOpenId()
  if (openid) headers['X-OpenID'] = openid
  const res = await fetch('/dev/subscribe', { method: 'POST', headers, body: JSON.stringify({ templateIds }) })
  const body = (await res.json()) as { ok?: unknown; data?: unknown }
  return body && body.ok === true ? body.data : null
}

/**
 * Asks the worker to allow these reminders and reports the answers to the server. WeChat only shows the
 * dialog when this runs synchronously inside a tap handler (after an await it fails with "can only be
 * invoked by user TAP gesture"), so call it first thing in the handler and await it later. It never
 * rejects: a refusal, a closed dialog or a failure all answer `{}`, and the caller carries on.
 */
export function askSubscription(templateIds: string[]): Promise<SubscribeAnswers> {
  const ids = [...new Set(templateIds)].slice(0, MAX_TEMPLATES_PER_ASK)
  if (ids.length === 0) return Promise.resolve({})
  let asking: Promise<unknown>
  try {
    asking = isH5() ? askLocalCloud(ids) : askWeChat(ids)
  } catch {
    return Promise.resolve({})
  }
  return asking.then(
    (raw) => {
      const answers = pickAnswers(raw, ids)
      if (Object.keys(answers).length > 0) {
        // Fire and forget: the answers matter to the timer, not to the tap that asked.
        const report: Promise<unknown> = subscribe(answers)
          .catch(() => null)
          .finally(() => reporting.delete(report))
        reporting.add(report)
      }
      return answers
    },
    () => ({}),
  )
}
