import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * Runs `refresh` each time the page comes back into view (a tab switch, a return from a detail page), but
 * not on its first show: the page's hooks already load when it mounts, and a second request would only
 * slow the first paint.
 */
export function useRefreshOnShow(refresh: () => unknown): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (!shown.current) {
      shown.current = true
      return
    }
    void refresh()
  })
}
