import { useCallback, useEffect, useState } from 'react'
import { CATALOG_PAGE_SIZE, type AppError } from '@core'
import { listCourses } from '@/services/catalog'

export interface ProgrammeSummary {
  courses: number
  seatsTaken: number
  capacity: number
  waitlist: number
}

/** More pages than any programme has; a guard against a server that keeps answering hasMore. */
const MAX_PAGES = 40

/** Totals over every listed course, read page by page at the largest page size the catalog allows. */
export function useStaffSummary(enabled = true) {
  const [summary, setSummary] = useState<ProgrammeSummary | null>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<AppError | null>(null)

  const load = useCallback(async () => {
    setStatus('loading')
    const totals: ProgrammeSummary = { courses: 0, seatsTaken: 0, capacity: 0, waitlist: 0 }
    for (let page = 1; page <= MAX_PAGES; page++) {
      const reply = await listCourses({ page, pageSize: CATALOG_PAGE_SIZE.max })
      if (!reply.ok) {
        setError(reply.error)
        setStatus('error')
        return
      }
      for (const c of reply.data.items) {
        totals.courses += 1
        totals.seatsTaken += c.seatsTaken
        totals.capacity += c.capacity
        totals.waitlist += c.waitlistLength
      }
      if (!reply.data.hasMore) break
    }
    setSummary(totals)
    setError(null)
    setStatus('ready')
  }, [])

  useEffect(() => {
    if (enabled) void load()
  }, [enabled, load])

  return { summary, status, error, reload: load }
}
