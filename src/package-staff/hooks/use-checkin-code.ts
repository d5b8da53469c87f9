import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError, CheckinCode } from '@core'
import { issueCheckinCode } from '@/services/checkin'
import { keepScreenOn } from '@/services/device'
import { usePageVisible } from './use-page-visible'

/** After a failed refresh, ask again this soon: the code on screen stops being accepted within 30 s. */
export const CODE_RETRY_MS = 3000

/**
 * The rotating code for the screen at the door. Each answer says when the next code is due
 * (`refreshInMs`); the next one is fetched then, while the page is visible. A failed refresh keeps the
 * last good code on screen (`unstable`) and tries again shortly. After check-in closes nothing more is
 * fetched. The screen is kept on while the page shows.
 */
export function useCheckinCode(lessonId: string | undefined) {
  const visible = usePageVisible()
  const [code, setCode] = useState<CheckinCode | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const [unstable, setUnstable] = useState(false)
  /** When the next code is due (epoch ms) and how long that wait is; null when none will be fetched. */
  const [next, setNext] = useState<{ at: number; period: number } | null>(null)
  const [attempt, setAttempt] = useState(0)
  const last = useRef<CheckinCode | null>(null)

  useEffect(() => {
    if (!visible) return
    keepScreenOn(true)
    return () => keepScreenOn(false)
  }, [visible])

  useEffect(() => {
    if (!visible || !lessonId) return
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined

    const schedule = (ms: number) => {
      setNext({ at: Date.now() + ms, period: ms })
      timer = setTimeout(() => void fetchCode(), ms)
    }

    async function fetchCode(): Promise<void> {
      const reply = await issueCheckinCode(lessonId as string, true)
      if (cancelled) return
      if (reply.ok) {
        last.current = reply.data
        setCode(reply.data)
        setError(null)
        setUnstable(false)
        if (Date.now() > new Date(reply.data.closesAt).getTime()) setNext(null)
        else schedule(reply.data.refreshInMs)
        return
      }
      setError(reply.error)
      if (last.current) {
        setUnstable(true)
        schedule(CODE_RETRY_MS)
      } else {
        // Nothing to show yet: the page says why and offers to retry.
        setNext(null)
      }
    }

    void fetchCode()
    return () => {
      cancelled = true
      if (timer) clearTimeout(timer)
    }
  }, [visible, lessonId, attempt])

  const retry = useCallback(() => {
    setError(null)
    setAttempt((n) => n + 1)
  }, [])

  const status: 'loading' | 'ready' | 'error' = code ? 'ready' : error ? 'error' : 'loading'

  return { code, status, error, unstable, next, retry }
}
