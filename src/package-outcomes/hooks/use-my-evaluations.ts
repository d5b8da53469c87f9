import { useCallback, useEffect, useState } from 'react'
import type { EvaluationTodo } from '@core'
import { useLoadState } from '@/hooks/use-load-state'
import { myEvaluations } from '@/services/outcomes'

/** The finished courses the worker attended, rated or waiting for a rating. */
export function useMyEvaluations() {
  const [courses, setCourses] = useState<EvaluationTodo[]>([])
  const { status, error, setStatus, settle } = useLoadState()

  const reload = useCallback(async () => {
    setStatus('loading')
    settle(await myEvaluations(), (data) => setCourses(data.courses))
  }, [setStatus, settle])

  /** Behind what is on screen, when coming back from rating one. */
  const refresh = useCallback(async () => {
    const reply = await myEvaluations()
    if (reply.ok) setCourses(reply.data.courses)
  }, [])

  useEffect(() => {
    void reload()
  }, [reload])

  return { courses, status, error, reload, refresh }
}
