import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { ENROLL_RULES, type CourseCard, type EnrollmentView, type Instant } from '@core'
import { formatDeadline, formatShortDateTime } from '@/utils/format'
import './index.scss'

/** What the bar offers, from the course, the worker's own place in it and whether they may enrol at all. */
export type EnrollBarMode =
  | { kind: 'checking' }
  | { kind: 'profile' }
  | { kind: 'open'; seatsLeft: number }
  | { kind: 'full'; waitlistLength: number }
  | { kind: 'waitlist_full' }
  | { kind: 'not_open'; opensAt: string }
  | { kind: 'closed' }
  | { kind: 'cancelled' }
  | { kind: 'enrolled'; canCancel: boolean; cancelDeadline: string | null }
  | { kind: 'waitlisted'; position: number | null }
  | { kind: 'offered'; expiresAt: string | null }

export type EnrollBarAction = 'enroll' | 'cancel' | 'confirm' | 'decline'

export interface EnrollBarModeInput {
  course: Pick<CourseCard, 'enrollState' | 'seatsLeft' | 'capacity' | 'waitlistLength' | 'enrollOpensAt'>
  /** The worker's active enrollment in this course, if any. */
  enrollment:
    | (Pick<EnrollmentView, 'status' | 'waitlistPosition' | 'offerExpiresAt' | 'canCancel'> &
        Partial<Pick<EnrollmentView, 'cancelDeadline'>>)
    | null
  /** The worker's own status is still loading. */
  checking?: boolean
  /** Signed in but not registered: enrolling would be refused. */
  needsProfile?: boolean
}

/** The worker's own place wins over the course's state: a full course still shows "已报名" to its students. */
export function enrollBarMode(input: EnrollBarModeInput): EnrollBarMode {
  const { course, enrollment } = input
  if (enrollment) {
    switch (enrollment.status) {
      case 'enrolled':
        return { kind: 'enrolled', canCancel: enrollment.canCancel, cancelDeadline: enrollment.cancelDeadline ?? null }
      case 'waitlisted':
        return { kind: 'waitlisted', position: enrollment.waitlistPosition }
      case 'offered':
        return { kind: 'offered', expiresAt: enrollment.offerExpiresAt }
      default:
        break
    }
  }
  if (input.checking) return { kind: 'checking' }
  switch (course.enrollState) {
    case 'cancelled':
      return { kind: 'cancelled' }
    case 'closed':
      return { kind: 'closed' }
    case 'not_open':
      return { kind: 'not_open', opensAt: course.enrollOpensAt }
    default:
      break
  }
  if (input.needsProfile) return { kind: 'profile' }
  if (course.enrollState === 'open') return { kind: 'open', seatsLeft: course.seatsLeft }
  const waitlistLimit = Math.max(1, Math.ceil(course.capacity * ENROLL_RULES.waitlistFactor))
  if (course.waitlistLength >= waitlistLimit) return { kind: 'waitlist_full' }
  return { kind: 'full', waitlistLength: course.waitlistLength }
}

export interface EnrollBarProps {
  mode: EnrollBarMode
  /** The action in flight: its button spins and every button is disabled. */
  pending?: EnrollBarAction | null
  cancelDeadlineHours?: number
  onEnroll?: () => void
  onJoinWaitlist?: () => void
  onCancel?: () => void
  onConfirm?: () => void
  onDecline?: () => void
  onCompleteProfile?: () => void
  /** For "截止 14:00" vs "截止 明天 08:00". */
  now?: Instant
  className?: string
}

const defaults = { pending: null, cancelDeadlineHours: 24, className: '' } as const

const prefix = 'xz-enroll-bar'

type Tone = 'brand' | 'success' | 'warning' | 'danger' | 'muted'

interface Layout {
  tone: Tone
  label: string
  hint: string
}

