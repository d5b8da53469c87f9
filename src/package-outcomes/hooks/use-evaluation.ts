import { useCallback, useState } from 'react'
import type { AppError } from '@core'
import { useCourseResource } from '@/hooks/use-course-resource'
import { evaluateCourse, myEvaluation } from '@/services/outcomes'

/** One course's rating by this worker: whether they may give it, and giving or changing it. */
export function useEvaluation(courseId: string | undefined) {
  const { data: state, setData: setState, status, error, reload } = useCourseResource(courseId, myEvaluation)
  const [saving, setSaving] = useState(false)

  const submit = useCallback(
    async (rating: number, comment: string): Promise<AppError | null> => {
      if (!courseId || saving) return null
      setSaving(true)
      const reply = await evaluateCourse(courseId, rating, comment.trim())
      setSaving(false)
      if (!reply.ok) return reply.error
      setState((s) => (s ? { ...s, evaluation: reply.data.evaluation, editable: true } : s))
      return null
    },
    [courseId, saving, setState],
  )

  return { state, status, error, saving, reload, submit }
}
