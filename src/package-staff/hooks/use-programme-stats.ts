import { useCallback, useEffect, useRef, useState } from 'react'
import type { ProgrammeStats, Reply } from '@core'
import { programmeStats } from '@/services/admin'
import { useLoadState } from '@/hooks/use-load-state'

/** The programme against its targets, for the staff 项目进度 page. */
export function useProgrammeStats() {
  const [stats, setStats] = useState<ProgrammeStats | null>(null)
  const { status, error, setStatus, settle } = useLoadState()
  // An older answer (a pull racing a retry) must not overwrite a newer one.
  const requestId = useRef(0)

  const fetchStats = useCallback(
    async (silent: boolean): Promise<Reply<ProgrammeStats> | null> => {
      const id = ++requestId.current
      if (!silent) setStatus('loading')
      const reply = await programmeStats()
      if (id !== requestId.current) return null
      // A pull that fails keeps the figures on screen; the page says why in a toast.
      if (!reply.ok && silent) return reply
      settle(reply, setStats)
      return reply
    },
    [setStatus, settle],
  )

  const reload = useCallback(() => fetchStats(false), [fetchStats])
  /** Re-reads behind what is on screen, for pull-down refresh. */
  const refresh = useCallback(() => fetchStats(true), [fetchStats])

  useEffect(() => {
    void reload()
  }, [reload])

  return { stats, status, error, reload, refresh }
}
