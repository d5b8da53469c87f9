import type { getCloud } from '../cloud'

/** A subscription message's values, keyed by the template's field names (thing1, time2, …). */
export type MessageData = Record<string, { value: string }>

/** What a tap on the message opens, and its values. */
export interface Message {
  page: string
  data: MessageData
}

export type SendOutcome = { ok: true } | { ok: false; errCode: number; errMsg: string }

/** Sends one subscription message. The only code that calls subscribeMessage.send. */
export interface Notifier {
  send(message: { touser: string; templateId: string; page: string; data: MessageData }): Promise<SendOutcome>
}

export function createNotifier(cloud: ReturnType<typeof getCloud>): Notifier {
  return {
    async send({ touser, templateId, page, data }) {
      try {
        await cloud.openapi.subscribeMessage.send({
          touser,
          templateId,
          page,
          data,
          // Which version of the mini-program a tap on the message opens; set per environment.
          miniprogramState: process.env.MINIPROGRAM_STATE || 'formal',
          lang: 'zh_CN',
        })
        return { ok: true }
      } catch (err) {
        const e = err as { errCode?: number; errMsg?: string; message?: string }
        return { ok: false, errCode: e.errCode ?? -1, errMsg: e.errMsg ?? e.message ?? String(err) }
      }
    },
  }
}
