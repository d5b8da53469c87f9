import { CATEGORIES } from '@core/contracts/catalog'
import { CONSENT_VERSION } from '@core/contracts/user'
import { WISH_LIMITS, type StaffWishView, type WishView } from '@core/contracts/wishes'
import { fail, type Reply } from '@core/reply'
import type { UserDoc } from '../../repos/user-repo'
import type { WishDoc } from '../../repos/wish-repo'

/** Characters as a person counts them: one per Chinese character, emoji included. */
const length = (s: string) => Array.from(s).length

/** The refusal for a proposal's text, or null when it may be stored. */
export function proposalProblem(p: { title: string; detail: string; category: string }): Reply<never> | null {
  const { min, max } = WISH_LIMITS.title
  if (length(p.title) < min || length(p.title) > max) return fail('WISH.BAD_TITLE', { field: 'title' })
  if (length(p.detail) > WISH_LIMITS.detail) return fail('WISH.BAD_DETAIL', { field: 'detail' })
  if (!(CATEGORIES as readonly string[]).includes(p.category)) return fail('WISH.BAD_CATEGORY', { field: 'category' })
  return null
}

export function closeReasonProblem(reason: string): Reply<never> | null {
  const { min, max } = WISH_LIMITS.closeReason
  return length(reason) < min || length(reason) > max ? fail('WISH.BAD_REASON', { field: 'reason' }) : null
}

/**
 * Proposing and voting speak for a known worker, as enrolling does: every required profile field and
 * the current privacy notice. (The same test as the user feature's, which this feature may not import.)
 */
export function mayTakePart(user: UserDoc | null): boolean {
  return (
    !!user &&
    !user.deletedAt &&
    !!user.name &&
    !!user.phone &&
    !!user.employer &&
    user.consent?.version === CONSENT_VERSION
  )
}

/** Offsets as opaque cursors, bounded so a forged one cannot ask for a huge skip. */
export function offsetOf(cursor: string | undefined): number {
  return cursor ? Number(cursor) : 0
}
export const nextCursor = (offset: number, got: number, pageSize: number) =>
  got > pageSize ? String(offset + pageSize) : null

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null)

/** The worker's view: the proposer only as "mine", the close reason only to the proposer. */
export function wishView(doc: WishDoc, openid: string, votedByMe: boolean): WishView {
  const mine = !!doc.proposer && doc.proposer === openid
  return {
    id: doc._id,
    title: doc.title,
    detail: doc.detail,
    category: doc.category,
    state: doc.state,
    votes: doc.votes,
    votedByMe,
    mine,
    closeReason: mine ? doc.closeReason : null,
    createdAt: new Date(doc.createdAt).toISOString(),
  }
}

export function staffWishView(
  doc: WishDoc,
  extra: Pick<StaffWishView, 'industries' | 'mergedInto' | 'course'>,
): StaffWishView {
  return {
    id: doc._id,
    title: doc.title,
    detail: doc.detail,
    category: doc.category,
    state: doc.state,
    votes: doc.votes,
    closeReason: doc.closeReason,
    votersNotifiedAt: iso(doc.votersNotifiedAt),
    createdAt: new Date(doc.createdAt).toISOString(),
    ...extra,
  }
}

/** A proposal as it is first stored: waiting for staff, no votes, nothing moderated, scheduled or notified yet. */
export function newWish(
  fields: Pick<WishDoc, '_id' | 'title' | 'detail' | 'category' | 'proposer'>,
  now: Date,
): WishDoc {
  return {
    ...fields,
    state: 'pending',
    votes: 0,
    closeReason: null,
    mergedInto: null,
    votesMovedAt: null,
    courseId: null,
    scheduledAt: null,
    votersNotifiedAt: null,
    moderatedBy: null,
    createdAt: now,
    updatedAt: now,
  }
}
