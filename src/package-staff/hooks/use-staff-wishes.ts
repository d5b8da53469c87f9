import { useCallback, useState } from 'react'
import type { Reply } from '@core'
import type { ModerateDecision, StaffWishView, WishState } from '@core/contracts/wishes'
import { useLoaded } from '@/hooks/use-loaded'
import { moderateWish, staffWishes } from '@/services/wishes'

/**
 * 点课管理: the wishes in one state (or all), most votes first — or most voters of one industry — and
 * the staff decisions on them.
 */
export function useStaffWishes() {
  const [state, setState] = useState<WishState | undefined>(undefined)
  const [industry, setIndustry] = useState<string | undefined>(undefined)
  const load = useCallback(() => staffWishes({ state, industry }), [state, industry])
  const { data, setData, status, error, reload } = useLoaded(load)
  const [busy, setBusy] = useState(false)

  const decide = useCallback(
    async (
      wishId: string,
      decision: ModerateDecision,
      extra: { reason?: string; targetId?: string } = {},
    ): Promise<Reply<{ wish: StaffWishView }>> => {
      setBusy(true)
      try {
        const reply = await moderateWish(wishId, decision, extra)
        if (reply.ok) {
          const next = reply.data.wish
          setData((d) => (d ? { ...d, wishes: d.wishes.map((w) => (w.id === next.id ? next : w)) } : d))
          // A merge changes the target's count too.
          if (decision === 'merge') await reload()
        }
        return reply
      } finally {
        setBusy(false)
      }
    },
    [reload, setData],
  )

  /** Where a wish may be merged: the published ones, most votes first. */
  const targets = useCallback(async () => {
    const reply = await staffWishes({ state: 'published' })
    return reply.ok ? reply.data.wishes : []
  }, [])

  return {
    wishes: data?.wishes ?? [],
    state,
    setState,
    industry,
    setIndustry,
    status,
    error,
    reload,
    decide,
    busy,
    targets,
  }
}
