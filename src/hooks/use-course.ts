import { useCallback, useEffect, useState } from 'react'
import type { AppError, CourseDetail } from '@/core'
import { getCourse } from '@/services/catalog'

export function useCourse(courseId: string | undefined) {
  const [course, setCourse] = useState<CourseDetail | null>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<AppError | null>(null)

  const load = useCallback(async () => {
    if (!courseId) {
      setStatus('error')
      setError({ code: 'CATALOG.NOT_FOUND', message: '课程不存在或已下线' })
      return
    }
    setStatus('loading')
    const reply = await getCourse(courseId)
    if (reply.ok) {
      setCourse(reply.data)
      setError(null)
      setStatus('ready')
    } else {
      setError(reply.error)
      setStatus('error')
    }
  }, [courseId])

  useEffect(() => {
    void load()
  }, [load])

  return { course, status, error, reload: load }
}
