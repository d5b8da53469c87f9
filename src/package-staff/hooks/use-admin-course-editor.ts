import { useCallback, useEffect, useState } from 'react'
import type { AdminResults, CourseDetail, CourseInput, Reply } from '@core'
import { upsertCourse } from '@/services/admin'
import { getCourse } from '@/services/catalog'
import { useLoadState } from '@/hooks/use-load-state'

/** Loads the course being edited (none for a new one) and saves the form through upsertCourse. */
export function useAdminCourseEditor(courseId: string | undefined) {
  const [course, setCourse] = useState<CourseDetail | null>(null)
  const { status, error, setStatus, settle } = useLoadState(courseId ? 'loading' : 'ready')
  const [saving, setSaving] = useState(false)

  const load = useCallback(async () => {
    if (!courseId) return
    setStatus('loading')
    settle(await getCourse(courseId), setCourse)
  }, [courseId, setStatus, settle])

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
