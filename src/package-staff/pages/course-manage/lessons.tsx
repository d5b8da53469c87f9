import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CourseDetail } from '@core'
import { formatLessonSlot } from '@/utils/format'
import { STAFF_ROUTES } from '../../routes'
import { prefix } from './prefix'

/** Each lesson with its way to the door code (not once the course is cancelled), its materials and attendance. */
export function Lessons({ course, cancelled }: { course: CourseDetail; cancelled: boolean }) {
  return (
    <View className={`${prefix}__section`}>
      <Text className={`${prefix}__section-title`}>课次安排（共 {course.lessons.length} 课）</Text>
      {course.lessons.map((l) => (
        <View key={l.id} className={`${prefix}__lesson`}>
          <View className={`${prefix}__lesson-main`}>
            <Text className={`${prefix}__lesson-no`}>第 {l.index} 课</Text>
            <Text className={`${prefix}__lesson-time`}>{formatLessonSlot(l.startsAt, l.endsAt)}</Text>
          </View>
          <View className={`${prefix}__lesson-links`}>
            {!cancelled ? (
              <View
                className={`${prefix}__lesson-link ${prefix}__lesson-link--code`}
                hoverClass={`${prefix}__lesson-link--pressed`}
                ariaRole="button"
                ariaLabel={`第 ${l.index} 课签到码`}
                onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.checkinCode(l.id) })}
              >
                签到码
              </View>
            ) : null}
            <View
              className={`${prefix}__lesson-link`}
              hoverClass={`${prefix}__lesson-link--pressed`}
              ariaRole="button"
              ariaLabel={`第 ${l.index} 课资料`}
              onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.lessonMaterials(course.id, l.id) })}
            >
              资料
            </View>
            <View
              className={`${prefix}__lesson-link`}
              hoverClass={`${prefix}__lesson-link--pressed`}
              ariaRole="button"
              ariaLabel={`第 ${l.index} 课考勤`}
              onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.attendance(l.id) })}
            >
              考勤
            </View>
          </View>
        </View>
      ))}
    </View>
  )
}
