import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatLessonTime } from '@core'
import './index.scss'

export type ResultSheetOutcome = { kind: 'enrolled' } | { kind: 'waitlisted'; position: number | null }

export interface ResultSheetProps {
  visible: boolean
  outcome: ResultSheetOutcome
  courseTitle: string
  /** ISO instant of the first lesson (or the next one), shown in Shanghai time. */
  firstLessonAt?: string
  venueName?: string
  venueAddress?: string
  /** The worker allowed a lesson reminder in this tap: the note says one will come. */
  reminded?: boolean
  onClose?: () => void
  /** Shown as a second button when given. */
  onViewMine?: () => void
  className?: string
}

const defaults = { firstLessonAt: '', venueName: '', venueAddress: '', reminded: false, className: '' } as const

const prefix = 'xz-result-sheet'

/** The answer to "did it work?" after an enroll tap: one big mark, the course, and what happens next. */
export function ResultSheet(props: ResultSheetProps) {
  const {
    visible,
    outcome,
    courseTitle,
    firstLessonAt,
    venueName,
    venueAddress,
    reminded,
    onClose,
    onViewMine,
    className,
  } = { ...defaults, ...props }
  if (!visible) return null
  const enrolled = outcome.kind === 'enrolled'
  const heading = enrolled ? '报名成功' : '已加入候补'
  const position = outcome.kind === 'waitlisted' ? outcome.position : null

  return (
    <View className={`${prefix} ${className}`.trim()} ariaRole="dialog" ariaLabel={heading}>
      <View className={`${prefix}__mask`} onClick={() => onClose?.()} />
      <View className={`${prefix}__panel`}>
        <View className={`${prefix}__mark ${prefix}__mark--${outcome.kind}`}>
          <Text className={`${prefix}__mark-text`}>{enrolled ? '✓' : (position ?? '候')}</Text>
        </View>
        <Text className={`${prefix}__heading`}>{heading}</Text>
        {!enrolled ? (
          <Text className={`${prefix}__position`}>{position ? `当前第 ${position} 位` : '正在候补'}</Text>
        ) : null}

        <View className={`${prefix}__info`}>
          <Text className={`${prefix}__title`}>{courseTitle}</Text>
          {firstLessonAt ? (
            <View className={`${prefix}__row`}>
              <Text className={`${prefix}__k`}>首次上课</Text>
              <Text className={`${prefix}__v`}>{formatLessonTime(firstLessonAt)}</Text>
            </View>
          ) : null}
          {venueName ? (
            <View className={`${prefix}__row`}>
              <Text className={`${prefix}__k`}>上课地点</Text>
              <View className={`${prefix}__v`}>
                <Text>{venueName}</Text>
                {venueAddress ? <Text className={`${prefix}__address`}>{venueAddress}</Text> : null}
              </View>
            </View>
          ) : null}
        </View>

        <Text className={`${prefix}__note`}>
          {!enrolled
            ? '有人退出时按顺序递补。递补后需在截止时间前确认，请留意「我的」页面。'
            : reminded
              ? '开课前一天会通过微信提醒您；开课时间和地点也可在「我的课程」中查看。'
              : '开课时间和地点可在「我的课程」中随时查看，请按时到场签到。'}
        </Text>

        <View className={`${prefix}__actions`}>
          {onViewMine ? (
            <Button className={`${prefix}__button`} type="default" onClick={() => onViewMine()}>
              查看我的课程
            </Button>
          ) : null}
          <Button className={`${prefix}__button ${prefix}__button--ok`} type="primary" onClick={() => onClose?.()}>
            好的
          </Button>
        </View>
      </View>
    </View>
  )
}

export default ResultSheet
