import { useCallback, useState } from 'react'
import type { AppError, Reply } from '@core'

export type LoadStatus = 'loading' | 'ready' | 'error'

/**
 * The status and error a screen's loading hook keeps, and the one way a reply settles them: its data goes
 * to `accept` and the status to ready, or its error is kept and the status goes to error.
 */
export function useLoadState(initial: LoadStatus = 'loading') {
  const [status, setStatus] = useState<LoadStatus>(initial)
  const [error, setError] = useState<AppError | null>(null)

  const settle = useCallback(<T>(reply: Reply<T>, accept: (data: T) => void): void => {
    if (reply.ok) {
      accept(reply.data)
      setError(null)
      setStatus('ready')
    } else {
      setError(reply.error)
      setStatus('error')
    }
  }, [])

  return { status, error, setStatus, setError, settle }
}
