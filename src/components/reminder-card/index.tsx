import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { TemplateKind } from '@core'
import './index.scss'

export interface ReminderCardProps {
  /** The configured kinds, in the order to list them. */
  kinds: TemplateKind[]
  /** Messages of each kind the worker can still receive. */
  credits: Partial<Record<TemplateKind, number>>
  /** 开启提醒 is waiting for the worker's answer or the new counts. */
  busy?: boolean
  onEnable?: () => void
  className?: string
}

const defaults = { busy: false, className: '' } as const

const prefix = 'xz-reminder-card'

/** Shorter than TEMPLATE_PURPOSE: three of them share one line. */
const LABELS: Record<TemplateKind, string> = {
  lessonReminder: '上课提醒',
  seatOffer: '递补通知',
  courseChange: '变更通知',
}

/** 我的 → 微信提醒: how many reminders are left, and a tap to allow one more of each. */
export function ReminderCard(props: ReminderCardProps) {
  const { kinds, credits, busy, onEnable, className } = { ...defaults, ...props }
  // Said as on or off, the way a worker thinks of it; the count of one-time credits behind it is WeChat's
  // mechanics. No-break spaces keep each item whole on a narrow screen.
  const states = kinds.map((kind) => `${LABELS[kind]}：${(credits[kind] ?? 0) > 0 ? '已开启' : '未开启'}`)
  const anyOff = kinds.some((kind) => (credits[kind] ?? 0) === 0)
  return (
    <View className={`${prefix} ${className}`.trim()}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__title`}>微信提醒</Text>
        <Button
          className={`${prefix}__button`}
          type="primary"
          fill="outline"

          loading={busy}
          onClick={() => onEnable?.()}
        >
          开启提醒
        </Button>
      </View>
      <Text className={`${prefix}__counts`}>{states.join('\u00a0· ')}</Text>
      <Text className={`${prefix}__note`}>
        {anyOff
          ? '点「开启提醒」并选择「允许」，上课前微信会提醒您'
          : '每次允许可收到一条提醒，用完后再点一次「开启提醒」'}
      </Text>
    </View>
  )
}

export default ReminderCard
