import { useState } from 'react'
import { useDidHide, useDidShow } from '@tarojs/taro'

/**
 * Whether the page is on screen: false once it is covered by another page or the app goes to the
 * background. Timers that poll the cloud key off this, so a forgotten screen stops calling.
 */
export function usePageVisible(): boolean {
  const [visible, setVisible] = useState(true)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))
  return visible
}
