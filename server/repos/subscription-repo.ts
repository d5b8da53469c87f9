import { isDuplicateKey, rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'

/** One-time subscription credits of a worker for one template: each accepted tap allows one message. */
export interface SubscriptionDoc {
  _id: string
  openid: string
  templateId: string
  credits: number
  updatedAt: Date
}

const subscriptionId = (openid: string, templateId: string) => `${openid}_${templateId}`

export interface SubscriptionRepo {
  grant(openid: string, templateId: string, now: Date): Promise<void>
  /** Takes one credit if there is one; false when the worker has none left. */
  consume(openid: string, templateId: string, now: Date): Promise<boolean>
  /** Gives back a credit taken for a message the platform did not deliver (and so did not spend). */
  restore(openid: string, templateId: string, now: Date): Promise<void>
  listByOpenid(openid: string): Promise<SubscriptionDoc[]>
  /** Removes every credit of the worker (profile deletion). */
  removeByOpenid(openid: string): Promise<void>
}

export function createSubscriptionRepo(db: Db): SubscriptionRepo {
  const subscriptions = db.collection(COLLECTIONS.subscriptions)
  const _ = db.command
  const inc = (id: string, by: number, now: Date) =>
    updatedCount(subscriptions.where({ _id: id }).update({ data: { credits: _.inc(by), updatedAt: now } }))
  return {
    async grant(openid, templateId, now) {
      const id = subscriptionId(openid, templateId)
      if ((await inc(id, 1, now)) === 1) return
      try {
        await subscriptions.add({ data: { _id: id, openid, templateId, credits: 1, updatedAt: now } })
      } catch (err) {
        // Two taps raced to create the record: the other one made it, count ours on top.
        if (!isDuplicateKey(err)) throw err
        await inc(id, 1, now)
      }
    },
    async consume(openid, templateId, now) {
      const n = await updatedCount(
        subscriptions
          .where({ _id: subscriptionId(openid, templateId), credits: _.gt(0) })
          .update({ data: { credits: _.inc(-1), updatedAt: now } }),
      )
      return n === 1
    },
    async restore(openid, templateId, now) {
      await inc(subscriptionId(openid, templateId), 1, now)
    },
    listByOpenid(openid) {
      return rows<SubscriptionDoc>(subscriptions.where({ openid }).limit(100))
    },
    async removeByOpenid(openid) {
      await subscriptions.where({ openid }).remove()
    },
  }
}
