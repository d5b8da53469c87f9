import { isDuplicateKey, rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { TemplateKind } from '@core/contracts/reminders'
import type { Message } from '../reminders/templates'

/** retry: a send failed and will be tried again; failed, refused and skipped are final. */
export type ReminderState = 'pending' | 'claimed' | 'sent' | 'refused' | 'retry' | 'failed' | 'skipped'

/**
 * The outbox: one message owed to one worker. `_id` is deterministic (lesson × worker × kind, or the
 * notice it carries), so planning twice queues it once; a conditional claim makes sending at most once.
 */
export interface ReminderDoc {
  _id: string
  kind: TemplateKind
  openid: string
  /** For lesson reminders: still enrolled when it is sent? */
  courseId: string
  lessonId: string | null
  message: Message
  state: ReminderState
  attempts: number
  nextAttemptAt: Date
  lastError: string | null
  sentAt: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface ReminderRepo {
  addOnce(doc: ReminderDoc): Promise<boolean>
  /** Pending messages and retries whose time has come, oldest first. */
  listDue(now: Date, limit: number): Promise<ReminderDoc[]>
  /** Takes the message for sending if nobody else did since it was read. */
  claim(doc: ReminderDoc, now: Date): Promise<boolean>
  finish(
    id: string,
    patch: Partial<Pick<ReminderDoc, 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt'>>,
    now: Date,
  ): Promise<void>
  countByOpenid(openid: string, state: ReminderState): Promise<number>
}

export function createReminderRepo(db: Db): ReminderRepo {
  const reminders = db.collection(COLLECTIONS.reminders)
  const _ = db.command
  return {
    async addOnce(doc) {
      try {
        await reminders.add({ data: doc })
        return true
      } catch (err) {
        if (isDuplicateKey(err)) return false
        throw err
      }
    },
    listDue(now, limit) {
      return rows<ReminderDoc>(
        reminders
          .where({ state: _.in(['pending', 'retry']), nextAttemptAt: _.lte(now) })
          .orderBy('nextAttemptAt', 'asc')
          .limit(limit),
      )
    },
    async claim(doc, now) {
      const n = await updatedCount(
        reminders
          .where({ _id: doc._id, state: doc.state, attempts: doc.attempts })
          .update({ data: { state: 'claimed', updatedAt: now } }),
      )
      return n === 1
    },
    async finish(id, patch, now) {
      await reminders.where({ _id: id, state: 'claimed' }).update({ data: { ...patch, updatedAt: now } })
    },
    async countByOpenid(openid, state) {
      return ((await reminders.where({ openid, state }).count()) as { total: number }).total
    },
  }
}
