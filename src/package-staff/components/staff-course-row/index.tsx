import { Text, View } from '@tarojs/components'
import { formatLessonTime } from '@core'
import { CourseTileFrame, type CourseTileProps } from '@/components/course-tile'
import { seatsTakenPercent } from '@/utils/format'
import './index.scss'

export type StaffCourseRowProps = CourseTileProps

const prefix = 'xz-staff-course-row'

/** A course as staff scan it: fill level and waitlist first, since that is what they act on. */
export function StaffCourseRow(props: StaffCourseRowProps) {
  const { course } = props
  const full = course.seatsTaken >= course.capacity
  return (
    <CourseTileFrame {...props} block={prefix}>
      <Text className={`${prefix}__meta`}>
        {formatLessonTime(course.firstLessonAt)} · 共 {course.lessonCount} 课 · {course.venue.name}
      </Text>
      <View className={`${prefix}__stats`}>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__num ${full ? `${prefix}__num--full` : ''}`.trim()}>
            {course.seatsTaken}
            <Text className={`${prefix}__of`}> / {course.capacity}</Text>
          </Text>
          {/* Taken includes seats offered to the waitlist and not yet confirmed: the course page splits them. */}
          <Text className={`${prefix}__label`}>已占 / 名额</Text>
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
    </CourseTileFrame>
  )
}

export default StaffCourseRow
