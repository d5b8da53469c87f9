import { useCallback, useMemo } from 'react'
import { useLoaded } from '@/hooks/use-loaded'
import { myEvaluations } from '@/services/outcomes'

/** The finished courses the worker attended, rated or waiting for a rating. */
export function useMyEvaluations() {
  const { data, setData, status, error, reload } = useLoaded(myEvaluations)
  const courses = useMemo(() => data?.courses ?? [], [data])

  /** Behind what is on screen, when coming back from rating one. */
  const refresh = useCallback(async () => {
    const reply = await myEvaluations()
    if (reply.ok) setData(reply.data)
  }, [setData])

  return { courses, status, error, reload, refresh }
}
