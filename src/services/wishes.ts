import type { OutcomesResults, Reply } from '@core'
import type { ModerateDecision, WishState } from '@core/contracts/wishes'
import { call } from './cloud'

/** Course wishes (职工点课), in the `outcomes` function. */
export function listWishes(cursor?: string): Promise<Reply<OutcomesResults['listWishes']>> {
  return call('outcomes', { action: 'listWishes', ...(cursor ? { cursor } : {}) })
}

export function proposeWish(wish: {
  title: string
  detail: string
  category: string
}): Promise<Reply<OutcomesResults['proposeWish']>> {
  const { title, detail, category } = wish
  return call('outcomes', { action: 'proposeWish', title, category, ...(detail.trim() ? { detail } : {}) })
}

export function voteWish(wishId: string): Promise<Reply<OutcomesResults['voteWish']>> {
  return call('outcomes', { action: 'voteWish', wishId })
}

/** Staff-only; the function refuses workers (AUTH.FORBIDDEN). `industry`: ranked by that industry's voters. */
export function staffWishes(
  filter: { state?: WishState; industry?: string } = {},
  cursor?: string,
): Promise<Reply<OutcomesResults['staffWishes']>> {
  const { state, industry } = filter
  return call('outcomes', {
    action: 'staffWishes',
    ...(state ? { state } : {}),
    ...(industry ? { industry } : {}),
    ...(cursor ? { cursor } : {}),
  })
}

export function moderateWish(
  wishId: string,
  decision: ModerateDecision,
  extra: { reason?: string; targetId?: string } = {},
): Promise<Reply<OutcomesResults['moderateWish']>> {
  return call('outcomes', { action: 'moderateWish', wishId, decision, ...extra })
}
