import Taro from '@tarojs/taro'

/** The 我的 tab's index in app.config's tabBar. */
const ME_TAB = 1

/**
 * The red dot on 我的 while a seat waits for the worker's confirmation. The platform refuses the call
 * on a page without the tab bar (a course page, say): the next tab page sets it again, so that is fine.
 * A runtime without the API (a test harness) simply shows no dot.
 */
export function setMeTabDot(on: boolean): void {
  const api = on ? Taro.showTabBarRedDot : Taro.hideTabBarRedDot
  if (typeof api !== 'function') return
  try {
    void Promise.resolve(api({ index: ME_TAB })).catch(() => undefined)
  } catch {
    // Called on a page without the tab bar: nothing to mark there.
  }
}
