import type { WishDeps } from './deps'
import { moveVotes } from './merge'

/**
 * A vote written within this long may still be on its way to being counted (a function lives at most
 * 60 s), so the repair leaves wishes with newer votes to a later run.
 */
export const QUIET_MS = 2 * 60_000
const PAGE = 100

export interface WishUpkeep {
  /** Merges whose votes were still owed to the target, finished now. */
  merges: number
  /** Counts left short by a call cut short between the vote and its count, raised now. */
  repaired: number
  /** Notices queued to voters (and proposers) of wishes whose course opened. */
  notified: number
  partial: boolean
}

/**
 * The wishes' share of the outcomes timer. Every step is safe to run again: a merge copies votes under
 * the target's ids, the repair writes only if the count still reads what it read, and a notice's id
 * is deterministic (a run dying midway re-queues nothing twice; the wish is marked only after all).
 */
export async function wishUpkeep(deps: WishDeps, now: Date, inBudget: () => boolean): Promise<WishUpkeep> {
  const out: WishUpkeep = { merges: 0, repaired: 0, notified: 0, partial: false }
  for (const wish of await deps.wishes.listMergedUnmoved(PAGE)) {
    if (!inBudget()) return { ...out, partial: true }
    await moveVotes(deps, wish, now)
    out.merges++
  }
  out.repaired = await repairCounts(deps, now)
  // Wishes notified leave the query; those still waiting for their course stay, so skip past those only.
  for (let waiting = 0; ;) {
    const page = await deps.wishes.listScheduledUnnotified(waiting, PAGE)
    for (const wish of page) {
      if (!inBudget()) return { ...out, partial: true }
      const queued = await notifyVoters(deps, wish._id, wish.courseId, wish.proposer, now)
      if (queued === null) waiting++
      else out.notified += queued
    }
    if (page.length < PAGE) break
  }
  return out
}

/** Raises every count that fell short of its stored votes, on wishes with no vote in flight. */
async function repairCounts(deps: WishDeps, now: Date): Promise<number> {
  const tallies = (await deps.wishVotes.tallies()).filter((t) => now.getTime() - t.latest.getTime() >= QUIET_MS)
  let repaired = 0
  for (let i = 0; i < tallies.length; i += PAGE) {
    const chunk = tallies.slice(i, i + PAGE)
    const wishes = new Map((await deps.wishes.findByIds(chunk.map((t) => t.wishId))).map((w) => [w._id, w]))
    for (const t of chunk) {
      const wish = wishes.get(t.wishId)
      if (wish && wish.votes < t.votes && (await deps.wishes.raiseVotes(wish._id, wish.votes, t.votes, now))) {
        repaired++
      }
    }
  }
  return repaired
}

/**
 * Once the course made from the wish is published and open for enrollment, one notice to each voter
 * and to the proposer, then the wish is marked. Not before: a course still closed would be a notice
 * the worker cannot act on.
 */
async function notifyVoters(
  deps: WishDeps,
  wishId: string,
  courseId: string | null,
  proposer: string | null,
  now: Date,
): Promise<number | null> {
  const course = courseId ? await deps.courses.findById(courseId) : null
  if (!course || course.status !== 'published' || new Date(course.enrollOpensAt).getTime() > now.getTime()) {
    return null
  }
  const notice = (openid: string) =>
    deps.notices.enqueue({ kind: 'wish_course_open', openid, courseId: course._id, data: {}, key: wishId }, now)
  let queued = 0
  for (let after = ''; ;) {
    const page = await deps.wishVotes.listByWish(wishId, after, PAGE)
    for (const v of page) if (await notice(v.openid)) queued++
    if (page.length < PAGE) break
    after = page[page.length - 1]._id
  }
  // The proposer wanted it too, voted or not (if they voted, the notice's id is the one just queued).
  if (proposer && (await notice(proposer))) queued++
  await deps.wishes.markIf(wishId, { state: 'scheduled', votersNotifiedAt: null }, { votersNotifiedAt: now }, now)
  return queued
}
