/**
 * Contract of the `reminders` cloud function. Reminders go out as one-time subscription messages: each
 * template a worker accepts in wx.requestSubscribeMessage allows exactly one message. The only moment
 * the platform lets the app ask is a tap, so the app asks on 报名 / 确认参加 / 开启提醒 and reports the
 * answers here; the timer then spends those credits on lesson reminders and seat notices.
 */
export type TemplateKind = 'lessonReminder' | 'seatOffer' | 'courseChange'

export const TEMPLATE_KINDS: readonly TemplateKind[] = ['lessonReminder', 'seatOffer', 'courseChange']

/** What each kind tells the worker, for the app's wording. */
export const TEMPLATE_PURPOSE: Record<TemplateKind, string> = {
  lessonReminder: '上课提醒',
  seatOffer: '候补递补通知',
  courseChange: '课程变更通知',
}

/** A worker's answer for one template, as wx.requestSubscribeMessage reports it. */
export type SubscribeAnswer = 'accept' | 'reject' | 'ban' | 'filter'

export interface TemplatesRequest {
  action: 'templates'
}
export interface TemplatesResult {
  /** Only the kinds configured for this environment; at most 3 can be asked for in one tap. */
  templates: { kind: TemplateKind; id: string }[]
}

export interface SubscribeRequest {
  action: 'subscribe'
  /** templateId → answer, straight from wx.requestSubscribeMessage. */
  answers: Record<string, SubscribeAnswer>
}

export interface MySubscriptionsRequest {
  action: 'mySubscriptions'
}
export interface SubscriptionsResult {
  /** Messages of each kind the worker can still receive. */
  credits: Record<TemplateKind, number>
}

export type RemindersRequest = TemplatesRequest | SubscribeRequest | MySubscriptionsRequest

export interface RemindersResults {
  templates: TemplatesResult
  subscribe: SubscriptionsResult
  mySubscriptions: SubscriptionsResult
}

/** Template field rules (WeChat): a `thing` value is at most 20 characters. */
export function truncateThing(text: string, max = 20): string {
  const chars = [...text]
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`
}
