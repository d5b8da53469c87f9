import { useCallback } from 'react'
import type { ProgrammeOutcomes } from '@core'
import { useLoaded } from '@/hooks/use-loaded'
import { programmeOutcomes } from '@/services/outcomes'

/** Staff 项目成效: rating, certificates, reach per employer, unmet demand. */
export function useProgrammeOutcomes() {
  const { data, setData, status, error, reload } = useLoaded<ProgrammeOutcomes>(programmeOutcomes)
  /** Pull-down: figures computed now, kept on screen if that fails. */
  const refresh = useCallback(async () => {
    const reply = await programmeOutcomes(true)
    if (reply.ok) setData(reply.data)
    return reply
  }, [setData])
  return { data, status, error, reload, refresh }
}
