import { useCallback, useEffect, useState } from 'react'
import type { CourseEvaluations, InstructorRatings, Reply } from '@core'
import { useLoadState } from '@/hooks/use-load-state'
import { courseEvaluations, instructorRatings } from '@/services/outcomes'

function useLoaded<T>(load: () => Promise<Reply<T>>) {
  const [data, setData] = useState<T | null>(null)
  const { status, error, setStatus, settle } = useLoadState()
  const reload = useCallback(async () => {
    setStatus('loading')
    settle(await load(), setData)
  }, [load, setStatus, settle])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, status, error, reload }
}

/** Staff: one course's ratings and nameless comments. */
export function useCourseEvaluations(courseId: string | undefined) {
  const load = useCallback(() => courseEvaluations(courseId ?? ''), [courseId])
  return useLoaded<CourseEvaluations>(load)
}

/** Staff: the programme's mean rating and each instructor's. */
export function useInstructorRatings() {
  return useLoaded<InstructorRatings>(instructorRatings)
}
