import { isDuplicateKey, rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'

/**
 * What a worker is told. A lesson reminder, a held seat, an expired hold, a cancelled course and a
 * changed lesson all go through this one outbox and its one state machine.
 */
export type NoticeKind =
  | 'lesson_reminder'
  | 'offer'
  | 'offer_expired'
  | 'course_cancelled'
  | 'course_change'
  /** A course made from a wish the worker voted for opened for enrollment. */
  | 'wish_course_open'

/**
 * pending → claimed → sent | refused | failed | skipped. A send that failed for a passing reason goes
 * back to pending with one more attempt and a later `nextAttemptAt`; `skipped` means the message was no
 * longer owed when its turn came (the worker left the course, the lesson moved, no template is set up).
 * A claimed notice whose sender died stays claimed: at most once, never twice.
 */
export type NoticeState = 'pending' | 'claimed' | 'sent' | 'refused' | 'failed' | 'skipped'

/** One message owed to one worker. */
export interface NoticeDoc {
  /** `${kind}_${lessonId or courseId}_${openid}_${key}` (noticeId): queuing the same event twice queues it once. */
  _id: string
  openid: string
  kind: NoticeKind
  courseId: string
  lessonId: string | null
  /**
   * The event's own values (an offer's deadline, a cancellation's reason, what changed). The rest of
   * the message is read from the course and the lesson as they are when it is sent.
   */
  data: Record<string, string>
  state: NoticeState
  attempts: number
  nextAttemptAt: Date
  lastError: string | null
  sentAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/** A notice to queue. `key` tells repeated events of one kind apart (successive offers, a lesson moved twice). */
export interface NewNotice {
  kind: NoticeKind
  openid: string
  courseId: string
  lessonId?: string | null
  data: Record<string, string>
  key: string
}

export const noticeId = (n: Pick<NewNotice, 'kind' | 'openid' | 'courseId' | 'lessonId' | 'key'>): string =>
  `${n.kind}_${n.lessonId ?? n.courseId}_${n.openid}_${n.key}`

/** How a claimed notice ended; `tried` says whether the platform was asked to send it (an attempt). */
export type NoticeOutcome =
  | { state: 'sent'; tried: true }
  | { state: 'refused' | 'failed' | 'skipped'; tried: boolean; lastError: string }
  | { state: 'pending'; tried: true; lastError: string; nextAttemptAt: Date }

export interface NoticeRepo {
  /** Queues a notice under its deterministic id; false when it was queued before. */
  enqueue(notice: NewNotice, now: Date): Promise<boolean>
  /** Pending notices whose time has come, oldest first. */
  listDue(now: Date, limit: number): Promise<NoticeDoc[]>
  /** Takes the notice for sending if nobody else did since it was read (same state, same attempts). */
  claim(doc: NoticeDoc, now: Date): Promise<boolean>
  /** Records how a claimed notice ended, or puts it back to pending for a retry. */
  finish(doc: NoticeDoc, outcome: NoticeOutcome, now: Date): Promise<void>
  listByOpenid(openid: string, limit: number): Promise<NoticeDoc[]>
  countByOpenid(openid: string, state: NoticeState): Promise<number>
  /** Removes every notice of the worker (profile deletion). */
  removeByOpenid(openid: string): Promise<void>
}

function pendingDoc(
  base: Omit<NoticeDoc, 'state' | 'attempts' | 'nextAttemptAt' | 'lastError' | 'sentAt' | 'updatedAt'>,
) {
  return {
    ...base,
    state: 'pending' as const,
    attempts: 0,
    nextAttemptAt: base.createdAt,
    lastError: null,
    sentAt: null,
    updatedAt: base.createdAt,
  }
}

export function createNoticeRepo(db: Db): NoticeRepo {
  const notices = db.collection(COLLECTIONS.notices)
  const _ = db.command
  const addOnce = async (doc: NoticeDoc): Promise<boolean> => {
    try {
      await notices.add({ data: doc })
      return true
    } catch (err) {
      if (isDuplicateKey(err)) return false
      throw err
    }
  }
  return {
    enqueue(n, now) {
      const { openid, kind, courseId, data } = n
      return addOnce(
        pendingDoc({ _id: noticeId(n), openid, kind, courseId, lessonId: n.lessonId ?? null, data, createdAt: now }),
      )
    },
    listDue(now, limit) {
      return rows<NoticeDoc>(
        notices
          .where({ state: 'pending', nextAttemptAt: _.lte(now) })
          .orderBy('nextAttemptAt', 'asc')
          .limit(limit),
      )
    },
    async claim(doc, now) {
      const n = await updatedCount(
        notices
          .where({ _id: doc._id, state: 'pending', attempts: doc.attempts })
          .update({ data: { state: 'claimed', updatedAt: now } }),
      )
      return n === 1
    },
    async finish(doc, outcome, now) {
      const { tried, ...fields } = outcome
      const patch: Record<string, unknown> = { ...fields, attempts: doc.attempts + (tried ? 1 : 0), updatedAt: now }
      if (outcome.state === 'sent') Object.assign(patch, { sentAt: now, lastError: null })
      await notices.where({ _id: doc._id, state: 'claimed' }).update({ data: patch })
    },
    listByOpenid(openid, limit) {
      return rows<NoticeDoc>(notices.where({ openid }).orderBy('createdAt', 'desc').limit(limit))
    },
    async countByOpenid(openid, state) {
      return ((await notices.where({ openid, state }).count()) as { total: number }).total
    },
    async removeByOpenid(openid) {
      await notices.where({ openid }).remove()
    },
  }
}
