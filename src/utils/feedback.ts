import Taro from '@tarojs/taro'

/** Native toasts and modals: they look like WeChat's own and cost nothing in package size. */
export function toast(title: string, icon: 'success' | 'none' | 'error' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2000 })
}

/**
 * Resolves true only when the person taps the confirm button; used before anything destructive.
 * `onConfirmTap` runs inside WeChat's own callback for that tap, where the platform still counts it as a
 * tap (wx.requestSubscribeMessage refuses to run once the promise has resolved into later code).
 */
export async function confirm(
  title: string,
  content: string,
  confirmText = '确定',
  cancelText = '取消',
  onConfirmTap?: () => void,
): Promise<boolean> {
  let tapped = false
  const tap = () => {
    if (tapped) return
    tapped = true
    onConfirmTap?.()
  }
  try {
    const res = await Taro.showModal({
      title,
      content,
      confirmText,
      confirmColor: '#e5482d',
      cancelText,
      success: (answer) => {
        if (answer.confirm) tap()
      },
    })
    // Where no callback ran (a platform that only resolves the promise), still act on the answer.
    if (res.confirm) tap()
    return res.confirm
  } catch {
    return false
  }
}

/**
 * A message that must be read, with one button. A toast shows about 7 characters with an icon and
 * disappears; refusals such as "同一时间最多可报名 3 门课程…" need a dialog.
 */
export async function alert(content: string, title = '', confirmText = '我知道了'): Promise<void> {
  try {
    await Taro.showModal({ title, content, confirmText, confirmColor: '#e5482d', showCancel: false })
  } catch {
    // Nothing to do: the message was informational.
  }
}
