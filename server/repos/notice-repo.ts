import { rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import { isDuplicateKey } from '../cloud'

export type NoticeKind = 'offer' | 'offer_expired' | 'course_cancelled'

/** A message owed to a worker; the reminders sweep delivers it by subscription message. */
export interface NoticeDoc {
  /** Deterministic, so a retried step queues the same notice once. */
  _id: string
  openid: string
  kind: NoticeKind
  courseId: string
  /** Kind-specific values for the template (e.g. the offer deadline). */
  data: Record<string, string>
  state: 'pending' | 'claimed' | 'sent' | 'refused' | 'failed'
  attempts: number
  createdAt: Date
}

export interface NoticeRepo {
  queue(notice: Omit<NoticeDoc, 'state' | 'attempts'>): Promise<void>
  listPending(limit: number): Promise<NoticeDoc[]>
  /** Marks a pending notice as handed to the outbox; false if another run took it. */
  handOver(id: string): Promise<boolean>
}

export function createNoticeRepo(db: Db): NoticeRepo {
  const notices = db.collection(COLLECTIONS.notices)
  return {
    async queue(notice) {
      try {
        await notices.add({ data: { ...notice, state: 'pending', attempts: 0 } })
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
    },
    listPending(limit) {
      return rows<NoticeDoc>(notices.where({ state: 'pending' }).orderBy('createdAt', 'asc').limit(limit))
    },
    async handOver(id) {
      return (
        (await updatedCount(notices.where({ _id: id, state: 'pending' }).update({ data: { state: 'claimed' } }))) === 1
      )
    },
  }
}
