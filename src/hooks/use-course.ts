import { useCallback, useEffect, useRef, useState } from 'react'
import type { CourseDetail } from '@core'
import { getCourse } from '@/services/catalog'
import { useLoadState } from './use-load-state'

export function useCourse(courseId: string | undefined) {
  const [course, setCourse] = useState<CourseDetail | null>(null)
  const { status, error, setStatus, setError, settle } = useLoadState()
  // An older answer (a refresh racing a reload) must not overwrite a newer one.
  const requestId = useRef(0)
  // The newest course read, for handlers that run right after a refresh and before the next render.
  const latest = useRef<CourseDetail | null>(null)

  const fetchCourse = useCallback(
    async (silent: boolean) => {
      const id = ++requestId.current
      if (!courseId) {
        setStatus('error')
        setError({ code: 'CATALOG.NOT_FOUND', message: '课程不存在或已下线' })
        return
      }
      if (!silent) setStatus('loading')
      const reply = await getCourse(courseId)
      if (id !== requestId.current) return
      // A silent re-read that fails keeps what is on screen.
      if (!reply.ok && silent) return
      settle(reply, (data) => {
        latest.current = data
        setCourse(data)
      })
    },
    [courseId, setError, setStatus, settle],
  )

  const load = useCallback(() => fetchCourse(false), [fetchCourse])
  /** Re-reads the course behind what is on screen (fresh seat counts); a failure keeps the old numbers. */
  const refresh = useCallback(() => fetchCourse(true), [fetchCourse])

  useEffect(() => {
    void load()
  }, [load])

  const current = useCallback(() => latest.current, [])

  return { course, status, error, reload: load, refresh, current }
}
