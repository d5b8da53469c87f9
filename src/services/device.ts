import Taro from '@tarojs/taro'

/**
 * Keeps the phone's screen from dimming while a page shows something to others (the check-in code at the
 * door). WeChat resets it when the mini-program leaves the foreground, so pages set it again on show.
 */
export function keepScreenOn(on: boolean): void {
  if (process.env.TARO_ENV !== 'weapp') return
  Taro.setKeepScreenOn({ keepScreenOn: on }).catch(() => {
    // Not fatal: the code still shows, the screen may just dim.
  })
}
