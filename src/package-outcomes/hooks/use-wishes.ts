import { useCallback, useMemo, useState } from 'react'
import type { AppError } from '@core'
import type { WishView } from '@core/contracts/wishes'
import { useLoaded } from '@/hooks/use-loaded'
import { useReminderTemplates } from '@/hooks/use-reminder-templates'
import { askSubscription } from '@/services/reminders'
import { listWishes, proposeWish, voteWish } from '@/services/wishes'

/**
 * 职工点课: the published wishes with the worker's own votes, the worker's proposals waiting for staff,
 * and the two things a worker does here — vote (once per wish) and propose.
 */
export function useWishes() {
  const first = useCallback(() => listWishes(), [])
  const { data, setData, status, error, reload } = useLoaded(first)
  const [voting, setVoting] = useState<string | null>(null)
  const [more, setMore] = useState(false)
  const { templates } = useReminderTemplates()
  const wishes = useMemo(() => data?.wishes ?? [], [data])
  const mine = useMemo(() => data?.mine ?? [], [data])

  const replace = useCallback(
    (wish: WishView) => setData((d) => (d ? { ...d, wishes: d.wishes.map((w) => (w.id === wish.id ? wish : w)) } : d)),
    [setData],
  )

  /** The refusal to show, or null once the vote is in (a repeat shows as voted, not as an error). */
  const vote = useCallback(
    async (id: string): Promise<AppError | null> => {
      // First thing in the tap, the only place WeChat shows the dialog: may we tell them when it opens?
      const courseChange = templates?.find((t) => t.kind === 'courseChange')
      if (courseChange) void askSubscription([courseChange.id])
      setVoting(id)
      try {
        const reply = await voteWish(id)
        if (reply.ok) {
          if (reply.data.redirected) await reload()
          else replace(reply.data.wish)
          return null
        }
        if (reply.error.code === 'WISH.ALREADY_VOTED') {
          setData((d) => (d ? { ...d, wishes: d.wishes.map((w) => (w.id === id ? { ...w, votedByMe: true } : w)) } : d))
        }
        return reply.error
      } finally {
        setVoting(null)
      }
    },
    [reload, replace, setData, templates],
  )

  const propose = useCallback(
    async (form: { title: string; detail: string; category: string }): Promise<AppError | null> => {
      const reply = await proposeWish(form)
      if (!reply.ok) return reply.error
      setData((d) => (d ? { ...d, mine: [reply.data.wish, ...d.mine] } : d))
      return null
    },
    [setData],
  )

  const loadMore = useCallback(async () => {
    if (!data?.nextCursor || more) return
    setMore(true)
    const reply = await listWishes(data.nextCursor)
    setMore(false)
    if (reply.ok)
      setData((d) => (d ? { ...d, wishes: [...d.wishes, ...reply.data.wishes], nextCursor: reply.data.nextCursor } : d))
  }, [data, more, setData])

  return { wishes, mine, status, error, reload, vote, voting, propose, loadMore, hasMore: !!data?.nextCursor, more }
}
