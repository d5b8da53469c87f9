import { fail, ok, type Reply } from '@core/reply'
import { INDUSTRIES } from '@core/contracts/catalog'
import {
  WISH_LIMITS,
  WISH_NO_INDUSTRY,
  type ModerateDecision,
  type StaffWishesPage,
  type StaffWishView,
  type WishState,
} from '@core/contracts/wishes'
import type { WishDoc } from '../../repos/wish-repo'
import type { WishDeps } from './deps'
import { moveVotes } from './merge'
import { closeReasonProblem, nextCursor, offsetOf, staffWishView } from './rules'

/** Every wish (or those in one state), most votes first, with who wants it by industry: four reads a page. */
export async function staffWishes(
  deps: WishDeps,
  input: { state?: WishState; industry?: string; cursor?: string },
): Promise<Reply<StaffWishesPage>> {
  const offset = offsetOf(input.cursor)
  const size = WISH_LIMITS.pageSize
  if (input.industry !== undefined) {
    if (input.industry !== WISH_NO_INDUSTRY && !(INDUSTRIES as readonly string[]).includes(input.industry)) {
      return fail('WISH.BAD_INDUSTRY', { field: 'industry' })
    }
    return byIndustry(deps, { ...input, industry: input.industry }, offset)
  }
  const page = await deps.wishes.listRanked(input.state ?? null, offset, size + 1)
  const shown = page.slice(0, size)
  return ok({ wishes: await staffViews(deps, shown), nextCursor: nextCursor(offset, page.length, size) })
}

/** Ranked by one industry's voters: the ranking from the votes, then the wishes it names, in its order. */
async function byIndustry(
  deps: WishDeps,
  input: { state?: WishState; industry: string },
  offset: number,
): Promise<Reply<StaffWishesPage>> {
  const size = WISH_LIMITS.pageSize
  const ranked = await deps.wishVotes.rankByIndustry(input.industry, input.state ?? null, offset, size + 1)
  const shown = ranked.slice(0, size)
  const docs = new Map((await deps.wishes.findByIds(shown.map((r) => r.wishId))).map((w) => [w._id, w]))
  const ordered = shown.flatMap((r) => docs.get(r.wishId) ?? [])
  return ok({ wishes: await staffViews(deps, ordered), nextCursor: nextCursor(offset, ranked.length, size) })
}

async function staffViews(deps: WishDeps, docs: WishDoc[]): Promise<StaffWishView[]> {
  const targetIds = [...new Set(docs.flatMap((d) => (d.mergedInto ? [d.mergedInto] : [])))]
  const courseIds = [...new Set(docs.flatMap((d) => (d.courseId ? [d.courseId] : [])))]
  const [industries, targets, courses] = await Promise.all([
    deps.wishVotes.industries(docs.map((d) => d._id)),
    deps.wishes.findByIds(targetIds),
    courseIds.length ? deps.courses.findByIds(courseIds) : Promise.resolve([]),
  ])
  const targetOf = new Map(targets.map((t) => [t._id, t]))
  const courseOf = new Map(courses.map((c) => [c._id, c]))
  return docs.map((d) => {
    const target = d.mergedInto ? targetOf.get(d.mergedInto) : undefined
    const course = d.courseId ? courseOf.get(d.courseId) : undefined
    return staffWishView(d, {
      industries: industries.get(d._id) ?? [],
      mergedInto: target ? { id: target._id, title: target.title } : null,
      course: course
        ? {
            id: course._id,
            title: course.title,
            status: course.status,
            enrollOpensAt: new Date(course.enrollOpensAt).toISOString(),
          }
        : null,
    })
  })
}

/**
 * Staff publish a proposal, close a wish with a reason the proposer sees, or merge it into a published
 * wish (its voters' votes move there, a worker who voted for both counted once). Each is one conditional
 * write on the wish's state, so two staff deciding at once cannot both win; merging again into the same
 * target finishes a move that was cut short (so does the outcomes timer).
 */
export async function moderateWish(
  deps: WishDeps,
  input: { by: string; wishId: string; decision: ModerateDecision; reason?: string; targetId?: string },
  now: Date,
): Promise<Reply<{ wish: StaffWishView }>> {
  const wish = await deps.wishes.findById(input.wishId)
  if (!wish) return fail('WISH.NOT_FOUND')
  const open: WishState[] = ['pending', 'published']
  const decided = await decide(deps, wish, open, input, now)
  if (!decided.ok) return decided
  const saved = await deps.wishes.findById(wish._id)
  if (!saved) return fail('WISH.NOT_FOUND')
  const [view] = await staffViews(deps, [saved])
  return ok({ wish: view })
}

async function decide(
  deps: WishDeps,
  wish: WishDoc,
  open: WishState[],
  input: { by: string; decision: ModerateDecision; reason?: string; targetId?: string },
  now: Date,
): Promise<Reply<true>> {
  const by = { moderatedBy: input.by }
  const changed = () => fail<true>('WISH.STATE_CHANGED')
  switch (input.decision) {
    case 'publish':
      return (await deps.wishes.transition(wish._id, ['pending'], { state: 'published', ...by }, now))
        ? ok(true)
        : changed()
    case 'close': {
      const reason = (input.reason ?? '').trim()
      const problem = closeReasonProblem(reason)
      if (problem) return problem
      const patch = { state: 'closed' as const, closeReason: reason, ...by }
      return (await deps.wishes.transition(wish._id, open, patch, now)) ? ok(true) : changed()
    }
    case 'merge': {
      const target = input.targetId ? await deps.wishes.findById(input.targetId) : null
      if (!target || target._id === wish._id || target.state !== 'published') {
        return fail('WISH.BAD_TARGET', { field: 'targetId' })
      }
      const patch = { state: 'merged' as const, mergedInto: target._id, votesMovedAt: null, ...by }
      const again = wish.state === 'merged' && wish.mergedInto === target._id && !wish.votesMovedAt
      if (!again && !(await deps.wishes.transition(wish._id, open, patch, now))) return changed()
      await moveVotes(deps, { ...wish, ...patch }, now)
      return ok(true)
    }
  }
}
