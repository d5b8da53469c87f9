import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { ERROR_MESSAGES, formatDateTime, type CourseDetail } from '@core'
import { CourseHead } from '@/components/course-head'
import { StaffDialog } from '../../components/staff-dialog'
import { StateView } from '@/components/state-view'
import { useAdminCourse } from '../../hooks/use-admin-course'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { confirm, toast } from '@/utils/feedback'
import { formatLessonSlot, seatsTakenPercent } from '@/utils/format'
import { StaffGate } from '../staff-gate'
import { COURSE_LIMITS } from '../../lib/course-form'
import { STAFF_ROUTES } from '../../routes'
import './index.scss'

const prefix = 'xz-staff-manage'

const REASON = COURSE_LIMITS.cancelReason

const CANCEL_WARNING = '取消后将通知所有已报名和候补的职工，且不可恢复'

function Header({ course }: { course: CourseDetail }) {
  return (
    <View className={`${prefix}__head`}>
      <CourseHead className={`${prefix}__head-top`} course={course} />
      <Text className={`${prefix}__title`}>{course.title}</Text>
      <Text className={`${prefix}__meta`}>
        {course.instructor} · {course.venue.name}
      </Text>
      <View className={`${prefix}__stats`}>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-num`}>
            {course.seatsTaken}
            <Text className={`${prefix}__stat-of`}> / {course.capacity}</Text>
          </Text>
          <Text className={`${prefix}__stat-label`}>已报名 / 名额</Text>
        </View>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-num`}>{course.seatsLeft}</Text>
          <Text className={`${prefix}__stat-label`}>剩余名额</Text>
        </View>
        <View className={`${prefix}__stat`}>
          <Text className={`${prefix}__stat-num ${course.waitlistLength ? `${prefix}__stat-num--wait` : ''}`.trim()}>
            {course.waitlistLength}
          </Text>
          <Text className={`${prefix}__stat-label`}>候补</Text>
        </View>
      </View>
      <View className={`${prefix}__bar`}>
        <View className={`${prefix}__bar-fill`} style={{ width: `${seatsTakenPercent(course)}%` }} />
      </View>
      <Text className={`${prefix}__window`}>
        报名 {formatDateTime(course.enrollOpensAt)} 至 {formatDateTime(course.enrollClosesAt)}
      </Text>
    </View>
  )
}

function Row(props: { title: string; note?: string; onClick: () => void; disabled?: boolean }) {
  return (
    <View
      className={`${prefix}__row ${props.disabled ? `${prefix}__row--disabled` : ''}`.trim()}
      hoverClass={props.disabled ? 'none' : `${prefix}__row--pressed`}
      ariaRole="button"
      ariaLabel={props.title}
      onClick={() => !props.disabled && props.onClick()}
    >
      <Text className={`${prefix}__row-title`}>{props.title}</Text>
      <Text className={`${prefix}__row-note`}>{props.note ?? ''}</Text>
      <Text className={`${prefix}__row-arrow`}>›</Text>
    </View>
  )
}

function parseCapacity(text: string): number | null {
  const t = text.trim()
  if (!/^\d+$/.test(t)) return null
  const n = Number(t)
  return n >= COURSE_LIMITS.capacity.min && n <= COURSE_LIMITS.capacity.max ? n : null
}

