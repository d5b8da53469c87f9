import type { ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDateTime, type CourseDetail } from '@/core'
import { SeatBadge } from '@/components/seat-badge'
import { StateView } from '@/components/state-view'
import { useCourse } from '@/hooks/use-course'
import { useSession } from '@/hooks/use-session'
import { formatLessonSlot } from '@/utils/format'
import { ROUTES } from '@/utils/routes'
import './index.scss'

const prefix = 'xz-course'

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

function CourseBody({ course }: { course: CourseDetail }) {
  return (
    <View>
      <View className={`${prefix}__hero`}>
        <View className={`${prefix}__hero-top`}>
          <Text className={`${prefix}__category`}>{course.category}</Text>
          <SeatBadge state={course.enrollState} seatsLeft={course.seatsLeft} size="large" />
        </View>
        <Text className={`${prefix}__title`}>{course.title}</Text>
        <Text className={`${prefix}__instructor`}>讲师：{course.instructor}</Text>
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
    </View>
  )
}

export default function CoursePage() {
  const { params } = useRouter()
  const { course, status, error, reload } = useCourse(params.id)
  const session = useSession()
  const needsProfile = session.status === 'ready' && !session.profileComplete

  return (
    <View className={prefix}>
      {status === 'loading' ? <StateView status="loading" skeletonCount={2} /> : null}
      {status === 'error' ? (
        <StateView
          status="error"
          title={error?.message ?? '加载失败'}
          actionText={error?.code === 'CATALOG.NOT_FOUND' ? '返回课程列表' : '重试'}
          onAction={() =>
            error?.code === 'CATALOG.NOT_FOUND' ? void Taro.switchTab({ url: ROUTES.catalog }) : void reload()
          }
        />
      ) : null}
      {status === 'ready' && course ? (
        <>
          <CourseBody course={course} />
          <View className={`${prefix}__bar`}>
            {needsProfile ? (
              <>
                <Text className={`${prefix}__bar-text`}>报名前需先登记个人信息</Text>
                <Button
                  className={`${prefix}__bar-button`}
                  type="primary"
                  onClick={() => void Taro.navigateTo({ url: ROUTES.profile })}
                >
                  先完善个人信息
                </Button>
              </>
            ) : (
              <>
                <View className={`${prefix}__bar-state`}>
                  <SeatBadge state={course.enrollState} seatsLeft={course.seatsLeft} size="large" />
                  <Text className={`${prefix}__bar-hint`}>在线报名即将开放</Text>
                </View>
                <Button className={`${prefix}__bar-button`} type="default" disabled>
                  报名即将开放
                </Button>
              </>
            )}
          </View>
        </>
      ) : null}
    </View>
  )
}
