import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { inShanghai } from '@core'
import './index.scss'

export interface CheckinPromptProps {
  lesson: { index: number; startsAt: string }
  /** The worker's check-in to this lesson, once done. */
  attended?: { at: string; late: boolean } | null
  /** '扫码签到' where the phone can scan; elsewhere the check-in page takes a typed code. */
  actionText?: string
  onCheckIn?: () => void
  className?: string
}

const defaults = { attended: null, actionText: '扫码签到', className: '' } as const

const prefix = 'xz-checkin-prompt'

/**
 * Sits above the enroll bar while a lesson's check-in is open: the one thing an enrolled worker at the door
 * needs, in the place their thumb already is. After the check-in it says so instead.
 */
export function CheckinPrompt(props: CheckinPromptProps) {
  const { lesson, attended, actionText, onCheckIn, className } = { ...defaults, ...props }
  const start = inShanghai(lesson.startsAt).format('HH:mm')

  if (attended) {
    return (
      <View className={`${prefix} ${prefix}--done ${className}`.trim()}>
        <Text className={`${prefix}__mark`}>✓</Text>
        <View className={`${prefix}__state`}>
          <Text className={`${prefix}__label ${prefix}__label--done`}>
            第 {lesson.index} 课已签到 {inShanghai(attended.at).format('HH:mm')}
          </Text>
          <Text className={`${prefix}__hint`}>{start} 开课，请就座</Text>
        </View>
        {attended.late ? <Text className={`${prefix}__late`}>迟到</Text> : null}
      </View>
    )
  }

  return (
    <View className={`${prefix} ${className}`.trim()}>
      <View className={`${prefix}__state`}>
        <Text className={`${prefix}__label`}>第 {lesson.index} 课 正在签到</Text>
        <Text className={`${prefix}__hint`}>{start} 开课，请扫现场大屏签到码</Text>
      </View>
      <Button className={`${prefix}__button`} type="primary" onClick={() => onCheckIn?.()}>
        {actionText}
      </Button>
    </View>
  )
}

export default CheckinPrompt
