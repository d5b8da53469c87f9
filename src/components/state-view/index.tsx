import { Image, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import emptyImage from '@/assets/empty.png'
import './index.scss'

export type StateViewStatus = 'loading' | 'empty' | 'error'

export interface StateViewProps {
  status: StateViewStatus
  title?: string
  description?: string
  /** Local image only: NutUI's Empty fetches pictures from a remote host, which we never do. */
  image?: string
  actionText?: string
  onAction?: () => void
  /** How many placeholder cards the loading state draws. */
  skeletonCount?: number
  compact?: boolean
  className?: string
}

const defaults = {
  title: '',
  description: '',
  image: '',
  actionText: '',
  skeletonCount: 3,
  compact: false,
  className: '',
} as const

const prefix = 'xz-state-view'

const DEFAULT_TITLES: Record<StateViewStatus, string> = {
  loading: '加载中',
  empty: '暂无内容',
  error: '加载失败',
}

export function StateView(props: StateViewProps) {
  const { status, title, description, image, actionText, onAction, skeletonCount, compact, className } = {
    ...defaults,
    ...props,
  }
  const rootClass = `${prefix} ${prefix}--${status} ${compact ? `${prefix}--compact` : ''} ${className}`
    .replace(/\s+/g, ' ')
    .trim()

  if (status === 'loading') {
    return (
      <View className={rootClass} ariaLabel={title || DEFAULT_TITLES.loading}>
        {Array.from({ length: skeletonCount }, (_, i) => (
          <View key={i} className={`${prefix}__skeleton`} data-testid="skeleton">
            <View className={`${prefix}__bone ${prefix}__bone--short`} />
            <View className={`${prefix}__bone ${prefix}__bone--title`} />
            <View className={`${prefix}__bone`} />
            <View className={`${prefix}__bone ${prefix}__bone--medium`} />
          </View>
        ))}
      </View>
    )
  }

  const action = actionText || (status === 'error' ? '重试' : '')
  return (
    <View className={rootClass}>
      {image || status === 'empty' ? (
        <Image className={`${prefix}__image`} src={image || emptyImage} mode="aspectFit" />
      ) : (
        <View className={`${prefix}__icon`}>
          <Text className={`${prefix}__icon-mark`}>!</Text>
        </View>
      )}
      <Text className={`${prefix}__title`}>{title || DEFAULT_TITLES[status]}</Text>
      {description ? <Text className={`${prefix}__description`}>{description}</Text> : null}
      {action && onAction ? (
        <Button className={`${prefix}__action`} type="primary" fill="outline" onClick={() => onAction()}>
          {action}
        </Button>
      ) : null}
    </View>
  )
}

export default StateView
