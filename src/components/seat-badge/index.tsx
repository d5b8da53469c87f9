import { Text } from '@tarojs/components'
import { enrollStateLabel, type EnrollState } from '@/core'
import './index.scss'

export interface SeatBadgeProps {
  state: EnrollState
  seatsLeft: number
  size?: 'normal' | 'large'
  className?: string
}

export type SeatBadgeTone = 'open' | 'few' | 'waitlist' | 'upcoming' | 'muted'

const defaults = { size: 'normal', className: '' } as const

const prefix = 'xz-seat-badge'

/** Few seats left gets its own colour: that is the moment a worker should decide. */
export function seatBadgeTone(state: EnrollState, seatsLeft: number): SeatBadgeTone {
  switch (state) {
    case 'open':
      return seatsLeft <= 5 ? 'few' : 'open'
    case 'full':
      return 'waitlist'
    case 'not_open':
      return 'upcoming'
    default:
      return 'muted'
  }
}

export function SeatBadge(props: SeatBadgeProps) {
  const { state, seatsLeft, size, className } = { ...defaults, ...props }
  const tone = seatBadgeTone(state, seatsLeft)
  return (
    <Text className={`${prefix} ${prefix}--${tone} ${prefix}--${size} ${className}`.trim()}>
      {enrollStateLabel(state, seatsLeft)}
    </Text>
  )
}

export default SeatBadge
