import Taro from '@tarojs/taro'

/** Native toasts and modals: they look like WeChat's own and cost nothing in package size. */
export function toast(title: string, icon: 'success' | 'none' | 'error' = 'none'): void {
  void Taro.showToast({ title, icon, duration: 2000 })
}

/** Resolves true only when the person taps the confirm button; used before anything destructive. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, confirmColor: '#e5482d', cancelText: '取消' })
    return res.confirm
  } catch {
    return false
  }
}
