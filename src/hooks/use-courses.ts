import { useCallback, useEffect, useRef, useState } from 'react'
import { CATALOG_PAGE_SIZE, type AppError, type CourseCard } from '@core'
import { listCourses } from '@/services/catalog'

export const ALL_CATEGORIES = ''

type Status = 'loading' | 'ready' | 'error'

const readPage = (category: string, page: number, pageSize: number = CATALOG_PAGE_SIZE.default) =>
  listCourses({ category: category || undefined, page, pageSize })

/** Fresh copies of the first courses, then the rest of the list as it was, without repeating any. */
function refreshHead(prev: CourseCard[], fresh: CourseCard[]): CourseCard[] {
  const ids = new Set(fresh.map((c) => c.id))
  return [...fresh, ...prev.slice(fresh.length).filter((c) => !ids.has(c.id))]
}

/** A course can shift pages while the worker scrolls (new courses published); skip ones already shown. */
function appendUnseen(prev: CourseCard[], next: CourseCard[]): CourseCard[] {
  const seen = new Set(prev.map((c) => c.id))
  return [...prev, ...next.filter((c) => !seen.has(c.id))]
}

/** The catalog list: one category at a time, pages appended as the worker scrolls. */
export function useCourses() {
  const [category, setCategory] = useState<string>(ALL_CATEGORIES)
  const [items, setItems] = useState<CourseCard[]>([])
  const [page, setPage] = useState(0)
  const [hasMore, setHasMore] = useState(false)
  const [status, setStatus] = useState<Status>('loading')
  const [error, setError] = useState<AppError | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const [moreError, setMoreError] = useState<AppError | null>(null)
  // A slow answer for a category the worker has already left must not overwrite the new list.
  const requestId = useRef(0)
  const shownCount = useRef(0)
  shownCount.current = items.length

  const loadFirstPage = useCallback(async (cat: string, keepItems = false) => {
    const id = ++requestId.current
    if (!keepItems) setStatus('loading')
    setError(null)
    setMoreError(null)
    const reply = await readPage(cat, 1)
    if (id !== requestId.current) return
    if (reply.ok) {
      setItems(reply.data.items)
      setPage(1)
      setHasMore(reply.data.hasMore)
      setStatus('ready')
    } else {
      setError(reply.error)
      // On a pull-down refresh keep the list already on screen and only report the failure.
      setStatus(keepItems && shownCount.current > 0 ? 'ready' : 'error')
    }
    return reply
  }, [])

  useEffect(() => {
    void loadFirstPage(category)
  }, [category, loadFirstPage])

  const selectCategory = useCallback((next: string) => setCategory(next), [])

  const refresh = useCallback(() => loadFirstPage(category, true), [category, loadFirstPage])

  const retry = useCallback(() => loadFirstPage(category), [category, loadFirstPage])

  const pagesShown = useRef(0)
  pagesShown.current = page

  /**
   * Re-reads the courses already on screen — seat counts and states change while the worker looks at a
   * course — in one request, without resetting the list or its scroll position. Pages are fixed-size,
   * so reading the first N pages as one page of N × size keeps "load more" pointing at the right page.
   */
  const refreshShown = useCallback(async () => {
    if (status !== 'ready' || pagesShown.current === 0) return
    const id = requestId.current
    const pageSize = Math.min(pagesShown.current * CATALOG_PAGE_SIZE.default, CATALOG_PAGE_SIZE.max)
    const reply = await readPage(category, 1, pageSize)
    if (id !== requestId.current || !reply.ok) return
    setItems((prev) => refreshHead(prev, reply.data.items))
    if (pageSize === pagesShown.current * CATALOG_PAGE_SIZE.default) setHasMore(reply.data.hasMore)
  }, [category, status])

  const loadMore = useCallback(async () => {
    if (!hasMore || loadingMore || status !== 'ready') return
    const id = requestId.current
    setLoadingMore(true)
    setMoreError(null)
    const reply = await readPage(category, page + 1)
    setLoadingMore(false)
    if (id !== requestId.current) return
    if (reply.ok) {
      setItems((prev) => appendUnseen(prev, reply.data.items))
      setPage(reply.data.page)
      setHasMore(reply.data.hasMore)
    } else {
      setMoreError(reply.error)
    }
  }, [category, hasMore, loadingMore, page, status])

  const list = { category, items, status, error, hasMore, loadingMore, moreError }
  return { ...list, selectCategory, refresh, refreshShown, retry, loadMore }
}
