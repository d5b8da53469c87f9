import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { formatDateTime, type RosterEntry } from '@core'
import { STATUS_LABELS } from '../../lib/roster-csv'
import './index.scss'

export interface StaffRosterItemProps {
  entry: RosterEntry
  className?: string
  /** 拨打: the page calls the number; absent, no call button (e.g. no phone on file). */
  onCall?: (phone: string) => void
}

const defaults = { className: '' } as const

const prefix = 'xz-staff-roster-item'

/** 13800138000 → 138****8000. */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}

/**
 * One person on a roster. The phone stays masked until tapped: rosters are read on shared screens and in
 * class, and a full number should show only when staff actually need to call.
 */
export function StaffRosterItem(props: StaffRosterItemProps) {
  const { entry, className } = { ...defaults, ...props }
  const [revealed, setRevealed] = useState(false)
  return (
    <View className={`${prefix} ${className}`.trim()}>
      <View className={`${prefix}__main`}>
        <View className={`${prefix}__line`}>
          <Text className={`${prefix}__name`}>{entry.name}</Text>
          {entry.status === 'waitlisted' && entry.waitlistPosition !== null ? (
            <Text className={`${prefix}__tag ${prefix}__tag--wait`}>候补第 {entry.waitlistPosition} 位</Text>
          ) : null}
          {entry.status === 'offered' ? <Text className={`${prefix}__tag ${prefix}__tag--offer`}>待确认</Text> : null}
          {entry.status === 'cancelled' && entry.formerStatus ? (
            <Text className={`${prefix}__tag ${prefix}__tag--former`}>原{STATUS_LABELS[entry.formerStatus]}</Text>
          ) : null}
          {entry.status === 'cancelled' ? (
            <Text className={`${prefix}__tag ${prefix}__tag--cancelled`}>已取消</Text>
          ) : null}
        </View>
        <Text className={`${prefix}__sub`}>{entry.employer}</Text>
        {entry.memberNo ? <Text className={`${prefix}__member`}>会员号 {entry.memberNo}</Text> : null}
        {entry.status === 'offered' && entry.offerExpiresAt ? (
          <Text className={`${prefix}__deadline`}>须在 {formatDateTime(entry.offerExpiresAt)} 前确认</Text>
        ) : null}
      </View>
      <View
        className={`${prefix}__phone`}
        hoverClass={`${prefix}__phone--pressed`}
        ariaRole="button"
        ariaLabel={revealed ? `手机号 ${entry.phone}` : `显示${entry.name}的手机号`}
        onClick={() => setRevealed((v) => !v)}
      >
        <Text className={`${prefix}__phone-text`}>{revealed ? entry.phone : maskPhone(entry.phone)}</Text>
        <Text className={`${prefix}__phone-hint`}>{revealed ? '点击隐藏' : '点击查看'}</Text>
      </View>
      {props.onCall && entry.phone ? (
        <View
          className={`${prefix}__call`}
          hoverClass={`${prefix}__call--pressed`}
          ariaRole="button"
          ariaLabel={`拨打${entry.name}的电话`}
          onClick={() => props.onCall?.(entry.phone)}
        >
          拨打
        </View>
      ) : null}
    </View>
  )
}

export default StaffRosterItem
