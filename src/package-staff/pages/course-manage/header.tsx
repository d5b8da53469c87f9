import { Text, View } from '@tarojs/components'
import { formatDateTime, type CourseDetail } from '@core'
import { CourseHead } from '@/components/course-head'
import { seatsTakenPercent } from '@/utils/format'
import { prefix } from './prefix'

/**
 * Seats held by workers who have confirmed, apart from seats offered to the waitlist and not yet
 * answered: an offered seat is taken but nobody has said they will come.
 */
export function seatFigures(course: CourseDetail): { enrolled: number; offered: number } {
  const offered = course.seatsOffered ?? 0
  return { enrolled: course.seatsTaken - offered, offered }
}

/** The course's numbers at a glance: enrolled of capacity, seats left, waitlist, enrollment window. */
export function Header({ course }: { course: CourseDetail }) {
  const { enrolled, offered } = seatFigures(course)
  return (
    <View className={`${prefix}__head`}>
      <CourseHead className={`${prefix}__head-top`} course={course} />
      <Text className={`${prefix}__title`}>{course.title}</Text>
      <Text className={`${prefix}__meta`}>
        {course.instructor} · {course.venue.name}
      </Text>
      <View className={`${prefix}__stats`}>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-num`}>
            {enrolled}
            <Text className={`${prefix}__stat-of`}> / {course.capacity}</Text>
          </Text>
          <Text className={`${prefix}__stat-label`}>
            {offered > 0 ? `已报名 · 待确认 ${offered}` : '已报名 / 名额'}
          </Text>
        </View>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-num`}>{course.seatsLeft}</Text>
          <Text className={`${prefix}__stat-label`}>剩余名额</Text>
        </View>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-num ${course.waitlistLength ? `${prefix}__stat-num--wait` : ''}`.trim()}>
            {course.waitlistLength}
          </Text>
          <Text className={`${prefix}__stat-label`}>候补</Text>
        </View>
      </View>
      <View className={`${prefix}__bar`}>
        <View className={`${prefix}__bar-fill`} style={{ width: `${seatsTakenPercent(course)}%` }} />
      </View>
      <Text className={`${prefix}__window`}>
        报名 {formatDateTime(course.enrollOpensAt)} 至 {formatDateTime(course.enrollClosesAt)}
      </Text>
    </View>
  )
}
