import { useCallback, useEffect, useState } from 'react'
import type { Reply } from '@core'
import { useLoadState } from './use-load-state'

/**
 * A screen's data read once on mount and again on demand, with its status and error. `load` must keep
 * its identity across renders (a service function, or one wrapped in useCallback), or the read repeats.
 * `setData` is for a caller that learns newer data another way (a silent refresh, a save's reply).
 */
export function useLoaded<T>(load: () => Promise<Reply<T>>) {
  const [data, setData] = useState<T | null>(null)
  const { status, error, setStatus, settle } = useLoadState()

  const reload = useCallback(async () => {
    setStatus('loading')
    settle(await load(), setData)
  }, [load, setStatus, settle])

  useEffect(() => {
    void reload()
  }, [reload])

  return { data, setData, status, error, reload }
}
