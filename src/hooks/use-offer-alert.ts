import { useEffect } from 'react'
import { setMeTabDot } from '@/services/tab-badge'
import { useSession } from './use-session'

/**
 * Seats held for the worker until a deadline (待确认), from the session, and the red dot on 我的 that
 * stays while any waits. `known`: an offer list the page itself has just read (我的), fresher than the
 * session's.
 */
export function useOfferAlert(known?: { courseId: string }[] | null) {
  const session = useSession()
  const offers = known ?? (session.status === 'ready' ? (session.session?.offers ?? []) : null)
  const waiting = offers?.length ?? 0
  const ready = offers !== null
  useEffect(() => {
    if (ready) setMeTabDot(waiting > 0)
  }, [ready, waiting])
  return { waiting, refresh: session.refresh }
}
