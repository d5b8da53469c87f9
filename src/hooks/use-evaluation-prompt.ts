import { useCallback, useEffect, useState } from 'react'
import { myEvaluation } from '@/services/outcomes'

/**
 * Whether the course page asks this worker for a rating: asked only once the course is over, so a
 * course still running costs no request. The server decides (they must have come to a lesson).
 */
export function useEvaluationPrompt(courseId: string | undefined, enabled: boolean) {
  const [show, setShow] = useState(false)
  const [rating, setRating] = useState<number | null>(null)

  const refresh = useCallback(async () => {
    if (!courseId || !enabled) return
    const reply = await myEvaluation(courseId)
    setShow(reply.ok && reply.data.block === null)
    setRating(reply.ok ? (reply.data.evaluation?.rating ?? null) : null)
  }, [courseId, enabled])

  useEffect(() => {
    void refresh()
  }, [refresh])

  return { show: enabled && show, rating, refresh }
}
