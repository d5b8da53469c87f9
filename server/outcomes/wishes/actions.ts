/**
 * The wish actions of the `outcomes` function's table (职工点课). Workers list, propose and vote;
 * staff list with the voters' industries and moderate (the entry refuses workers with AUTH.FORBIDDEN).
 */
import { z } from 'zod'
import { WISH_LIMITS, WISH_STATES } from '@core/contracts/wishes'
import { defineAction, id, text } from '../../entry'
import type { WishDeps } from './deps'
import { listWishes, proposeWish, voteWish } from './worker'
import { moderateWish, staffWishes } from './staff'

const cursor = z
  .string()
  .regex(/^\d{1,6}$/)
  .optional()
const state = z.enum(WISH_STATES as [string, ...string[]]).optional()

export function wishActions(deps: () => WishDeps) {
  return {
    listWishes: defineAction({
      schema: z.object({ cursor }).strict(),
      run: ({ input, caller }) => listWishes(deps(), { openid: caller.openid, cursor: input.cursor }),
    }),
    proposeWish: defineAction({
      schema: z
        .object({
          title: text(WISH_LIMITS.title.max),
          detail: text(WISH_LIMITS.detail).optional(),
          category: text(20),
        })
        .strict(),
      run: ({ input, caller, now }) => proposeWish(deps(), { ...input, openid: caller.openid }, now),
    }),
    voteWish: defineAction({
      schema: z.object({ wishId: id }).strict(),
      run: ({ input, caller, now }) => voteWish(deps(), { wishId: input.wishId, openid: caller.openid }, now),
    }),
    staffWishes: defineAction({
      schema: z.object({ state, industry: text(20).optional(), cursor }).strict(),
      staffOnly: true,
      run: ({ input }) =>
        staffWishes(deps(), input as { state?: (typeof WISH_STATES)[number]; industry?: string; cursor?: string }),
    }),
    moderateWish: defineAction({
      schema: z
        .object({
          wishId: id,
          decision: z.enum(['publish', 'close', 'merge']),
          reason: text(WISH_LIMITS.closeReason.max).optional(),
          targetId: id.optional(),
        })
        .strict(),
      staffOnly: true,
      run: ({ input, caller, now }) => moderateWish(deps(), { ...input, by: caller.openid }, now),
    }),
  }
}
