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
  const { mode, cancelDeadlineHours, now, className } = { ...defaults, ...props }
  const layout = layoutOf(mode, cancelDeadlineHours, now)
  const buttons = barButtons(props)
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

const main = `${prefix}__button`

function barButtons(props: EnrollBarProps) {
  const { mode, pending } = { ...defaults, ...props }
  const button = (text: string, action: EnrollBarAction, kind: 'primary' | 'secondary', onClick?: () => void) => (
    <Button
      className={`${main} ${main}--${kind}`}
      type={kind === 'primary' ? 'primary' : 'default'}
      loading={pending === action}
      disabled={pending !== null}
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
  switch (mode.kind) {
    case 'checking':
      return inert('请稍候', true)
    case 'profile':
      return (
        <Button className={`${main} ${main}--primary`} type="primary" onClick={() => props.onCompleteProfile?.()}>
          先完善个人信息
        </Button>
      )
    case 'open':
      return button('立即报名', 'enroll', 'primary', props.onEnroll)
    case 'full':
      return button('加入候补', 'enroll', 'primary', props.onJoinWaitlist)
    case 'waitlist_full':
      return inert('候补已满')
    case 'not_open':
      return inert('未开放')
    case 'closed':
      return inert('已截止')
    case 'cancelled':
      return inert('已取消')
    case 'enrolled':
      return mode.canCancel ? button('取消报名', 'cancel', 'secondary', props.onCancel) : null
    case 'waitlisted':
      return button('退出候补', 'cancel', 'secondary', props.onCancel)
    case 'offered':
      return (
        <>
          {button('放弃', 'decline', 'secondary', props.onDecline)}
          {button('确认参加', 'confirm', 'primary', props.onConfirm)}
        </>
      )
  }
}

export default EnrollBar
