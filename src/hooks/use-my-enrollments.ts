import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError, EnrollmentView, Reply, MyEnrollmentsResult } from '@core'
import { myEnrollments } from '@/services/enrollment'

type Status = 'loading' | 'ready' | 'error'

export interface UseMyEnrollmentsOptions {
  /** Load when mounted (default true). */
  enabled?: boolean
}

/** The worker's own courses: active ones (enrolled, waitlisted, offered) and past ones. */
export function useMyEnrollments(options: UseMyEnrollmentsOptions = {}) {
  const { enabled = true } = options
  const [active, setActive] = useState<EnrollmentView[]>([])
  const [past, setPast] = useState<EnrollmentView[]>([])
  const [status, setStatus] = useState<Status>('loading')
  const [error, setError] = useState<AppError | null>(null)
  const requestId = useRef(0)
  const loaded = useRef(false)

  const fetchAll = useCallback(async (silent: boolean): Promise<Reply<MyEnrollmentsResult>> => {
    const id = ++requestId.current
    if (!silent) setStatus('loading')
    const reply = await myEnrollments()
    if (id !== requestId.current) return reply
    if (reply.ok) {
      setActive(reply.data.active)
      setPast(reply.data.past)
      setError(null)
      setStatus('ready')
      loaded.current = true
    } else {
      setError(reply.error)
      // A failed background refresh keeps the list on screen; the caller decides whether to say so.
      if (!silent || !loaded.current) setStatus('error')
    }
    return reply
  }, [])

  const reload = useCallback(() => fetchAll(false), [fetchAll])
  const refresh = useCallback(() => fetchAll(true), [fetchAll])

  useEffect(() => {
    if (enabled) void fetchAll(false)
  }, [enabled, fetchAll])

  const find = useCallback(
    (courseId: string): EnrollmentView | null => active.find((e) => e.courseId === courseId) ?? null,
    [active],
  )

  return { active, past, status, error, reload, refresh, find }
}
