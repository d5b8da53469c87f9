import { rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { WishState } from '@core/contracts/wishes'

/**
 * A course topic workers asked for. `votes` is a count kept beside the votes themselves (wishVotes):
 * every vote is written first and counted second, so the count can only fall short of the votes, and
 * the outcomes timer raises a short count back (WishVoteRepo.tallies, WishRepo.raiseVotes).
 */
export interface WishDoc {
  _id: string
  title: string
  detail: string
  category: string
  state: WishState
  /** null once the proposer deleted their profile. */
  proposer: string | null
  votes: number
  closeReason: string | null
  mergedInto: string | null
  /** Set once a merged wish's votes are all copied to the target; null while the move is owed. */
  votesMovedAt: Date | null
  courseId: string | null
  scheduledAt: Date | null
  /** Set once every voter's notice is queued; null while they are owed. */
  votersNotifiedAt: Date | null
  moderatedBy: string | null
  createdAt: Date
  updatedAt: Date
}

export interface WishRepo {
  insert(doc: WishDoc): Promise<void>
  findById(id: string): Promise<WishDoc | null>
  /** At most 100 ids per call. */
  findByIds(ids: string[]): Promise<WishDoc[]>
  /** Most votes first, then oldest; `state` null: every state. */
  listRanked(state: WishState | null, offset: number, limit: number): Promise<WishDoc[]>
  /** The worker's own proposals, newest first. */
  listByProposer(openid: string, limit: number): Promise<WishDoc[]>
  countPending(openid: string): Promise<number>
  /** Counts one more vote while the wish is published; false when it no longer is. */
  addVote(id: string, now: Date): Promise<boolean>
  /** Raises the count to `to` if it still reads `seen` (the timer's repair of a count left short). */
  raiseVotes(id: string, seen: number, to: number, now: Date): Promise<boolean>
  /** Moves the wish to a new state with `patch` only if it is still in one of `from`. */
  transition(id: string, from: WishState[], patch: Partial<WishDoc>, now: Date): Promise<boolean>
  /** Sets `patch` only if the named fields still hold what they held (a step of the timer's work). */
  markIf(id: string, where: Partial<WishDoc>, patch: Partial<WishDoc>, now: Date): Promise<boolean>
  listMergedUnmoved(limit: number): Promise<WishDoc[]>
  /** Scheduled wishes whose voters are still owed their notice (most wait for their course to open). */
  listScheduledUnnotified(offset: number, limit: number): Promise<WishDoc[]>
  /** Profile deletion: the proposals stay, naming nobody. */
  anonymiseProposer(openid: string, now: Date): Promise<number>
}

export function createWishRepo(db: Db): WishRepo {
  const wishes = db.collection(COLLECTIONS.wishes)
  const _ = db.command
  const change = async (where: Record<string, unknown>, data: Record<string, unknown>) =>
    (await updatedCount(wishes.where(where).update({ data }))) === 1
  return {
    async insert(doc) {
      await wishes.add({ data: doc })
    },
    async findById(id) {
      const [found] = await rows<WishDoc>(wishes.where({ _id: id }).limit(1))
      return found ?? null
    },
    findByIds(ids) {
      if (ids.length === 0) return Promise.resolve([])
      return rows<WishDoc>(wishes.where({ _id: _.in(ids) }).limit(100))
    },
    listRanked(state, offset, limit) {
      const query = state ? wishes.where({ state }) : wishes.where({ votes: _.gte(0) })
      return rows<WishDoc>(query.orderBy('votes', 'desc').orderBy('createdAt', 'asc').skip(offset).limit(limit))
    },
    listByProposer(openid, limit) {
      return rows<WishDoc>(wishes.where({ proposer: openid }).orderBy('createdAt', 'desc').limit(limit))
    },
    async countPending(openid) {
      return ((await wishes.where({ proposer: openid, state: 'pending' }).count()) as { total: number }).total
    },
    addVote(id, now) {
      return change({ _id: id, state: 'published' }, { votes: _.inc(1), updatedAt: now })
    },
    raiseVotes(id, seen, to, now) {
      return change({ _id: id, votes: seen }, { votes: to, updatedAt: now })
    },
    transition(id, from, patch, now) {
      return change({ _id: id, state: _.in(from) }, { ...patch, updatedAt: now })
    },
    markIf(id, where, patch, now) {
      return change({ ...where, _id: id }, { ...patch, updatedAt: now })
    },
    listMergedUnmoved(limit) {
      return rows<WishDoc>(wishes.where({ state: 'merged', votesMovedAt: null }).limit(limit))
    },
    listScheduledUnnotified(offset, limit) {
      return rows<WishDoc>(
        wishes
          .where({ state: 'scheduled', votersNotifiedAt: null })
          .orderBy('createdAt', 'asc')
          .skip(offset)
          .limit(limit),
      )
    },
    anonymiseProposer(openid, now) {
      return updatedCount(wishes.where({ proposer: openid }).update({ data: { proposer: null, updatedAt: now } }))
    },
  }
}
