import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError, RosterEntry, RosterResult } from '@core'
import { roster } from '@/services/admin'
import { deliverCsv, type CsvDelivery } from '@/services/export'
import { callPhone } from '@/services/phone'
import { buildRosterCsv, rosterFileName } from '../lib/roster-csv'
import { useLoadState } from '@/hooks/use-load-state'

type Header = Omit<RosterResult, 'entries' | 'nextCursor'>

/** A cursor loop that never ends would freeze the export; no course has this many pages. */
const MAX_EXPORT_PAGES = 200

/** Pages from `cursor` (undefined: the first) to the end; what was read before a failure, and the failure. */
async function readPages(courseId: string, cursor: string | undefined) {
  const entries: RosterEntry[] = []
  let title: string | null = null
  let next: string | null | undefined = cursor
  for (let page = 0; page < MAX_EXPORT_PAGES; page++) {
    const reply = await roster(courseId, next ?? undefined)
    if (!reply.ok) return { entries, title, cursor: next ?? null, error: reply.error }
    entries.push(...reply.data.entries)
    title = reply.data.title
    next = reply.data.nextCursor
    if (!next) break
  }
  return { entries, title, cursor: next ?? null, error: null }
}

async function exportWhole(courseId: string, title: string, fullPhones: boolean) {
  const all = await readPages(courseId, undefined)
  if (all.error) return { ok: false as const, message: all.error.message }
  const csv = buildRosterCsv(all.entries, { fullPhones })
  const delivered = await deliverCsv(rosterFileName(all.title ?? title, new Date()), csv)
  return delivered.ok ? { ...delivered, count: all.entries.length } : delivered
}

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

  /** Every remaining page, for a search by name across the whole roster (a course holds a few hundred). */
  const loadAll = useCallback(async () => {
    if (!nextCursor || loadingMore) return
    const id = loadId.current
    setLoadingMore(true)
    const rest = await readPages(courseId ?? '', nextCursor)
    setLoadingMore(false)
    if (id !== loadId.current) return
    setEntries((prev) => [...prev, ...rest.entries])
    setNextCursor(rest.cursor)
    if (rest.error) setMoreError(rest.error)
  }, [courseId, loadingMore, nextCursor])

  /**
   * Reads the whole roster afresh (not what is on screen) so the file is complete even before paging.
   * Full phone numbers only when staff chose them after the warning; masked otherwise.
   */
  const exportCsv = useCallback(
    async (fullPhones: boolean): Promise<CsvDelivery & { count?: number }> => {
      setExporting(true)
      try {
        return await exportWhole(courseId ?? '', header?.title ?? '', fullPhones)
      } finally {
        setExporting(false)
      }
    },
    [courseId, header],
  )

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
    loadAll,
    exportCsv,
    call: callPhone,
  }
}
