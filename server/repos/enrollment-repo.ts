import { rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { EnrollmentStatus } from '@core/contracts/enrollment'

/**
 * A worker's record for one course. `_id` is `${courseId}_${openid}`: the id itself makes "one
 * enrollment per worker per course" hold, since cloud transactions cannot query.
 */
export interface EnrollmentDoc {
  _id: string
  courseId: string
  openid: string
  status: EnrollmentStatus
  offerExpiresAt: Date | null
  /**
   * A message this state change owes the worker, moved into the outbox by the enrollment timer: the
   * change and its notice are then one write, and a crash cannot separate them.
   */
  noticeDue?: RecordNotice | null
  /** Set when the union cancelled the course: what the worker held then, so the roster can still show them. */
  formerStatus?: EnrollmentStatus | null
  /** When the worker tapped 知道了 on the union's cancellation (their red card on 我的 goes away). */
  cancelSeenAt?: Date
  createdAt: Date
  updatedAt: Date
}

export const RECORD_NOTICES = ['offer', 'offer_expired', 'course_cancelled'] as const
export type RecordNotice = (typeof RECORD_NOTICES)[number]

export const enrollmentId = (courseId: string, openid: string) => `${courseId}_${openid}`

export interface EnrollmentRepo {
  findById(id: string): Promise<EnrollmentDoc | null>
  /** At most 100 ids per call. */
  findByIds(ids: string[]): Promise<EnrollmentDoc[]>
  /** Writes the whole record (creating it, or replacing an ended one on re-enrollment). */
  put(doc: EnrollmentDoc): Promise<void>
  /** Removes a record only while it is still exactly as written at `writtenAt` in `status`. */
  removeUntouched(id: string, status: EnrollmentStatus, writtenAt: Date): Promise<boolean>
  /** Moves the record from `from` to a new state; false when it was no longer in `from`. */
  transition(
    id: string,
    from: EnrollmentStatus,
    patch: {
      status: EnrollmentStatus
      offerExpiresAt?: Date | null
      noticeDue?: RecordNotice | null
      formerStatus?: EnrollmentStatus | null
    },
    now: Date,
    guard?: { offerValidAt?: Date; offerExpiredAt?: Date },
  ): Promise<boolean>
  listByOpenid(openid: string, limit: number): Promise<EnrollmentDoc[]>
  /**
   * Records that the worker has seen that the union cancelled this course (知道了), once; false when the
   * record is not a cancelled one. Leaves updatedAt alone: nothing about the place changed.
   */
  markCancelSeen(id: string, now: Date): Promise<boolean>
  listByCourse(courseId: string, offset: number, limit: number): Promise<EnrollmentDoc[]>
  /** Every record of a course, read in pages of 100 (a course holds at most a few hundred). */
  listAllByCourse(courseId: string): Promise<EnrollmentDoc[]>
  listExpiredOffers(now: Date, limit: number): Promise<EnrollmentDoc[]>
  /** Records whose state change still owes the worker a message. */
  listNoticesDue(limit: number): Promise<EnrollmentDoc[]>
  /** Clears a record's due notice once it is in the outbox, unless the record moved on meanwhile. */
  clearNotice(doc: Pick<EnrollmentDoc, '_id' | 'noticeDue' | 'updatedAt'>): Promise<boolean>
  /** Records written in [from, to), oldest first, for the enrollment sweep. */
  listChangedBetween(from: Date, to: Date, offset: number, limit: number): Promise<EnrollmentDoc[]>
}

export function createEnrollmentRepo(db: Db): EnrollmentRepo {
  const enrollments = db.collection(COLLECTIONS.enrollments)
  const _ = db.command
  const listByCourse = (courseId: string, offset: number, limit: number) =>
    rows<EnrollmentDoc>(enrollments.where({ courseId }).orderBy('_id', 'asc').skip(offset).limit(limit))
  return {
    async findById(id) {
      const [found] = await rows<EnrollmentDoc>(enrollments.where({ _id: id }).limit(1))
      return found ?? null
    },
    async findByIds(ids) {
      if (ids.length === 0) return []
      return rows<EnrollmentDoc>(enrollments.where({ _id: _.in(ids) }).limit(100))
    },
    async put(doc) {
      const { _id, ...data } = doc
      await enrollments.doc(_id).set({ data })
    },
    async removeUntouched(id, status, writtenAt) {
      const res = (await enrollments.where({ _id: id, status, updatedAt: writtenAt }).remove()) as {
        stats: { removed: number }
      }
      return res.stats.removed === 1
    },
    async transition(id, from, patch, now, guard) {
      const where: Record<string, unknown> = { _id: id, status: from }
      if (guard?.offerValidAt) where.offerExpiresAt = _.gt(guard.offerValidAt)
      if (guard?.offerExpiredAt) where.offerExpiresAt = _.lte(guard.offerExpiredAt)
      const n = await updatedCount(enrollments.where(where).update({ data: { ...patch, updatedAt: now } }))
      return n === 1
    },
    async markCancelSeen(id, now) {
      const where = { _id: id, status: 'cancelled', cancelSeenAt: _.exists(false) }
      return (await updatedCount(enrollments.where(where).update({ data: { cancelSeenAt: now } }))) === 1
    },
    listByOpenid(openid, limit) {
      return rows<EnrollmentDoc>(enrollments.where({ openid }).orderBy('updatedAt', 'desc').limit(limit))
    },
    listByCourse,
    async listAllByCourse(courseId) {
      const out: EnrollmentDoc[] = []
      for (let offset = 0; ; offset += 100) {
        const page = await listByCourse(courseId, offset, 100)
        out.push(...page)
        if (page.length < 100) return out
      }
    },
    listNoticesDue(limit) {
      return rows<EnrollmentDoc>(enrollments.where({ noticeDue: _.in([...RECORD_NOTICES]) }).limit(limit))
    },
    async clearNotice({ _id, noticeDue, updatedAt }) {
      // Clearing leaves updatedAt alone: it dates the state change, which recovery relies on.
      const n = await updatedCount(
        enrollments.where({ _id, noticeDue, updatedAt }).update({ data: { noticeDue: null } }),
      )
      return n === 1
    },
    listChangedBetween(from, to, offset, limit) {
      return rows<EnrollmentDoc>(
        enrollments
          .where({ updatedAt: _.gte(from).and(_.lt(to)) })
          .orderBy('updatedAt', 'asc')
          .orderBy('_id', 'asc')
          .skip(offset)
          .limit(limit),
      )
    },
    listExpiredOffers(now, limit) {
      return rows<EnrollmentDoc>(
        enrollments
          .where({ status: 'offered', offerExpiresAt: _.lte(now) })
          .orderBy('offerExpiresAt', 'asc')
          .limit(limit),
      )
    },
  }
}
