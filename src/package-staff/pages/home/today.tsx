import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatTimeRange, inShanghai, type TodayLesson } from '@core'
import { STAFF_ROUTES } from '../../routes'
import type { useTodayLessons } from '../../hooks/use-today-lessons'

const prefix = 'xz-staff-today'
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']

/** "12月1日 周二": today as staff read it. */
function dayTitle(day: string): string {
  const d = inShanghai(`${day}T12:00:00+08:00`)
  return `${d.format('M月D日')} 周${WEEKDAYS[d.day()]}`
}

function Lesson({ lesson, now }: { lesson: TodayLesson; now: number }) {
  const ended = new Date(lesson.endsAt).getTime() <= now
  const live = !ended && new Date(lesson.startsAt).getTime() - 30 * 60_000 <= now
  return (
    <View
      className={`${prefix}__lesson ${ended ? `${prefix}__lesson--ended` : ''}`.trim()}
      ariaRole="listitem"
      ariaLabel={lesson.courseTitle}
    >
      <View className={`${prefix}__when`}>
        <Text className={`${prefix}__time`}>{formatTimeRange(lesson.startsAt, lesson.endsAt)}</Text>
        {live ? <Text className={`${prefix}__badge`}>进行中</Text> : null}
        {ended ? <Text className={`${prefix}__badge ${prefix}__badge--ended`}>已下课</Text> : null}
      </View>
      <Text className={`${prefix}__title`}>{lesson.courseTitle}</Text>
      <Text className={`${prefix}__meta`}>
        第 {lesson.index}/{lesson.lessonCount} 次课 · {lesson.venueName}
      </Text>
      <Text className={`${prefix}__figures`}>
        已报名 {lesson.enrolled}/{lesson.capacity} · 已签到 {lesson.checkedIn}
      </Text>
      <View className={`${prefix}__actions`}>
        <Button
          className={`${prefix}__button`}
          type="primary"
          onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.checkinCode(lesson.lessonId) })}
        >
          签到码
        </Button>
        <Button
          className={`${prefix}__button`}
          type="primary"
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.attendance(lesson.lessonId) })}
        >
          考勤
        </Button>
      </View>
    </View>
  )
}

/** 今日课程: the first thing on the 工作台, each lesson one tap from its 签到码 and 考勤. */
export function TodayLessons({ state }: { state: ReturnType<typeof useTodayLessons> }) {
  const { today, status, error, reload } = state
  return (
    <View className={prefix} ariaLabel="今日课程">
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__heading`}>今日课程</Text>
        <Text className={`${prefix}__day`}>{today ? dayTitle(today.day) : ''}</Text>
      </View>
      {status === 'loading' ? (
        <View className={`${prefix}__placeholder`} ariaLabel="加载中">
          <View className={`${prefix}__bone`} />
          <View className={`${prefix}__bone ${prefix}__bone--short`} />
        </View>
      ) : null}
      {status === 'error' ? (
        <View className={`${prefix}__error`} onClick={() => void reload()}>
          {error?.message ?? '加载失败'}，点此重试
        </View>
      ) : null}
      {status === 'ready' && today && today.lessons.length === 0 ? (
        <Text className={`${prefix}__empty`}>今天没有课。课程的签到码和考勤也可以在「课程管理」里找到。</Text>
      ) : null}
      {status === 'ready' && today && today.lessons.length > 0 ? (
        <View ariaRole="list">
          {today.lessons.map((l) => (
            <Lesson key={l.lessonId} lesson={l} now={Date.now()} />
          ))}
        </View>
      ) : null}
    </View>
  )
}
