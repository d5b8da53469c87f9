import { useEffect, useRef } from 'react'
import Taro from '@tarojs/taro'

/** What a paged list hook exposes (the same shape ListFooter reads). */
interface ListPager {
  loadingMore: boolean
  moreError: unknown
  hasMore: boolean
  loadMore: () => unknown
}

/**
 * Loads the next page whenever the list's footer is in sight. onReachBottom alone misses two cases: a
 * first page too short to scroll (nothing ever "reaches" the bottom) and a page that arrives while the
 * footer is still visible (no new scroll event). So the footer is watched, and each finished load looks
 * again.
 */
export function useLoadOnSight(selector: string, pager: ListPager, shown: number, active: boolean): void {
  const visible = useRef(false)
  const latest = useRef(pager)
  latest.current = pager
  const pull = () => {
    const p = latest.current
    if (visible.current && p.hasMore && !p.loadingMore && !p.moreError) void p.loadMore()
  }

  useEffect(() => {
    if (!active || typeof Taro.createIntersectionObserver !== 'function') return
    const page = Taro.getCurrentInstance()?.page
    if (!page) return
    const observer = Taro.createIntersectionObserver(page).relativeToViewport({ bottom: 300 })
    observer.observe(selector, (res) => {
      visible.current = (res.intersectionRatio ?? 0) > 0
      pull()
    })
    return () => observer.disconnect()
  }, [active, selector])

  // A page just arrived (or a load finished) while the footer is still in sight: keep going.
  useEffect(pull, [shown, pager.loadingMore, pager.hasMore])
}
