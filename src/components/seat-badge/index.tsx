import { Text } from '@tarojs/components'
import { enrollStateLabel, type EnrollmentView, type EnrollState } from '@core'
import './index.scss'

export interface SeatBadgeProps {
  state: EnrollState
  seatsLeft: number
  /** The worker's own place in this course: when they hold one, the badge speaks of it instead. */
  place?: OwnPlace | null
  size?: 'normal' | 'large'
  className?: string
}

export type OwnPlace = Pick<EnrollmentView, 'status' | 'waitlistPosition'>

export type SeatBadgeTone = 'open' | 'few' | 'waitlist' | 'upcoming' | 'muted'

const defaults = { place: null, size: 'normal', className: '' } as const

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

/**
 * A held seat, offer or waitlist place, in the colours 我的 uses for it; null when the worker holds none.
 * "已满·可候补" would be wrong for someone already in.
 */
export function ownPlaceBadge(place: OwnPlace | null): { label: string; tone: SeatBadgeTone } | null {
  switch (place?.status) {
    case 'enrolled':
      return { label: '已报名', tone: 'open' }
    case 'offered':
      return { label: '待确认', tone: 'waitlist' }
    case 'waitlisted':
      return { label: place.waitlistPosition ? `候补第 ${place.waitlistPosition} 位` : '候补中', tone: 'few' }
    default:
      return null
  }
}

export function SeatBadge(props: SeatBadgeProps) {
  const { state, seatsLeft, place, size, className } = { ...defaults, ...props }
  const { label, tone } = ownPlaceBadge(place) ?? {
    label: enrollStateLabel(state, seatsLeft),
    tone: seatBadgeTone(state, seatsLeft),
  }
  return <Text className={`${prefix} ${prefix}--${tone} ${prefix}--${size} ${className}`.trim()}>{label}</Text>
}

export default SeatBadge
