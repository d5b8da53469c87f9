import { useCallback, useEffect, useState } from 'react'
import type { Reply } from '@core'
import { useLoadState } from './use-load-state'

/**
 * One course's data read by id, read again on demand. A page opened without an id shows the same
 * "course gone" error the server would give, rather than asking the server for nothing.
 * `read` must keep its identity across renders (a service function does), or the read repeats.
 */
export function useCourseResource<T>(courseId: string | undefined, read: (courseId: string) => Promise<Reply<T>>) {
  const [data, setData] = useState<T | null>(null)
  const { status, error, setStatus, setError, settle } = useLoadState()

  const reload = useCallback(async () => {
    if (!courseId) {
      setError({ code: 'CATALOG.NOT_FOUND', message: '课程不存在或已下线' })
      setStatus('error')
      return
    }
    setStatus('loading')
    settle(await read(courseId), setData)
  }, [courseId, read, setError, setStatus, settle])

  useEffect(() => {
    void reload()
  }, [reload])

  return { data, setData, status, error, reload }
}
