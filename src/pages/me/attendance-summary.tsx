import { Text, View } from '@tarojs/components'
import type { LessonAttendance } from '@/hooks/use-my-attendance'
import { StateView } from '@/components/state-view'
import { prefix } from './prefix'

export interface AttendanceSummaryProps {
  lessons: LessonAttendance
}

/** How many lessons the worker checked in to, and how many of those late. */
export function AttendanceSummary({ lessons }: AttendanceSummaryProps) {
  const attended = Object.values(lessons)
  const lateCount = attended.filter((a) => a.late).length
  return (
    <View className={`${prefix}__card`}>
      <Text className={`${prefix}__card-title`}>考勤与证书</Text>
      {attended.length > 0 ? (
        <View className={`${prefix}__attendance`}>
          <View className={`${prefix}__attendance-stat`}>
            <Text className={`${prefix}__attendance-num`}>{attended.length}</Text>
            <Text className={`${prefix}__attendance-label`}>已签到课次</Text>
          </View>
          <View className={`${prefix}__attendance-stat`}>
            <Text className={`${prefix}__attendance-num ${prefix}__attendance-num--late`}>{lateCount}</Text>
            <Text className={`${prefix}__attendance-label`}>迟到</Text>
          </View>
          <Text className={`${prefix}__attendance-note`}>结业证书将在课程全部结束后发放</Text>
        </View>
      ) : (
        <StateView status="empty" compact title="暂无" description="上课签到与结业证书会显示在这里" />
      )}
    </View>
  )
}
