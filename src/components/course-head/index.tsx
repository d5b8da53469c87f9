import { Text, View } from '@tarojs/components'
import type { CardOwnPlace, CourseCard } from '@core'
import { LevelTag } from '../level-tag'
import { SeatBadge } from '../seat-badge'
import './index.scss'

export interface CourseHeadProps {
  /** `own`: the worker's place, which the badge names instead of the seats (已报名 / 候补第 N 位 / 待确认). */
  course: Pick<CourseCard, 'category' | 'level' | 'enrollState' | 'seatsLeft'> & { own?: CardOwnPlace | null }
  /** Sets the gap below; each card spaces its head its own way. */
  className?: string
}

const defaults = { className: '' } as const

const prefix = 'xz-course-head'

/** The line above a course title in a card: its category and level on the left, its seat state on the right. */
export function CourseHead(props: CourseHeadProps) {
  const { course, className } = { ...defaults, ...props }
  return (
    <View className={`${prefix} ${className}`.trim()}>
      <View className={`${prefix}__tags`}>
        <Text className={`${prefix}__category`}>{course.category}</Text>
        <LevelTag level={course.level} />
      </View>
      <SeatBadge state={course.enrollState} seatsLeft={course.seatsLeft} place={course.own ?? null} />
    </View>
  )
}

export default CourseHead
