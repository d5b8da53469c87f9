import Taro from '@tarojs/taro'

/** The 我的 tab's index in app.config's tabBar. */
const ME_TAB = 1

/**
 * The red dot on 我的 while a seat waits for the worker's confirmation. The platform refuses the call
 * on a page without the tab bar (a course page, say): the next tab page sets it again, so that is fine.
 */
export function setMeTabDot(on: boolean): void {
  const call = on ? Taro.showTabBarRedDot({ index: ME_TAB }) : Taro.hideTabBarRedDot({ index: ME_TAB })
  void Promise.resolve(call).catch(() => undefined)
}
