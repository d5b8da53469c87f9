import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface StaffDialogProps {
  visible: boolean
  title: string
  children?: ReactNode
  confirmText?: string
  cancelText?: string
  /** Red confirm button: the action cannot be undone. */
  danger?: boolean
  confirmDisabled?: boolean
  loading?: boolean
  onConfirm?: () => void
  onCancel?: () => void
  className?: string
}

const defaults = {
  confirmText: '确定',
  cancelText: '取消',
  danger: false,
  confirmDisabled: false,
  loading: false,
  className: '',
} as const

const prefix = 'xz-staff-dialog'

/**
 * A modal that can hold inputs. The native showModal cannot take a number or a long reason on every
 * platform, so staff actions that need typing use this instead.
 */
export function StaffDialog(props: StaffDialogProps) {
  const { visible, title, children, confirmText, cancelText, danger, confirmDisabled, loading, className } = {
    ...defaults,
    ...props,
  }
  if (!visible) return null
  const blocked = confirmDisabled || loading
  return (
    <View className={`${prefix} ${className}`.trim()} ariaRole="dialog" ariaLabel={title}>
      <View className={`${prefix}__mask`} onClick={() => !loading && props.onCancel?.()} />
      <View className={`${prefix}__panel`}>
        <Text className={`${prefix}__title`}>{title}</Text>
        <View className={`${prefix}__body`}>{children}</View>
        <View className={`${prefix}__actions`}>
          <View
            className={`${prefix}__button`}
            hoverClass={`${prefix}__button--pressed`}
            ariaRole="button"
            onClick={() => !loading && props.onCancel?.()}
          >
            {cancelText}
          </View>
          <View
            className={`${prefix}__button ${prefix}__button--confirm ${danger ? `${prefix}__button--danger` : ''} ${
              blocked ? `${prefix}__button--disabled` : ''
            }`
              .replace(/\s+/g, ' ')
              .trim()}
            hoverClass={blocked ? 'none' : `${prefix}__button--pressed`}
            ariaRole="button"
            aria-disabled={blocked}
            onClick={() => !blocked && props.onConfirm?.()}
          >
            {loading ? '请稍候…' : confirmText}
          </View>
        </View>
      </View>
    </View>
  )
}

export default StaffDialog
