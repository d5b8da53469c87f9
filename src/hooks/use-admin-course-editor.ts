import { useCallback, useEffect, useState } from 'react'
import type { AdminResults, AppError, CourseDetail, CourseInput, Reply } from '@/core'
import { upsertCourse } from '@/services/admin'
import { getCourse } from '@/services/catalog'

/** Loads the course being edited (none for a new one) and saves the form through upsertCourse. */
export function useAdminCourseEditor(courseId: string | undefined) {
  const [course, setCourse] = useState<CourseDetail | null>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>(courseId ? 'loading' : 'ready')
  const [error, setError] = useState<AppError | null>(null)
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    if (!courseId) return
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

  const save = useCallback(async (input: CourseInput): Promise<Reply<AdminResults['upsertCourse']>> => {
    setSaving(true)
    try {
      return await upsertCourse(input)
    } finally {
      setSaving(false)
    }
  }, [])

  return { course, status, error, saving, save, reload: load }
}