function Manage({ courseId }: { courseId: string | undefined }) {
  const admin = useAdminCourse(courseId)
  const { course } = admin

  const [capacityOpen, setCapacityOpen] = useState(false)
  const [capacityText, setCapacityText] = useState('')
  const [capacityError, setCapacityError] = useState('')
  const [cancelOpen, setCancelOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [cancelError, setCancelError] = useState('')

  // Back from editing or the roster: numbers may have moved.
  useRefreshOnShow(admin.refresh)

  usePullRefresh(admin.refresh)

  if (admin.status === 'loading' && !course) {
    return (
      <View className={prefix}>
        <StateView status="loading" skeletonCount={2} />
      </View>
    )
  }
  if (admin.status === 'error' || !course) {
    return (
      <View className={prefix}>
        <StateView status="error" title={admin.error?.message ?? '加载失败'} onAction={() => void admin.reload()} />
      </View>
    )
  }

  const cancelled = course.enrollState === 'cancelled'
  const nextCapacity = parseCapacity(capacityText)
  const raising = nextCapacity !== null && nextCapacity > course.capacity
  const reasonLength = Array.from(reason.trim()).length
  const reasonOk = reasonLength >= REASON.min && reasonLength <= REASON.max

  const openCapacity = () => {
    setCapacityText(String(course.capacity))
    setCapacityError('')
    setCapacityOpen(true)
  }

  const submitCapacity = async () => {
    if (nextCapacity === null) {
      setCapacityError(`请输入 ${COURSE_LIMITS.capacity.min}–${COURSE_LIMITS.capacity.max} 之间的整数`)
      return
    }
    if (nextCapacity === course.capacity) {
      setCapacityOpen(false)
      return
    }
    const reply = await admin.changeCapacity(nextCapacity)
    if (!reply.ok) {
      // The refusal usually means the numbers on screen are stale; show the current ones.
      void admin.refresh()
      // The server usually names the number itself; add it only to the generic wording.
      setCapacityError(
        reply.error.message === ERROR_MESSAGES['ADMIN.CAPACITY_BELOW_TAKEN']
          ? `${reply.error.message}（当前已占 ${course.seatsTaken} 个名额，含待确认）`
          : reply.error.message,
      )
      return
    }
    setCapacityOpen(false)
    toast(
      reply.data.offered > 0
        ? `名额已调整为 ${reply.data.capacity}，已通知 ${reply.data.offered} 位候补`
        : `名额已调整为 ${reply.data.capacity}`,
      'none',
    )
  }

  const openCancel = () => {
    setReason('')
    setCancelError('')
    setCancelOpen(true)
  }

  const submitCancel = async () => {
    if (!reasonOk) {
      setCancelError(`请填写取消原因（${REASON.min}–${REASON.max} 个字）`)
      return
    }
    // The reason dialog stays open behind the final question, so backing out keeps what was typed.
    // "取消" on the final question would be ambiguous here: it could read as "cancel the course".
    const sure = await confirm('确认取消课程？', CANCEL_WARNING, '确认取消', '再想想')
    if (!sure) return
    const reply = await admin.cancel(reason.trim())
    if (!reply.ok) {
      setCancelError(reply.error.message)
      return
    }
    setCancelOpen(false)
    toast(`课程已取消，已通知 ${reply.data.notified} 人`)
  }

  return (
    <View className={prefix}>
      {cancelled ? <View className={`${prefix}__cancelled`}>该课程已取消，名单仍可查看，其他操作不可用</View> : null}
      <Header course={course} />

      <View className={`${prefix}__group`}>
        <Row title="调整名额" note={`当前 ${course.capacity} 个`} onClick={openCapacity} disabled={cancelled} />
        <Row
          title="编辑课程"
          note="名称、地点、时间、课次"
          onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.courseEdit(course.id) })}
          disabled={cancelled}
        />
        <Row
          title="查看名单"
          note={`已报名 ${course.seatsTaken} · 候补 ${course.waitlistLength}`}
          onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.roster(course.id) })}
        />
      </View>

      <View className={`${prefix}__section`}>
        <Text className={`${prefix}__section-title`}>课次安排（共 {course.lessons.length} 课）</Text>
        {course.lessons.map((l) => (
          <View key={l.id} className={`${prefix}__lesson`}>
            <View className={`${prefix}__lesson-main`}>
              <Text className={`${prefix}__lesson-no`}>第 {l.index} 课</Text>
              <Text className={`${prefix}__lesson-time`}>{formatLessonSlot(l.startsAt, l.endsAt)}</Text>
            </View>
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
              ariaLabel={`第 ${l.index} 课考勤`}
              onClick={() => void Taro.navigateTo({ url: STAFF_ROUTES.attendance(l.id) })}
            >
              考勤
            </View>
          </View>
        ))}
      </View>

      {!cancelled ? (
        <View className={`${prefix}__danger-zone`}>
          <View
            className={`${prefix}__danger`}
            hoverClass={`${prefix}__danger--pressed`}
            ariaRole="button"
            ariaLabel="取消课程"
            onClick={openCancel}
          >
            取消课程
          </View>
          <Text className={`${prefix}__danger-note`}>{CANCEL_WARNING}</Text>
        </View>
      ) : null}

      <StaffDialog
        visible={capacityOpen}
        title="调整名额"
        confirmText="确认调整"
        loading={admin.busy === 'capacity'}
        onCancel={() => setCapacityOpen(false)}
        onConfirm={() => void submitCapacity()}
      >
        <View className={`${prefix}__dialog`}>
          <View className={`${prefix}__input-box ${capacityError ? `${prefix}__input-box--error` : ''}`.trim()}>
            <Input
              className={`${prefix}__input`}
              type="number"
              value={capacityText}
              maxlength={3}
              focus
              ariaLabel="新名额"
              onInput={(e) => {
                setCapacityText(e.detail.value)
                setCapacityError('')
              }}
            />
            <Text className={`${prefix}__input-unit`}>个</Text>
          </View>
          {capacityError ? (
            <Text className={`${prefix}__dialog-error`}>{capacityError}</Text>
          ) : nextCapacity !== null && nextCapacity !== course.capacity ? (
            <Text className={`${prefix}__dialog-change`}>
              名额由 {course.capacity} 调整为 {nextCapacity}
            </Text>
          ) : (
            <Text className={`${prefix}__dialog-hint`}>当前已占 {course.seatsTaken} 个名额，新名额不能少于该数</Text>
          )}
          {raising && course.waitlistLength > 0 ? (
            <Text className={`${prefix}__dialog-note`}>
              将按顺序向候补人员发出递补通知（当前候补 {course.waitlistLength} 人）
            </Text>
          ) : null}
        </View>
      </StaffDialog>

      <StaffDialog
        visible={cancelOpen}
        title="取消课程"
        confirmText="下一步"
        cancelText="返回"
        danger
        confirmDisabled={!reasonOk}
        loading={admin.busy === 'cancel'}
        onCancel={() => setCancelOpen(false)}
        onConfirm={() => void submitCancel()}
      >
        <View className={`${prefix}__dialog`}>
          <Text className={`${prefix}__dialog-hint`}>取消原因会发送给已报名和候补的职工</Text>
          <Textarea
            className={`${prefix}__reason`}
            value={reason}
            maxlength={REASON.max}
            placeholder="如：讲师临时生病，课程改期另行通知"
            ariaLabel="取消原因"
            onInput={(e) => {
              setReason(e.detail.value)
              setCancelError('')
            }}
          />
          <Text className={`${prefix}__reason-count`}>
            {reasonLength}/{REASON.max}
          </Text>
          {cancelError ? <Text className={`${prefix}__dialog-error`}>{cancelError}</Text> : null}
        </View>
      </StaffDialog>
    </View>
  )
}

export default function StaffCourseManagePage() {
  const { params } = useRouter()
  return (
    <StaffGate className={prefix}>
      <Manage courseId={params.id || undefined} />
    </StaffGate>
  )
}
