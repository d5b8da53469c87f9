import { Text, View } from '@tarojs/components'
import type { CourseCard } from '@core'
import { SeatBadge } from '../seat-badge'
import './index.scss'

export interface CourseHeadProps {
  course: Pick<CourseCard, 'category' | 'enrollState' | 'seatsLeft'>
  /** Sets the gap below; each card spaces its head its own way. */
  className?: string
}

const defaults = { className: '' } as const

const prefix = 'xz-course-head'

/** The line above a course title in a card: its category on the left, its seat state on the right. */
export function CourseHead(props: CourseHeadProps) {
  const { course, className } = { ...defaults, ...props }
  return (
    <View className={`${prefix} ${className}`.trim()}>
      <Text className={`${prefix}__category`}>{course.category}</Text>
      <SeatBadge state={course.enrollState} seatsLeft={course.seatsLeft} />
    </View>
  )
}

export default CourseHead
