import Taro from '@tarojs/taro'

/** Native toasts and modals: they look like WeChat's own and cost nothing in package size. */
export function toast(title: string, icon: 'success' | 'none' | 'error' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2000 })
}

/** Resolves true only when the person taps the confirm button; used before anything destructive. */
export async function confirm(
  title: string,
  content: string,
  confirmText = '确定',
  cancelText = '取消',
): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, confirmColor: '#e5482d', cancelText })
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
