import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { inShanghai, type AppError, type CheckInResult } from '@core'
import { formatLessonSlot, formatShortDateTime } from '@/utils/format'
import { refusalTitle } from '@/utils/checkin'
import './index.scss'

export type CheckinOutcome = { kind: 'done'; result: CheckInResult } | { kind: 'refused'; error: AppError }

export interface CheckinResultProps {
  outcome: CheckinOutcome
  /** 重新扫码 (or 重新输入 where there is no scanner) after a refusal. */
  retryText?: string
  onRetry?: () => void
  onDone?: () => void
  className?: string
}

const defaults = { retryText: '重新扫码', className: '' } as const

const prefix = 'xz-checkin-result'

/** "19:02", or "11月27日 19:02" when the check-in was not today. */
function checkinTime(at: string): string {
  const sameDay = inShanghai(at).isSame(inShanghai(new Date()), 'day')
  return sameDay ? inShanghai(at).format('HH:mm') : formatShortDateTime(at)
}

/**
 * The answer after a scan, sized to be read at arm's length by an older worker in a doorway: one big
 * mark, one line saying what happened, the lesson it counted for, and at most two buttons.
 */
export function CheckinResult(props: CheckinResultProps) {
  const { outcome, retryText, onRetry, onDone, className } = { ...defaults, ...props }

  if (outcome.kind === 'refused') {
    const title = refusalTitle(outcome.error.code)
    return (
      <View className={`${prefix} ${prefix}--refused ${className}`.trim()} ariaRole="alert" ariaLabel={title}>
        <View className={`${prefix}__mark ${prefix}__mark--refused`}>
          <Text className={`${prefix}__mark-text`}>!</Text>
        </View>
        <Text className={`${prefix}__heading`}>{title}</Text>
        <Text className={`${prefix}__message`}>{outcome.error.message}</Text>
        <View className={`${prefix}__actions`}>
          <Button className={`${prefix}__button`} type="primary" size="large" block onClick={() => onRetry?.()}>
            {retryText}
          </Button>
          {onDone ? (
            <Button className={`${prefix}__button`} type="default" size="large" block onClick={() => onDone()}>
              返回我的课程
            </Button>
          ) : null}
        </View>
      </View>
    )
  }

  const { result } = outcome
  const { lesson } = result
  const already = result.status === 'already'
  const heading = already ? '您已签到过了' : '签到成功'
  return (
    <View className={`${prefix} ${prefix}--${already ? 'already' : 'success'} ${className}`.trim()}>
      <View className={`${prefix}__mark ${prefix}__mark--${already ? 'already' : 'success'}`}>
        <Text className={`${prefix}__mark-text`}>✓</Text>
      </View>
      <View className={`${prefix}__heading-line`}>
        <Text className={`${prefix}__heading`}>{heading}</Text>
        {result.late ? <Text className={`${prefix}__late`}>迟到</Text> : null}
      </View>
      <Text className={`${prefix}__time`}>
        {already ? '签到时间 ' : ''}
        {checkinTime(result.at)}
        {already ? '' : ' 已签到'}
      </Text>

      <View className={`${prefix}__info`}>
        <Text className={`${prefix}__title`}>{lesson.courseTitle}</Text>
        <View className={`${prefix}__row`}>
          <Text className={`${prefix}__k`}>课次</Text>
          <Text className={`${prefix}__v`}>
            第 {lesson.index} 课{lesson.lessonCount > 1 ? `（共 ${lesson.lessonCount} 课）` : ''}
          </Text>
        </View>
        <View className={`${prefix}__row`}>
          <Text className={`${prefix}__k`}>上课时间</Text>
          <Text className={`${prefix}__v`}>{formatLessonSlot(lesson.startsAt, lesson.endsAt)}</Text>
        </View>
        <View className={`${prefix}__row`}>
          <Text className={`${prefix}__k`}>上课地点</Text>
          <Text className={`${prefix}__v`}>{lesson.venueName}</Text>
        </View>
      </View>

      <Text className={`${prefix}__note`}>
        {result.late ? '本次签到已记为迟到，下次请提前到场。' : '请就座，祝您学习愉快！'}
      </Text>

      {onDone ? (
        <View className={`${prefix}__actions`}>
          <Button className={`${prefix}__button`} type="primary" size="large" block onClick={() => onDone()}>
            完成
          </Button>
        </View>
      ) : null}
    </View>
  )
}

export default CheckinResult
