import { useCallback, useEffect, useState } from 'react'
import type { AppError, MyEvaluation } from '@core'
import { useLoadState } from '@/hooks/use-load-state'
import { evaluateCourse, myEvaluation } from '@/services/outcomes'

/** One course's rating by this worker: whether they may give it, and giving or changing it. */
export function useEvaluation(courseId: string | undefined) {
  const [state, setState] = useState<MyEvaluation | null>(null)
  const [saving, setSaving] = useState(false)
  const { status, error, setStatus, setError, settle } = useLoadState()

  const reload = useCallback(async () => {
    if (!courseId) {
      setError({ code: 'CATALOG.NOT_FOUND', message: '课程不存在或已下线' })
      setStatus('error')
      return
    }
    setStatus('loading')
    settle(await myEvaluation(courseId), setState)
  }, [courseId, setError, setStatus, settle])

  useEffect(() => {
    void reload()
  }, [reload])

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
    [courseId, saving],
  )

  return { state, status, error, saving, reload, submit }
}
