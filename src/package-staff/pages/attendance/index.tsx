import { useMemo, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { AttendanceEntry } from '@core'
import { AttendanceRow } from '../../components/attendance-row'
import { StateView } from '@/components/state-view'
import { useAttendanceLive } from '../../hooks/use-attendance-live'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { StaffGate } from '../staff-gate'
import { groupAttendance } from '../../lib/attendance'
import { AttendanceHead } from './head'
import { MarkDialog } from './mark-dialog'
import { prefix } from './prefix'
import './index.scss'

const EMPTY_TEXT = { absent: '全部到齐', late: '暂无迟到', present: '还没有人签到' } as const

function Attendance({ lessonId }: { lessonId: string }) {
  const attendance = useAttendanceLive(lessonId)
  const { live } = attendance
  const [target, setTarget] = useState<AttendanceEntry | null>(null)

  usePullRefresh(attendance.refresh)

  const groups = useMemo(() => groupAttendance(live?.entries ?? []), [live])

  if (attendance.status === 'loading' && !live) {
    return (
      <View className={prefix}>
        <StateView status="loading" skeletonCount={3} />
      </View>
    )
  }
  if (!live) {
    return (
      <View className={prefix}>
        <StateView
          status="error"
          title={attendance.error?.message ?? '加载失败'}
          onAction={() => void attendance.reload()}
        />
      </View>
    )
  }

  return (
    <View className={prefix}>
      <AttendanceHead live={live} lessonId={lessonId} stale={!!attendance.error} />

      {groups.map((group) => (
        <View key={group.key} className={`${prefix}__group`} ariaLabel={group.title}>
          <View className={`${prefix}__group-head`}>
            <Text className={`${prefix}__group-title ${prefix}__group-title--${group.key}`}>{group.title}</Text>
            <Text className={`${prefix}__group-count`}>{group.entries.length} 人</Text>
          </View>
          <View className={`${prefix}__list`}>
            {group.entries.length === 0 ? (
              <Text className={`${prefix}__empty`}>{EMPTY_TEXT[group.key]}</Text>
            ) : (
              group.entries.map((entry) => (
                <AttendanceRow key={entry.ref} entry={entry} disabled={attendance.marking} onMark={setTarget} />
              ))
            )}
          </View>
        </View>
      ))}

      <MarkDialog target={target} attendance={attendance} onClose={() => setTarget(null)} />
    </View>
  )
}

export default function StaffAttendancePage() {
  const { params } = useRouter()
  const lessonId = params.id || ''
  return (
    <StaffGate className={prefix}>
      {lessonId ? (
        <Attendance lessonId={lessonId} />
      ) : (
        <View className={prefix}>
          <StateView status="error" title="缺少课次信息，请从课程管理进入" />
        </View>
      )}
    </StaffGate>
  )
}
