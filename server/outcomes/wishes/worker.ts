import { randomBytes } from 'node:crypto'
import { ok, fail, type Reply } from '@core/reply'
import { WISH_LIMITS, type VoteResult, type WishesPage, type WishView } from '@core/contracts/wishes'
import type { WishDoc } from '../../repos/wish-repo'
import { wishVoteId } from '../../repos/keys'
import type { WishDeps } from './deps'
import { mayTakePart, newWish, nextCursor, offsetOf, proposalProblem, wishView } from './rules'

/** What a worker sees of their own proposals above the list: still waiting, or closed with a reason. */
const OWN_SHOWN = 10

/**
 * Published wishes, most votes first, each saying whether the caller voted for it; on the first page
 * also the caller's own proposals staff have not published. Three or four reads, whoever asks.
 */
export async function listWishes(
  deps: WishDeps,
  input: { openid: string; cursor?: string },
): Promise<Reply<WishesPage>> {
  const offset = offsetOf(input.cursor)
  const size = WISH_LIMITS.pageSize
  const page = await deps.wishes.listRanked('published', offset, size + 1)
  const shown = page.slice(0, size)
  const voted = new Set(
    (await deps.wishVotes.findByIds(shown.map((w) => wishVoteId(w._id, input.openid)))).map((v) => v.wishId),
  )
  const own =
    offset === 0
      ? (await deps.wishes.listByProposer(input.openid, OWN_SHOWN)).filter(
          (w) => w.state === 'pending' || w.state === 'closed',
        )
      : []
  return ok({
    wishes: shown.map((w) => wishView(w, input.openid, voted.has(w._id))),
    nextCursor: nextCursor(offset, page.length, size),
    mine: own.map((w) => wishView(w, input.openid, false)),
  })
}

/** A new topic, waiting for staff; at most three of a worker's wait at once. */
export async function proposeWish(
  deps: WishDeps,
  input: { openid: string; title: string; detail?: string; category: string },
  now: Date,
): Promise<Reply<{ wish: WishView }>> {
  const text = { title: input.title.trim(), detail: (input.detail ?? '').trim(), category: input.category.trim() }
  const problem = proposalProblem(text)
  if (problem) return problem
  if (!mayTakePart(await deps.users.findById(input.openid))) return fail('WISH.PROFILE_INCOMPLETE')
  if ((await deps.wishes.countPending(input.openid)) >= WISH_LIMITS.pendingPerWorker) {
    return fail('WISH.TOO_MANY_PENDING')
  }
  const doc = newWish({ _id: `w${randomBytes(6).toString('hex')}`, ...text, proposer: input.openid }, now)
  await deps.wishes.insert(doc)
  return ok({ wish: wishView(doc, input.openid, false) })
}

/**
 * One vote per worker per wish. The vote is written first under its deterministic id (so a second tap
 * is refused by the database), then counted on the wish while it is still published. A call cut short
 * between the two leaves the count one short, which the outcomes timer raises back (upkeep.ts). A vote
 * for a wish merged into another — before the tap or while it ran — goes to that other wish.
 */
export async function voteWish(
  deps: WishDeps,
  input: { openid: string; wishId: string },
  now: Date,
): Promise<Reply<VoteResult>> {
  if (!mayTakePart(await deps.users.findById(input.openid))) return fail('WISH.PROFILE_INCOMPLETE')
  let wish = await deps.wishes.findById(input.wishId)
  let redirected = false
  // Two hops at most: a wish merged into one that was merged in turn.
  for (let hop = 0; hop < 3 && wish?.state === 'merged' && wish.mergedInto; hop++) {
    wish = await deps.wishes.findById(wish.mergedInto)
    redirected = true
  }
  if (!wish || (wish.state === 'pending' && wish.proposer !== input.openid)) return fail('WISH.NOT_FOUND')
  if (wish.state !== 'published') return fail('WISH.NOT_OPEN')
  return castVote(deps, wish, input.openid, redirected, now)
}

async function castVote(
  deps: WishDeps,
  wish: WishDoc,
  openid: string,
  redirected: boolean,
  now: Date,
): Promise<Reply<VoteResult>> {
  const id = wishVoteId(wish._id, openid)
  if (!(await deps.wishVotes.add({ _id: id, wishId: wish._id, openid, createdAt: now }))) {
    return fail('WISH.ALREADY_VOTED')
  }
  if (await deps.wishes.addVote(wish._id, now)) {
    return ok({ wish: wishView({ ...wish, votes: wish.votes + 1 }, openid, true), redirected })
  }
  // Moderated between the read and the count: follow a merge; a closed wish takes no more votes.
  const now2 = await deps.wishes.findById(wish._id)
  if (now2?.state === 'merged' && now2.mergedInto && !redirected) {
    const target = await deps.wishes.findById(now2.mergedInto)
    if (target?.state === 'published') {
      const moved = await castVote(deps, target, openid, true, now)
      // Already counted there (the merge copied this very vote): that is the vote, not a refusal.
      if (moved.ok || moved.error.code !== 'WISH.ALREADY_VOTED') return moved
      return ok({ wish: wishView(target, openid, true), redirected: true })
    }
  }
  if (now2?.state === 'scheduled') return ok({ wish: wishView(now2, openid, true), redirected })
  await deps.wishVotes.remove(id)
  return fail('WISH.NOT_OPEN')
}
