import { Text, View } from '@tarojs/components'
import { formatLessonTime, formatWhen } from '@core'
import { suitsText } from '@/utils/course-fit'
import { seatsTakenPercent } from '@/utils/format'
import { CourseTileFrame, type CourseTileProps } from '../course-tile'
import './index.scss'

export interface CourseCardProps extends CourseTileProps {
  /** The clock the opening time is told against (今天 / 明天); tests pin it. */
  now?: Date
}

const prefix = 'xz-course-card'

/** A course in the workers' catalog: when, where, who teaches, and how many seats are left. */
export function CourseCard(props: CourseCardProps) {
  const { course, now = new Date() } = props
  return (
    <CourseTileFrame {...props} block={prefix}>
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
        <View className={`${prefix}__row`}>
          <Text className={`${prefix}__label`}>适合</Text>
          <Text className={`${prefix}__value`}>{suitsText(course.industries)}</Text>
        </View>
      </View>
      {course.enrollState === 'not_open' ? (
        <Text className={`${prefix}__opens`}>报名 {formatWhen(course.enrollOpensAt, now)} 开始</Text>
      ) : null}
      <View className={`${prefix}__seats`}>
        <View className={`${prefix}__bar`}>
          <View className={`${prefix}__bar-fill`} style={{ width: `${seatsTakenPercent(course)}%` }} />
        </View>
        <Text className={`${prefix}__seats-text`}>
          {course.seatsLeft > 0 ? `剩余 ${course.seatsLeft} / ${course.capacity} 席` : `已满 ${course.capacity} 席`}
          {course.waitlistLength > 0 ? ` · 候补 ${course.waitlistLength} 人` : ''}
        </Text>
      </View>
    </CourseTileFrame>
  )
}

export default CourseCard
