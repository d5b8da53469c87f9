import { useMemo, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import type { AttendanceEntry } from '@core'
import { AttendanceRow } from '../../components/attendance-row'
import { StaffDialog } from '../../components/staff-dialog'
import { StateView } from '@/components/state-view'
import { useAttendanceLive } from '../../hooks/use-attendance-live'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { toast } from '@/utils/feedback'
import { formatLessonSlot } from '@/utils/format'
import { StaffGate } from '../staff-gate'
import { groupAttendance, MANUAL_REASON_LIMITS, MANUAL_REASONS, reasonLength, reasonOk } from '../../lib/attendance'
import { STAFF_ROUTES } from '../../routes'
import './index.scss'

const prefix = 'xz-staff-attendance'

const EMPTY_TEXT = { absent: '全部到齐', late: '暂无迟到', present: '还没有人签到' } as const

function Attendance({ lessonId }: { lessonId: string }) {
  const attendance = useAttendanceLive(lessonId)
  const { live } = attendance
  const [target, setTarget] = useState<AttendanceEntry | null>(null)
  const [reason, setReason] = useState('')
  const [markError, setMarkError] = useState('')

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

  const openMark = (entry: AttendanceEntry) => {
    setTarget(entry)
    setReason('')
    setMarkError('')
  }

  const submitMark = async () => {
    if (!target || !reasonOk(reason)) return
    const reply = await attendance.mark(target.ref, reason.trim())
    if (!reply.ok) {
      setMarkError(reply.error.message)
      return
    }
    const name = target.name
    setTarget(null)
    toast(reply.data.status === 'already' ? `${name} 已签到过` : `已为 ${name} 补签`, 'none')
  }

  const { lesson } = live
  const absent = live.expected - Math.min(live.expected, live.present)
  const count = reasonLength(reason)

  return (
    <View className={prefix}>
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
          <Text className={`${prefix}__live ${attendance.error ? `${prefix}__live--stale` : ''}`.trim()}>
            {attendance.error ? '网络不稳定，名单可能不是最新' : '每 5 秒自动刷新'}
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
                <AttendanceRow key={entry.ref} entry={entry} disabled={attendance.marking} onMark={openMark} />
              ))
            )}
          </View>
        </View>
      ))}

      <StaffDialog
        visible={target !== null}
        title={target ? `为 ${target.name} 补签` : '补签'}
        confirmText="确认补签"
        confirmDisabled={!reasonOk(reason)}
        loading={attendance.marking}
        onCancel={() => setTarget(null)}
        onConfirm={() => void submitMark()}
      >
        <View className={`${prefix}__dialog`}>
          <Text className={`${prefix}__dialog-hint`}>
            {target
              ? [target.employer, target.phoneTail ? `尾号 ${target.phoneTail}` : ''].filter(Boolean).join(' · ')
              : ''}
            {'\n'}补签记录会保存原因和操作人，请核实本人后操作
          </Text>
          <View className={`${prefix}__chips`}>
            {MANUAL_REASONS.map((r) => (
              <View
                key={r}
                className={`${prefix}__chip ${reason === r ? `${prefix}__chip--active` : ''}`.trim()}
                ariaRole="button"
                onClick={() => {
                  setReason(r)
                  setMarkError('')
                }}
              >
                {r}
              </View>
            ))}
          </View>
          <Textarea
            className={`${prefix}__reason`}
            value={reason}
            maxlength={MANUAL_REASON_LIMITS.max}
            placeholder="补签原因（2–50 个字）"
            ariaLabel="补签原因"
            onInput={(e) => {
              setReason(e.detail.value)
              setMarkError('')
            }}
          />
          <Text className={`${prefix}__reason-count`}>
            {count}/{MANUAL_REASON_LIMITS.max}
          </Text>
          {markError ? <Text className={`${prefix}__dialog-error`}>{markError}</Text> : null}
        </View>
      </StaffDialog>
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
