import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { formatDateTime, type CourseDetail } from '@core'
import { SeatBadge, type OwnPlace } from '@/components/seat-badge'
import { LevelTag } from '@/components/level-tag'
import { suitsText } from '@/utils/course-fit'
import { formatLessonSlot } from '@/utils/format'
import { prefix } from './prefix'

function Section(props: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <View className={`${prefix}__section`}>
      <View className={`${prefix}__section-head`}>
        <Text className={`${prefix}__section-title`}>{props.title}</Text>
        {props.extra}
      </View>
      {props.children}
    </View>
  )
}

/** Everything about the course a worker reads before deciding: numbers, dates, place, content, lessons. */
export function CourseBody({ course, place }: { course: CourseDetail; place: OwnPlace | null }) {
  return (
    <View>
      <Hero course={course} place={place} />
      {course.enrollState === 'cancelled' && (
        <View className={`${prefix}__cancelled`}>
          <Text className={`${prefix}__cancelled-title`}>本课程已取消</Text>
          {course.cancelReason && <Text className={`${prefix}__cancelled-reason`}>原因：{course.cancelReason}</Text>}
        </View>
      )}
      <Section title="报名时间">
        <View className={`${prefix}__kv`}>
          <Text className={`${prefix}__k`}>开始</Text>
          <Text className={`${prefix}__v`}>{formatDateTime(course.enrollOpensAt)}</Text>
        </View>
        <View className={`${prefix}__kv`}>
          <Text className={`${prefix}__k`}>截止</Text>
          <Text className={`${prefix}__v`}>{formatDateTime(course.enrollClosesAt)}</Text>
        </View>
        <Text className={`${prefix}__note`}>
          如需取消报名，请在开课 {course.cancelDeadlineHours} 小时前操作，名额将让给候补学员。
        </Text>
      </Section>
      <Section title="上课地点">
        <Text className={`${prefix}__venue-name`}>{course.venue.name}</Text>
        <Text className={`${prefix}__venue-address`}>{course.venue.address}</Text>
      </Section>
      <Section title="课程介绍">
        <Text className={`${prefix}__summary`}>{course.summary}</Text>
      </Section>
      <Lessons course={course} />
    </View>
  )
}

function Hero({ course, place }: { course: CourseDetail; place: OwnPlace | null }) {
  return (
    <View className={`${prefix}__hero`}>
      <View className={`${prefix}__hero-top`}>
        <View className={`${prefix}__tags`}>
          <Text className={`${prefix}__category`}>{course.category}</Text>
          <LevelTag level={course.level} />
        </View>
        <SeatBadge state={course.enrollState} seatsLeft={course.seatsLeft} place={place} size="large" />
      </View>
      <Text className={`${prefix}__title`}>{course.title}</Text>
      <Text className={`${prefix}__instructor`}>讲师：{course.instructor}</Text>
      <Text className={`${prefix}__suits`}>
        {course.industries.length > 0 ? `适合：${suitsText(course.industries, true)}` : '适合所有行业'}
      </Text>
      <View className={`${prefix}__stats`}>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-value`}>{course.capacity}</Text>
          <Text className={`${prefix}__stat-label`}>总名额</Text>
        </View>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-value ${prefix}__stat-value--brand`}>{course.seatsLeft}</Text>
          <Text className={`${prefix}__stat-label`}>剩余名额</Text>
        </View>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-value`}>{course.waitlistLength}</Text>
          <Text className={`${prefix}__stat-label`}>候补人数</Text>
        </View>
      </View>
    </View>
  )
}

function Lessons({ course }: { course: CourseDetail }) {
  return (
    <Section title="课程安排" extra={<Text className={`${prefix}__section-extra`}>共 {course.lessonCount} 课</Text>}>
      <View className={`${prefix}__lessons`}>
        {course.lessons.map((lesson) => (
          <View key={lesson.id} className={`${prefix}__lesson`}>
            <Text className={`${prefix}__lesson-index`}>第 {lesson.index} 课</Text>
            <View className={`${prefix}__lesson-body`}>
              <Text className={`${prefix}__lesson-time`}>{formatLessonSlot(lesson.startsAt, lesson.endsAt)}</Text>
              {lesson.venue.name !== course.venue.name ? (
                <Text className={`${prefix}__lesson-venue`}>
                  {lesson.venue.name} · {lesson.venue.address}
                </Text>
              ) : (
                <Text className={`${prefix}__lesson-venue`}>{lesson.venue.name}</Text>
              )}
            </View>
          </View>
        ))}
      </View>
    </Section>
  )
}
