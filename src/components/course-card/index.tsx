import { Text, View } from '@tarojs/components'
import { formatLessonTime, type CourseCard as CourseCardData } from '@/core'
import { SeatBadge } from '../seat-badge'
import './index.scss'

export interface CourseCardProps {
  course: CourseCardData
  onOpen?: (courseId: string) => void
  className?: string
}

const defaults = { className: '' } as const

const prefix = 'xz-course-card'

export function CourseCard(props: CourseCardProps) {
  const { course, onOpen, className } = { ...defaults, ...props }
  const takenRatio = course.capacity > 0 ? Math.min(1, course.seatsTaken / course.capacity) : 1
  return (
    <View
      className={`${prefix} ${className}`.trim()}
      hoverClass={`${prefix}--pressed`}
      onClick={() => onOpen?.(course.id)}
      ariaRole="link"
      ariaLabel={course.title}
    >
      <View className={`${prefix}__top`}>
        <Text className={`${prefix}__category`}>{course.category}</Text>
        <SeatBadge state={course.enrollState} seatsLeft={course.seatsLeft} />
      </View>
      <Text className={`${prefix}__title`}>{course.title}</Text>
      <View className={`${prefix}__rows`}>
        <View className={`${prefix}__row`}>
          <Text className={`${prefix}__label`}>开课</Text>
          <Text className={`${prefix}__value`}>
            {formatLessonTime(course.firstLessonAt)}
            <Text className={`${prefix}__muted`}> · 共 {course.lessonCount} 课</Text>
          </Text>
        </View>
        <View className={`${prefix}__row`}>
          <Text className={`${prefix}__label`}>地点</Text>
          <Text className={`${prefix}__value`}>{course.venue.name}</Text>
        </View>
        <View className={`${prefix}__row`}>
          <Text className={`${prefix}__label`}>讲师</Text>
          <Text className={`${prefix}__value`}>{course.instructor}</Text>
        </View>
      </View>
      <View className={`${prefix}__seats`}>
        <View className={`${prefix}__bar`}>
          <View className={`${prefix}__bar-fill`} style={{ width: `${Math.round(takenRatio * 100)}%` }} />
        </View>
        <Text className={`${prefix}__seats-text`}>
          {course.seatsLeft > 0 ? `剩余 ${course.seatsLeft} / ${course.capacity} 席` : `已满 ${course.capacity} 席`}
          {course.waitlistLength > 0 ? ` · 候补 ${course.waitlistLength} 人` : ''}
        </Text>
      </View>
    </View>
  )
}

export default CourseCard
