import { Text, View } from '@tarojs/components'
import { prefix } from './prefix'

export interface EntryRowProps {
  title: string
  note?: string
  onClick: () => void
  accent?: boolean
}

/** One line of the settings-like groups on 我的: a title, a short note and an arrow. */
export function EntryRow(props: EntryRowProps) {
  return (
    <View className={`${prefix}__row`} hoverClass={`${prefix}__row--pressed`} onClick={props.onClick}>
      <Text className={`${prefix}__row-title ${props.accent ? `${prefix}__row-title--accent` : ''}`.trim()}>
        {props.title}
      </Text>
      <Text className={`${prefix}__row-note`}>{props.note ?? ''}</Text>
      <Text className={`${prefix}__row-arrow`}>›</Text>
    </View>
  )
}
