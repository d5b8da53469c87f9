import { inBatches, WRITE_CONCURRENCY } from '../../batches'
import type { WishDoc } from '../../repos/wish-repo'
import { wishVoteId } from '../../repos/keys'
import type { WishDeps } from './deps'

const PAGE = 100

/**
 * Copies a merged wish's votes to its target, each under the target's own vote id: a worker who voted
 * for both keeps one vote there, and running the move again (a cut-short merge, the timer) copies
 * nothing twice. Each copy is counted on the target like any vote; a count left short by a crash is
 * raised by the timer. The source keeps its votes and its count, as a record of the merge.
 */
export async function moveVotes(
  deps: WishDeps,
  source: Pick<WishDoc, '_id' | 'mergedInto'>,
  now: Date,
): Promise<{ moved: number }> {
  const target = source.mergedInto
  if (!target) return { moved: 0 }
  let moved = 0
  for (let after = ''; ;) {
    const page = await deps.wishVotes.listByWish(source._id, after, PAGE)
    const added = await inBatches(page, WRITE_CONCURRENCY, async (v) => {
      const fresh = await deps.wishVotes.add({
        _id: wishVoteId(target, v.openid),
        wishId: target,
        openid: v.openid,
        createdAt: now,
      })
      if (fresh) await deps.wishes.addVote(target, now)
      return fresh
    })
    moved += added.filter(Boolean).length
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  await deps.wishes.markIf(source._id, { state: 'merged', votesMovedAt: null }, { votesMovedAt: now }, now)
  return { moved }
}
