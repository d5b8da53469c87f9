import { useCallback, useEffect, useRef, useState } from 'react'
import type { FinishedCourse } from '@core'
import { finishedCourses } from '@/services/outcomes'
import { useLoadState } from '@/hooks/use-load-state'

/** Staff: finished courses, latest first, a page at a time. */
export function useFinishedCourses() {
  const [courses, setCourses] = useState<FinishedCourse[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<{ message: string } | null>(null)
  const { status, error, setStatus, settle } = useLoadState()
  const requestId = useRef(0)

  const reload = useCallback(async () => {
    const id = ++requestId.current
    setStatus('loading')
    const reply = await finishedCourses()
    if (id !== requestId.current) return
    settle(reply, (data) => {
      setCourses(data.courses)
      setCursor(data.nextCursor)
    })
  }, [setStatus, settle])

  const loadMore = useCallback(async () => {
    if (!cursor || loadingMore) return
    setLoadingMore(true)
    const reply = await finishedCourses(cursor)
    setLoadingMore(false)
    setMoreError(reply.ok ? null : reply.error)
    if (!reply.ok) return
    setCourses((list) => [...list, ...reply.data.courses])
    setCursor(reply.data.nextCursor)
  }, [cursor, loadingMore])

  useEffect(() => {
    void reload()
  }, [reload])

  return { courses, status, error, reload, loadMore, hasMore: cursor !== null, loadingMore, moreError }
}