function layoutOf(mode: EnrollBarMode, cancelDeadlineHours: number, now: Instant | undefined): Layout {
  switch (mode.kind) {
    case 'checking':
      return { tone: 'muted', label: '正在查询报名状态', hint: '' }
    case 'profile':
      return { tone: 'brand', label: '报名前需先登记个人信息', hint: '登记一次，以后报名无需重复填写' }
    case 'open':
      return {
        tone: mode.seatsLeft <= 5 ? 'warning' : 'success',
        label: `剩余 ${mode.seatsLeft} 个名额`,
        hint: '免费参加 · 报名后请按时上课',
      }
    case 'full':
      return {
        tone: 'brand',
        label: '名额已满',
        hint: mode.waitlistLength > 0 ? `当前候补 ${mode.waitlistLength} 人` : '可加入候补，有人退出时递补',
      }
    case 'waitlist_full':
      return { tone: 'muted', label: '名额已满', hint: '候补人数也已满，请关注其他课程' }
    case 'not_open':
      return { tone: 'muted', label: '报名未开放', hint: `${formatShortDateTime(mode.opensAt)} 开放报名` }
    case 'closed':
      return { tone: 'muted', label: '报名已截止', hint: '可以看看其他课程' }
    case 'cancelled':
      return { tone: 'muted', label: '课程已取消', hint: '可以看看其他课程' }
    case 'enrolled':
      return {
        tone: 'success',
        label: '已报名 ✓',
        hint: !mode.canCancel
          ? `开课前 ${cancelDeadlineHours} 小时内不能取消，请按时上课`
          : mode.cancelDeadline
            ? `如需取消，请在 ${formatShortDateTime(mode.cancelDeadline)} 前操作`
            : `开课 ${cancelDeadlineHours} 小时前可取消`,
      }
    case 'waitlisted':
      return {
        tone: 'warning',
        label: mode.position ? `候补第 ${mode.position} 位` : '候补中',
        hint: '有人退出时按顺序递补',
      }
    case 'offered':
      return {
        tone: 'danger',
        label: mode.expiresAt ? `待确认 · 截止 ${formatDeadline(mode.expiresAt, now)}` : '待确认',
        hint: '已为您保留名额，请在截止前确认',
      }
  }
}

/** The fixed bottom bar of the course page: where the worker stands, and the one thing to do next. */
export function EnrollBar(props: EnrollBarProps) {
  const { mode, pending, cancelDeadlineHours, now, className } = { ...defaults, ...props }
  const layout = layoutOf(mode, cancelDeadlineHours, now)
  const busy = pending !== null
  const main = `${prefix}__button`

  const primary = (text: string, action: EnrollBarAction, onClick?: () => void) => (
    <Button
      className={`${main} ${main}--primary`}
      type="primary"
      loading={pending === action}
      disabled={busy}
      onClick={() => onClick?.()}
    >
      {text}
    </Button>
  )
  const secondary = (text: string, action: EnrollBarAction, onClick?: () => void) => (
    <Button
      className={`${main} ${main}--secondary`}
      type="default"
      loading={pending === action}
      disabled={busy}
      onClick={() => onClick?.()}
    >
      {text}
    </Button>
  )
  const inert = (text: string, loading = false) => (
    <Button className={`${main} ${main}--inert`} type="default" disabled loading={loading}>
      {text}
    </Button>
  )

  let buttons
  switch (mode.kind) {
    case 'checking':
      buttons = inert('请稍候', true)
      break
    case 'profile':
      buttons = (
        <Button className={`${main} ${main}--primary`} type="primary" onClick={() => props.onCompleteProfile?.()}>
          先完善个人信息
        </Button>
      )
      break
    case 'open':
      buttons = primary('立即报名', 'enroll', props.onEnroll)
      break
    case 'full':
      buttons = primary('加入候补', 'enroll', props.onJoinWaitlist)
      break
    case 'waitlist_full':
      buttons = inert('候补已满')
      break
    case 'not_open':
      buttons = inert('未开放')
      break
    case 'closed':
      buttons = inert('已截止')
      break
    case 'cancelled':
      buttons = inert('已取消')
      break
    case 'enrolled':
      buttons = mode.canCancel ? secondary('取消报名', 'cancel', props.onCancel) : null
      break
    case 'waitlisted':
      buttons = secondary('退出候补', 'cancel', props.onCancel)
      break
    case 'offered':
      buttons = (
        <>
          {secondary('放弃', 'decline', props.onDecline)}
          {primary('确认参加', 'confirm', props.onConfirm)}
        </>
      )
      break
  }

  return (
    <View className={`${prefix} ${prefix}--${mode.kind} ${className}`.trim()}>
      <View className={`${prefix}__state`}>
        <Text className={`${prefix}__label ${prefix}__label--${layout.tone}`}>{layout.label}</Text>
        {layout.hint ? <Text className={`${prefix}__hint`}>{layout.hint}</Text> : null}
      </View>
      {buttons ? <View className={`${prefix}__actions`}>{buttons}</View> : null}
    </View>
  )
}

export default EnrollBar
