/**
 * Course wishes (职工点课), part of the `outcomes` function: workers propose a course topic or vote for
 * one; staff moderate (publish, close with a reason, merge into another wish) and turn a wish into a
 * course; voters are told when that course opens for enrollment.
 *
 * pending (only its proposer and staff see it) → published (everyone sees and votes) → closed (with a
 * reason) | merged (into another wish; its votes move there) | scheduled (a course was made from it).
 */

export const WISH_LIMITS = {
  title: { min: 4, max: 30 },
  detail: 200,
  /** Proposals a worker may have waiting for staff at once. */
  pendingPerWorker: 3,
  closeReason: { min: 2, max: 100 },
  pageSize: 20,
} as const

export type WishState = 'pending' | 'published' | 'closed' | 'merged' | 'scheduled'
export const WISH_STATES: readonly WishState[] = ['pending', 'published', 'closed', 'merged', 'scheduled']

/** The industry bucket of voters whose profile names none. */
export const WISH_NO_INDUSTRY = '未填写'

/** A wish as a worker sees it: never who proposed it or who voted, only whether it was the caller. */
export interface WishView {
  id: string
  title: string
  detail: string
  category: string
  state: WishState
  votes: number
  votedByMe: boolean
  /** The caller proposed it. */
  mine: boolean
  /** Why staff closed it; shown to its proposer only. */
  closeReason: string | null
  /** ISO instant. */
  createdAt: string
}

export interface ListWishesRequest {
  action: 'listWishes'
  /** Opaque cursor from the previous page. */
  cursor?: string
}
export interface WishesPage {
  /** Published wishes, most votes first. */
  wishes: WishView[]
  nextCursor: string | null
  /** On the first page only: the caller's own proposals still waiting for staff, or closed by them. */
  mine: WishView[]
}

export interface ProposeWishRequest {
  action: 'proposeWish'
  title: string
  detail?: string
  category: string
}

export interface VoteWishRequest {
  action: 'voteWish'
  wishId: string
}
export interface VoteResult {
  /** The wish that holds the vote: the merge target when the wish voted for was merged meanwhile. */
  wish: WishView
  redirected: boolean
}

export interface StaffWishesRequest {
  action: 'staffWishes'
  /** Absent: every state. */
  state?: WishState
  /**
   * Rank by the voters of this industry (one of INDUSTRIES, or WISH_NO_INDUSTRY) instead of all votes;
   * only wishes with at least one such voter are listed.
   */
  industry?: string
  cursor?: string
}
export interface IndustryCount {
  industry: string
  voters: number
}
export interface StaffWishView {
  id: string
  title: string
  detail: string
  category: string
  state: WishState
  votes: number
  /** Current voters per industry of their profile, most first. */
  industries: IndustryCount[]
  closeReason: string | null
  mergedInto: { id: string; title: string } | null
  /** For a scheduled wish: its course, or null when the course was never written (a save cut short). */
  course: { id: string; title: string; status: string; enrollOpensAt: string } | null
  votersNotifiedAt: string | null
  createdAt: string
}
export interface StaffWishesPage {
  wishes: StaffWishView[]
  nextCursor: string | null
}

export type ModerateDecision = 'publish' | 'close' | 'merge'
export interface ModerateWishRequest {
  action: 'moderateWish'
  wishId: string
  decision: ModerateDecision
  /** close: shown to the proposer. */
  reason?: string
  /** merge: the published wish that takes this one's votes. */
  targetId?: string
}

export type WishesRequest =
  ListWishesRequest | ProposeWishRequest | VoteWishRequest | StaffWishesRequest | ModerateWishRequest

export interface WishesResults {
  listWishes: WishesPage
  proposeWish: { wish: WishView }
  voteWish: VoteResult
  staffWishes: StaffWishesPage
  moderateWish: { wish: StaffWishView }
}
