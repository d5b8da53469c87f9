import { isDuplicateKey, rows, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import { WISH_NO_INDUSTRY } from '@core/contracts/wishes'

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
  /** Profile deletion: the votes go; the wishes keep their counts. */
  removeByOpenid(openid: string): Promise<void>
}

const PAGE = 5000

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Pipeline = any

export function createWishVoteRepo(db: Db): WishVoteRepo {
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
    async removeByOpenid(openid) {
      await votes.where({ openid }).remove()
    },
  }
}
