import { Text, View } from '@tarojs/components'
import { StaffPickerField } from '../../components/staff-picker-field'
import { prefix } from './prefix'

export interface DateTimeRowProps {
  label: string
  date: string
  time: string
  error?: string
  onDate: (v: string) => void
  onTime: (v: string) => void
}

/** A date and a time picked side by side under one label (enrollment opens / closes). */
export function DateTimeRow(props: DateTimeRowProps) {
  return (
    <View className={`${prefix}__dt ${props.error ? `${prefix}__dt--error` : ''}`.trim()}>
      <View className={`${prefix}__dt-row`}>
        <Text className={`${prefix}__dt-label`}>{props.label}</Text>
        <StaffPickerField
          className={`${prefix}__dt-date`}
          layout="box"
          mode="date"
          label={`${props.label}日期`}
          placeholder="选择日期"
          value={props.date}
          error={props.error}
          onChange={props.onDate}
        />
        <StaffPickerField
          className={`${prefix}__dt-time`}
          layout="box"
          mode="time"
          label={`${props.label}时间`}
          value={props.time}
          error={props.error}
          onChange={props.onTime}
        />
      </View>
      {props.error ? <Text className={`${prefix}__error`}>{props.error}</Text> : null}
    </View>
  )
}
