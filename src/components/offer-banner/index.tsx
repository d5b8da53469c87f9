import { Text, View } from '@tarojs/components'
import './index.scss'

export interface OfferBannerProps {
  /** How many seats wait for the worker's confirmation; nothing shows at 0. */
  count: number
  onOpen?: () => void
}

const prefix = 'xz-offer-banner'

/** A seat a worker waited for must not go unnoticed: a banner that leads straight to the confirmation. */
export function OfferBanner({ count, onOpen }: OfferBannerProps) {
  if (count <= 0) return null
  const text = count === 1 ? '您有一个候补名额待确认' : `您有 ${count} 个候补名额待确认`
  return (
    <View className={prefix} hoverClass={`${prefix}--pressed`} onClick={() => onOpen?.()} ariaRole="link">
      <Text className={`${prefix}__text`}>{text}</Text>
      <Text className={`${prefix}__link`}>去确认 ›</Text>
    </View>
  )
}

export default OfferBanner
