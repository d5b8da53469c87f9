import { useMemo, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import type { AttendanceEntry } from '@core'
import { AttendanceRow } from '../../components/attendance-row'
import { StateView } from '@/components/state-view'
import { useAttendanceLive } from '../../hooks/use-attendance-live'
import { useUndoMark } from '../../hooks/use-undo-mark'
import { useDoorTools } from '../../hooks/use-door-tools'
import { StaffScanPanel } from '../../components/door-tools'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { StaffGate } from '../staff-gate'
import { groupAttendance } from '../../lib/attendance'
import { AttendanceHead } from './head'
import { MarkDialog } from './mark-dialog'
import { UndoBar } from './undo-bar'
import { prefix } from './prefix'
import './index.scss'

const EMPTY_TEXT = { absent: '全部到齐', late: '暂无迟到', present: '还没有人签到' } as const

/** Name, employer or the phone's last digits: what staff at the door hear from the person in front. */
function matches(entry: AttendanceEntry, query: string): boolean {
  const q = query.trim()
  return !q || entry.name.includes(q) || entry.employer.includes(q) || entry.phoneTail === q
}

function Attendance({ lessonId }: { lessonId: string }) {
  const attendance = useAttendanceLive(lessonId)
  const { live } = attendance
  const [target, setTarget] = useState<AttendanceEntry | null>(null)
  const [query, setQuery] = useState('')
  const undo = useUndoMark(attendance.undo)
  // 反扫 here too: a worker whose phone cannot check in walks up to whoever holds the list.
  const tools = useDoorTools(lessonId, null, () => void attendance.refresh())

  usePullRefresh(attendance.refresh)

  const groups = useMemo(() => groupAttendance((live?.entries ?? []).filter((e) => matches(e, query))), [live, query])

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

      <View className={`${prefix}__door`}>
        <StaffScanPanel tools={tools} />
      </View>

      <View className={`${prefix}__search`}>
        <Input
          className={`${prefix}__search-input`}
          value={query}
          placeholder="搜索姓名、单位或手机尾号"
          ariaLabel="搜索职工"
          onInput={(e) => setQuery(e.detail.value)}
        />
      </View>

      {groups.map((group) => (
        <View key={group.key} className={`${prefix}__group`} ariaLabel={group.title}>
          <View className={`${prefix}__group-head`}>
            <Text className={`${prefix}__group-title ${prefix}__group-title--${group.key}`}>{group.title}</Text>
            <Text className={`${prefix}__group-count`}>{group.entries.length} 人</Text>
          </View>
          <View className={`${prefix}__list`}>
            {group.entries.length === 0 ? (
              <Text className={`${prefix}__empty`}>{query.trim() ? '没有找到' : EMPTY_TEXT[group.key]}</Text>
            ) : (
              group.entries.map((entry) => (
                <AttendanceRow key={entry.ref} entry={entry} disabled={attendance.marking} onMark={setTarget} />
              ))
            )}
          </View>
        </View>
      ))}

      <MarkDialog target={target} attendance={attendance} onClose={() => setTarget(null)} onMarked={undo.marked} />
      <UndoBar undo={undo} />
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
