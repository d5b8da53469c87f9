import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError, RosterEntry, RosterResult } from '@core'
import { roster } from '@/services/admin'
import { deliverCsv, type CsvDelivery } from '@/services/export'
import { buildRosterCsv, rosterFileName } from '../lib/roster-csv'
import { useLoadState } from '@/hooks/use-load-state'

type Header = Omit<RosterResult, 'entries' | 'nextCursor'>

/** A cursor loop that never ends would freeze the export; no course has this many pages. */
const MAX_EXPORT_PAGES = 200

export function useAdminRoster(courseId: string | undefined) {
  const [header, setHeader] = useState<Header | null>(null)
  const [entries, setEntries] = useState<RosterEntry[]>([])
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const { status, error, setStatus, settle } = useLoadState()
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<AppError | null>(null)
  const [exporting, setExporting] = useState(false)
  const loadId = useRef(0)

  const load = useCallback(async () => {
    const id = ++loadId.current
    setStatus('loading')
    setMoreError(null)
    const reply = await roster(courseId ?? '')
    if (id !== loadId.current) return
    settle(reply, ({ entries: first, nextCursor: cursor, ...rest }) => {
      setHeader(rest)
      setEntries(first)
      setNextCursor(cursor)
    })
  }, [courseId, setStatus, settle])

  useEffect(() => {
    void load()
  }, [load])

  const loadMore = useCallback(async () => {
    if (!nextCursor || loadingMore) return
    const id = loadId.current
    setLoadingMore(true)
    setMoreError(null)
    const reply = await roster(courseId ?? '', nextCursor)
    setLoadingMore(false)
    if (id !== loadId.current) return
    if (reply.ok) {
      setEntries((prev) => [...prev, ...reply.data.entries])
      setNextCursor(reply.data.nextCursor)
    } else {
      setMoreError(reply.error)
    }
  }, [courseId, loadingMore, nextCursor])

  /** Reads the whole roster afresh (not what is on screen) so the file is complete even before paging. */
  const exportCsv = useCallback(async (): Promise<CsvDelivery & { count?: number }> => {
    setExporting(true)
    try {
      const all: RosterEntry[] = []
      let cursor: string | undefined
      let title = header?.title ?? ''
      for (let page = 0; page < MAX_EXPORT_PAGES; page++) {
        const reply = await roster(courseId ?? '', cursor)
        if (!reply.ok) return { ok: false, message: reply.error.message }
        all.push(...reply.data.entries)
        title = reply.data.title
        if (!reply.data.nextCursor) break
        cursor = reply.data.nextCursor
      }
      const delivered = await deliverCsv(rosterFileName(title, new Date()), buildRosterCsv(all))
      return delivered.ok ? { ...delivered, count: all.length } : delivered
    } finally {
      setExporting(false)
    }
  }, [courseId, header])

  return {
    header,
    entries,
    hasMore: !!nextCursor,
    status,
    error,
    loadingMore,
    moreError,
    exporting,
    reload: load,
    loadMore,
    exportCsv,
  }
}
