import { Text, View } from '@tarojs/components'
import { inShanghai, type AttendanceEntry } from '@core'
import './index.scss'

export interface AttendanceRowProps {
  entry: AttendanceEntry
  /** Offered on a worker not yet checked in. */
  onMark?: (entry: AttendanceEntry) => void
  /** Another mark is being saved. */
  disabled?: boolean
  className?: string
}

const defaults = { disabled: false, className: '' } as const

const prefix = 'xz-attendance-row'

const METHOD_LABELS: Record<NonNullable<AttendanceEntry['method']>, string> = {
  scan: '扫码',
  digits: '数字码',
  staff_scan: '反扫',
  manual: '补签',
}

/**
 * One worker on the live attendance list. The phone's last four digits tell two namesakes apart at the door
 * without showing the whole number on a shared screen.
 */
export function AttendanceRow(props: AttendanceRowProps) {
  const { entry, onMark, disabled, className } = { ...defaults, ...props }
  const sub = [entry.employer, entry.phoneTail ? `尾号 ${entry.phoneTail}` : ''].filter(Boolean).join(' · ')
  return (
    <View className={`${prefix} ${prefix}--${entry.status} ${className}`.trim()}>
      <View className={`${prefix}__main`}>
        <View className={`${prefix}__line`}>
          <Text className={`${prefix}__name`}>{entry.name}</Text>
          {entry.status === 'late' ? <Text className={`${prefix}__tag ${prefix}__tag--late`}>迟到</Text> : null}
        </View>
        {sub ? <Text className={`${prefix}__sub`}>{sub}</Text> : null}
      </View>
      {entry.status === 'absent' ? (
        <View
          className={`${prefix}__mark ${disabled ? `${prefix}__mark--disabled` : ''}`.trim()}
          hoverClass={disabled ? 'none' : `${prefix}__mark--pressed`}
          ariaRole="button"
          ariaLabel={`为${entry.name}补签`}
          onClick={() => !disabled && onMark?.(entry)}
        >
          补签
        </View>
      ) : (
        <View className={`${prefix}__when`}>
          <Text className={`${prefix}__time`}>{entry.at ? inShanghai(entry.at).format('HH:mm') : ''}</Text>
          {entry.method ? (
            <Text className={`${prefix}__method ${prefix}__method--${entry.method}`}>
              {METHOD_LABELS[entry.method]}
            </Text>
          ) : null}
        </View>
      )}
    </View>
  )
}

export default AttendanceRow
