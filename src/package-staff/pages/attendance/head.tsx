import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AttendanceLiveResult } from '@core'
import { formatLessonSlot } from '@/utils/format'
import { STAFF_ROUTES } from '../../routes'
import { prefix } from './prefix'

export interface AttendanceHeadProps {
  live: AttendanceLiveResult
  lessonId: string
  /** The last poll failed: the numbers may be behind. */
  stale: boolean
}

/** The lesson, who is in, late and missing, how fresh that is, and the way back to the door code. */
export function AttendanceHead({ live, lessonId, stale }: AttendanceHeadProps) {
  const { lesson } = live
  const absent = live.expected - Math.min(live.expected, live.present)
  return (
    <View className={`${prefix}__head`}>
      <Text className={`${prefix}__title`}>{lesson.courseTitle}</Text>
      <Text className={`${prefix}__meta`}>
        第 {lesson.index} 课 · {formatLessonSlot(lesson.startsAt, lesson.endsAt)}
      </Text>
      <View className={`${prefix}__stats`}>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-num ${prefix}__stat-num--present`}>
            {live.present}
            <Text className={`${prefix}__stat-of`}> / {live.expected}</Text>
          </Text>
          <Text className={`${prefix}__stat-label`}>已签到 / 应到</Text>
        </View>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-num ${prefix}__stat-num--late`}>{live.late}</Text>
          <Text className={`${prefix}__stat-label`}>迟到</Text>
        </View>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-num`}>{absent}</Text>
          <Text className={`${prefix}__stat-label`}>未签到</Text>
        </View>
      </View>
      <View className={`${prefix}__head-foot`}>
        <Text className={`${prefix}__live ${stale ? `${prefix}__live--stale` : ''}`.trim()}>
          {stale ? '网络不稳定，名单可能不是最新' : '每 5 秒自动刷新'}
        </Text>
        <View
          className={`${prefix}__code-link`}
          hoverClass={`${prefix}__code-link--pressed`}
          ariaRole="button"
          onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.checkinCode(lessonId) })}
        >
          显示签到码
        </View>
      </View>
    </View>
  )
}
