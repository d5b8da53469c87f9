import { useCallback, useEffect, useRef, useState } from 'react'
import { CATALOG_PAGE_SIZE, type AppError, type ListedCourse } from '@core'
import { listCourses } from '@/services/catalog'

export const ALL_CATEGORIES = ''
/** What stands for "every level" in the filter, as ALL_CATEGORIES does for categories. */
export const ALL_LEVELS = ''

type Status = 'loading' | 'ready' | 'error'

/** The list's filters; '' is "all". `forIndustry`: 适合我的行业, the worker's own industry when on. */
export interface CourseFilter {
  /** Words in the title, the instructor or the venue ('' for none). */
  search: string
  /** 只看可报名. */
  openOnly: boolean
  category: string
  level: string
  forIndustry: string
}

const NO_FILTER: CourseFilter = {
  search: '',
  openOnly: false,
  category: ALL_CATEGORIES,
  level: ALL_LEVELS,
  forIndustry: '',
}

const readPage = (filter: CourseFilter, page: number, pageSize: number = CATALOG_PAGE_SIZE.default) =>
  listCourses({
    search: filter.search || undefined,
    openOnly: filter.openOnly || undefined,
    category: filter.category || undefined,
    level: filter.level || undefined,
    forIndustry: filter.forIndustry || undefined,
    page,
    pageSize,
  })

/** Fresh copies of the first courses, then the rest of the list as it was, without repeating any. */
function refreshHead(prev: ListedCourse[], fresh: ListedCourse[]): ListedCourse[] {
  const ids = new Set(fresh.map((c) => c.id))
  return [...fresh, ...prev.slice(fresh.length).filter((c) => !ids.has(c.id))]
}

/** A course can shift pages while the worker scrolls (new courses published); skip ones already shown. */
function appendUnseen(prev: ListedCourse[], next: ListedCourse[]): ListedCourse[] {
  const seen = new Set(prev.map((c) => c.id))
  return [...prev, ...next.filter((c) => !seen.has(c.id))]
}

/** The catalog list: one filter at a time (category, level, industry), pages appended as the worker scrolls. */
export function useCourses() {
  const [filter, setFilter] = useState<CourseFilter>(NO_FILTER)
  const [items, setItems] = useState<ListedCourse[]>([])
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

  const loadFirstPage = useCallback(async (f: CourseFilter, keepItems = false) => {
    const id = ++requestId.current
    if (!keepItems) setStatus('loading')
    setError(null)
    setMoreError(null)
    const reply = await readPage(f, 1)
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
    void loadFirstPage(filter)
  }, [filter, loadFirstPage])

  /** Changes the filters given; a change to what is already set starts no new read. */
  const narrow = useCallback((patch: Partial<CourseFilter>) => {
    setFilter((prev) =>
      (Object.keys(patch) as (keyof CourseFilter)[]).every((k) => prev[k] === patch[k]) ? prev : { ...prev, ...patch },
    )
  }, [])
  const selectCategory = useCallback((category: string) => narrow({ category }), [narrow])
  const selectLevel = useCallback((level: string) => narrow({ level }), [narrow])
  const selectIndustry = useCallback((forIndustry: string) => narrow({ forIndustry }), [narrow])
  const searchFor = useCallback((text: string) => narrow({ search: text }), [narrow])
  const setOpenOnly = useCallback((openOnly: boolean) => narrow({ openOnly }), [narrow])
  const clearFilters = useCallback(() => narrow(NO_FILTER), [narrow])

  const refresh = useCallback(() => loadFirstPage(filter, true), [filter, loadFirstPage])

  const retry = useCallback(() => loadFirstPage(filter), [filter, loadFirstPage])

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
    const reply = await readPage(filter, 1, pageSize)
    if (id !== requestId.current || !reply.ok) return
    setItems((prev) => refreshHead(prev, reply.data.items))
    if (pageSize === pagesShown.current * CATALOG_PAGE_SIZE.default) setHasMore(reply.data.hasMore)
  }, [filter, status])

  const loadMore = useCallback(async () => {
    if (!hasMore || loadingMore || status !== 'ready') return
    const id = requestId.current
    setLoadingMore(true)
    setMoreError(null)
    const reply = await readPage(filter, page + 1)
    setLoadingMore(false)
    if (id !== requestId.current) return
    if (reply.ok) {
      setItems((prev) => appendUnseen(prev, reply.data.items))
      setPage(reply.data.page)
      setHasMore(reply.data.hasMore)
    } else {
      setMoreError(reply.error)
    }
  }, [filter, hasMore, loadingMore, page, status])

  const list = { ...filter, items, status, error, hasMore, loadingMore, moreError }
  const filters = { selectCategory, selectLevel, selectIndustry, searchFor, setOpenOnly, clearFilters }
  return { ...list, ...filters, refresh, refreshShown, retry, loadMore }
}
