import { useCallback, useEffect, useState } from 'react'
import type { ProgrammeOutcomes } from '@core'
import { useLoadState } from '@/hooks/use-load-state'
import { programmeOutcomes } from '@/services/outcomes'

/** Staff 项目成效: rating, certificates, reach per employer, unmet demand. */
export function useProgrammeOutcomes() {
  const [data, setData] = useState<ProgrammeOutcomes | null>(null)
  const { status, error, setStatus, settle } = useLoadState()
  const reload = useCallback(async () => {
    setStatus('loading')
    settle(await programmeOutcomes(), setData)
  }, [setStatus, settle])
  /** Pull-down: figures computed now, kept on screen if that fails. */
  const refresh = useCallback(async () => {
    const reply = await programmeOutcomes(true)
    if (reply.ok) setData(reply.data)
    return reply
  }, [])
  useEffect(() => {
    void reload()
  }, [reload])
  return { data, status, error, reload, refresh }
}
