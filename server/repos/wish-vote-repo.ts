import { isDuplicateKey, rows, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import { WISH_NO_INDUSTRY, type WishState } from '@core/contracts/wishes'

/**
 * One worker's vote for one wish. `_id` is `${wishId}_${openid}` (wishVoteId): a second vote by the
 * same worker, however close the two taps, is refused by the database, not by a check that could race.
 */
export interface WishVoteDoc {
  _id: string
  wishId: string
  openid: string
  createdAt: Date
}

export const wishVoteId = (wishId: string, openid: string) => `${wishId}_${openid}`

/** Votes per wish as stored, with the newest vote's time (the timer repairs only wishes gone quiet). */
export interface VoteTally {
  wishId: string
  votes: number
  latest: Date
}

export interface WishVoteRepo {
  /** False when the worker already voted for this wish. */
  add(doc: WishVoteDoc): Promise<boolean>
  findByIds(ids: string[]): Promise<WishVoteDoc[]>
  remove(id: string): Promise<void>
  /** In `_id` order after `afterId`: the pages a merge or a notice run walks through. */
  listByWish(wishId: string, afterId: string, limit: number): Promise<WishVoteDoc[]>
  tallies(): Promise<VoteTally[]>
  /** Per wish, current voters per industry of their profile (joined to users in the database). */
  industries(wishIds: string[]): Promise<Map<string, { industry: string; voters: number }[]>>
  /**
   * Wishes ranked by their current voters of one industry (WISH_NO_INDUSTRY: none given), most first,
   * optionally of one state; a page of `limit` from `offset`. One aggregation joining users and wishes.
   */
  rankByIndustry(
    industry: string,
    state: WishState | null,
    offset: number,
    limit: number,
  ): Promise<{ wishId: string; voters: number }[]>
  /** Profile deletion: the votes go; the wishes keep their counts. */
  removeByOpenid(openid: string): Promise<void>
}

const PAGE = 5000

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Pipeline = any

/** The counting reads: over all votes, or a page of wishes, joined to the voters' profiles in the database. */
function aggregations(db: Db): Pick<WishVoteRepo, 'tallies' | 'industries' | 'rankByIndustry'> {
  const votes = db.collection(COLLECTIONS.wishVotes)
  const _ = db.command
  const $ = _.aggregate
  const all = async <T>(build: () => Pipeline): Promise<T[]> => {
    const out: T[] = []
    for (let skip = 0; ; skip += PAGE) {
      const { list } = (await build().skip(skip).limit(PAGE).end()) as { list: T[] }
      out.push(...list)
      if (list.length < PAGE) return out
    }
  }
  return {
    async tallies() {
      const list = await all<{ _id: string; n: number; latest: Date }>(() =>
        votes
          .aggregate()
          .group({ _id: '$wishId', n: $.sum(1), latest: $.max('$createdAt') })
          .sort({ _id: 1 }),
      )
      return list.map((r) => ({ wishId: r._id, votes: r.n, latest: new Date(r.latest) }))
    },
    async industries(wishIds) {
      const out = new Map<string, { industry: string; voters: number }[]>()
      if (wishIds.length === 0) return out
      const list = await all<{ _id: { wishId: string; industry?: string | null }; n: number }>(() =>
        votes
          .aggregate()
          .match({ wishId: _.in(wishIds) })
          .lookup({ from: COLLECTIONS.users, localField: 'openid', foreignField: '_id', as: 'user' })
          .unwind('$user')
          .group({ _id: { wishId: '$wishId', industry: '$user.industry' }, n: $.sum(1) })
          .sort({ _id: 1 }),
      )
      for (const row of list) {
        const industry = row._id.industry || WISH_NO_INDUSTRY
        const entry = out.get(row._id.wishId) ?? []
        const same = entry.find((e) => e.industry === industry)
        if (same) same.voters += row.n
        else entry.push({ industry, voters: row.n })
        out.set(row._id.wishId, entry)
      }
      for (const entry of out.values()) entry.sort((a, b) => b.voters - a.voters)
      return out
    },
    async rankByIndustry(industry, state, offset, limit) {
      const who = industry === WISH_NO_INDUSTRY ? _.in([null, '']) : industry
      let pipeline = votes
        .aggregate()
        .lookup({ from: COLLECTIONS.users, localField: 'openid', foreignField: '_id', as: 'user' })
        .unwind('$user')
        .match({ 'user.industry': who })
        .group({ _id: '$wishId', n: $.sum(1) })
      if (state) {
        pipeline = pipeline
          .lookup({ from: COLLECTIONS.wishes, localField: '_id', foreignField: '_id', as: 'wish' })
          .unwind('$wish')
          .match({ 'wish.state': state })
      }
      const { list } = (await pipeline.sort({ n: -1, _id: 1 }).skip(offset).limit(limit).end()) as {
        list: { _id: string; n: number }[]
      }
      return list.map((r) => ({ wishId: r._id, voters: r.n }))
    },
  }
}

export function createWishVoteRepo(db: Db): WishVoteRepo {
  const votes = db.collection(COLLECTIONS.wishVotes)
  const _ = db.command
  return {
    ...aggregations(db),
    async add(doc) {
      try {
        await votes.add({ data: doc })
        return true
      } catch (err) {
        if (isDuplicateKey(err)) return false
        throw err
      }
    },
    findByIds(ids) {
      if (ids.length === 0) return Promise.resolve([])
      return rows<WishVoteDoc>(votes.where({ _id: _.in(ids) }).limit(100))
    },
    async remove(id) {
      await votes.where({ _id: id }).remove()
    },
    listByWish(wishId, afterId, limit) {
      return rows<WishVoteDoc>(
        votes
          .where({ wishId, _id: _.gt(afterId) })
          .orderBy('_id', 'asc')
          .limit(limit),
      )
    },
    async removeByOpenid(openid) {
      await votes.where({ openid }).remove()
    },
  }
}
