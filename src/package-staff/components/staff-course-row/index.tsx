import { Text, View } from '@tarojs/components'
import { formatLessonTime, type CourseCard } from '@core'
import { seatsTakenPercent } from '@/utils/format'
import { CourseHead } from '@/components/course-head'
import './index.scss'

export interface StaffCourseRowProps {
  course: CourseCard
  onOpen?: (courseId: string) => void
  className?: string
}

const defaults = { className: '' } as const

const prefix = 'xz-staff-course-row'

/** A course as staff scan it: fill level and waitlist first, since that is what they act on. */
export function StaffCourseRow(props: StaffCourseRowProps) {
  const { course, onOpen, className } = { ...defaults, ...props }
  const full = course.seatsTaken >= course.capacity
  return (
    <View
      className={`${prefix} ${className}`.trim()}
      hoverClass={`${prefix}--pressed`}
      onClick={() => onOpen?.(course.id)}
      ariaRole="link"
      ariaLabel={course.title}
    >
      <CourseHead className={`${prefix}__top`} course={course} />
      <Text className={`${prefix}__title`}>{course.title}</Text>
      <Text className={`${prefix}__meta`}>
        {formatLessonTime(course.firstLessonAt)} · 共 {course.lessonCount} 课 · {course.venue.name}
      </Text>
      <View className={`${prefix}__stats`}>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__num ${full ? `${prefix}__num--full` : ''}`.trim()}>
            {course.seatsTaken}
            <Text className={`${prefix}__of`}> / {course.capacity}</Text>
          </Text>
          <Text className={`${prefix}__label`}>已报名 / 名额</Text>
        </View>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__num ${course.waitlistLength > 0 ? `${prefix}__num--wait` : ''}`.trim()}>
            {course.waitlistLength}
          </Text>
          <Text className={`${prefix}__label`}>候补</Text>
        </View>
        <Text className={`${prefix}__arrow`}>›</Text>
      </View>
      <View className={`${prefix}__bar`}>
        <View className={`${prefix}__bar-fill`} style={{ width: `${seatsTakenPercent(course)}%` }} />
      </View>
    </View>
  )
}

export default StaffCourseRow
