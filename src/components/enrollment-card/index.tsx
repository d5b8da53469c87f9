import type { ITouchEvent } from '@tarojs/components'
import { Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatDate, type EnrollmentView, type Instant } from '@core'
import { isCheckinOpen } from '@/utils/checkin'
import { formatLessonSlot, formatShortDateTime, nextLesson } from '@/utils/format'
import './index.scss'

export type EnrollmentCardAction = 'cancel' | 'confirm' | 'decline' | 'checkin'

/** The worker's check-ins by lesson id (myAttendance). */
export type CardAttendance = Record<string, { at: string; late: boolean }>

export type EnrollmentTagTone = 'success' | 'warning' | 'danger' | 'muted'

export interface EnrollmentCardProps {
  enrollment: EnrollmentView
  /** 'past' draws a one-line history entry without actions. */
  variant?: 'active' | 'past'
  /** The action in flight on this card: its button spins. */
  pending?: EnrollmentCardAction | null
  /** Another card's action is in flight: buttons are disabled. */
  disabled?: boolean
  onOpen?: (courseId: string) => void
  onCancel?: (enrollment: EnrollmentView) => void
  onConfirm?: (enrollment: EnrollmentView) => void
  onDecline?: (enrollment: EnrollmentView) => void
  /** Lessons already checked in to: marked on the lesson line, counted on the card. */
  attendance?: CardAttendance
  /** Shown as 签到 while the next lesson's check-in is open and the worker has not checked in yet. */
  onCheckIn?: (enrollment: EnrollmentView) => void
  now?: Instant
  className?: string
}

const defaults = { variant: 'active', pending: null, disabled: false, className: '' } as const

const prefix = 'xz-enrollment-card'

/** The status tag's words and colour: green when settled, orange while waiting, red when a decision is due. */
export function enrollmentTag(
  enrollment: Pick<EnrollmentView, 'status' | 'waitlistPosition' | 'offerExpiresAt' | 'cancelledBy'>,
): {
  text: string
  tone: EnrollmentTagTone
} {
  switch (enrollment.status) {
    case 'enrolled':
      return { text: '已报名', tone: 'success' }
    case 'waitlisted':
      return {
        text: enrollment.waitlistPosition ? `候补第 ${enrollment.waitlistPosition} 位` : '候补中',
        tone: 'warning',
      }
    case 'offered':
      return {
        text: enrollment.offerExpiresAt ? `待确认·截止 ${formatShortDateTime(enrollment.offerExpiresAt)}` : '待确认',
        tone: 'danger',
      }
    case 'cancelled':
      if (enrollment.cancelledBy === 'union') return { text: '工会已取消', tone: 'danger' }
      return { text: enrollment.cancelledBy === 'worker' ? '您已取消' : '已取消', tone: 'muted' }
    case 'expired':
      return { text: '已过期', tone: 'muted' }
    case 'declined':
      return { text: '已放弃', tone: 'muted' }
  }
}

function stop(e: ITouchEvent) {
  // Buttons sit inside the tappable card: a tap on them must not also open the course.
  e.stopPropagation()
}

export function EnrollmentCard(props: EnrollmentCardProps) {
  const { enrollment, variant, onOpen, onCheckIn, now, className } = { ...defaults, ...props }
  const attendance = props.attendance ?? {}
  const { course } = enrollment
  const tag = enrollmentTag(enrollment)
  const open = () => onOpen?.(enrollment.courseId)

  if (variant === 'past') return <PastCard enrollment={enrollment} className={className} onOpen={open} />

  const lesson = nextLesson(enrollment.lessons, now ?? new Date())
  const attended = lesson ? (attendance[lesson.id] ?? null) : null
  const attendedCount = enrollment.lessons.filter((l) => attendance[l.id]).length
  const canCheckIn =
    enrollment.status === 'enrolled' && !!lesson && !attended && !!onCheckIn && isCheckinOpen(lesson, now ?? new Date())

  return (
    <View
      className={`${prefix} ${prefix}--${enrollment.status} ${className}`.trim()}
      hoverClass={`${prefix}--pressed`}
      onClick={open}
      ariaRole="link"
      ariaLabel={course.title}
    >
      <View className={`${prefix}__top`}>
        <Text className={`${prefix}__tag ${prefix}__tag--${tag.tone}`}>{tag.text}</Text>
        <Text className={`${prefix}__category`}>{course.category}</Text>
      </View>
      <Text className={`${prefix}__title`}>{course.title}</Text>
      <View className={`${prefix}__rows`}>
        <View className={`${prefix}__row`}>
          <Text className={`${prefix}__label`}>时间</Text>
          <Text className={`${prefix}__value`}>
            {lesson ? formatLessonSlot(lesson.startsAt, lesson.endsAt) : '课程已结束'}
            {lesson && course.lessonCount > 1 ? (
              <Text className={`${prefix}__muted`}>
                {' '}
                · 第 {lesson.index}/{course.lessonCount} 课
              </Text>
            ) : null}
            {attended ? <Text className={`${prefix}__checked`}>✓ 已签到</Text> : null}
            {attended?.late ? <Text className={`${prefix}__late`}>迟到</Text> : null}
          </Text>
        </View>
        <View className={`${prefix}__row`}>
          <Text className={`${prefix}__label`}>地点</Text>
          <Text className={`${prefix}__value`}>{(lesson?.venue ?? course.venue).name}</Text>
        </View>
        {attendedCount > 0 ? (
          <View className={`${prefix}__row`}>
            <Text className={`${prefix}__label`}>出勤</Text>
            <Text className={`${prefix}__value`}>
              已签到 {attendedCount}/{enrollment.lessons.length} 课
            </Text>
          </View>
        ) : null}
      </View>
      {enrollment.status === 'offered' ? (
        <Text className={`${prefix}__notice`}>有名额空出，已为您保留。请在截止前确认，逾期将递补给下一位。</Text>
      ) : null}
      <CardActions {...props} canCheckIn={canCheckIn} />
    </View>
  )
}

function PastCard(props: { enrollment: EnrollmentView; className: string; onOpen: () => void }) {
  const { enrollment, className } = props
  const { course } = enrollment
  const tag = enrollmentTag(enrollment)
  return (
    <View
      className={`${prefix} ${prefix}--past ${className}`.trim()}
      hoverClass={`${prefix}--pressed`}
      onClick={props.onOpen}
      ariaRole="link"
      ariaLabel={course.title}
    >
      <View className={`${prefix}__past-body`}>
        <Text className={`${prefix}__past-title`}>{course.title}</Text>
        <Text className={`${prefix}__past-date`}>{formatDate(enrollment.updatedAt)}</Text>
      </View>
      <Text className={`${prefix}__tag ${prefix}__tag--${tag.tone}`}>{tag.text}</Text>
    </View>
  )
}

/** What the worker can do now: check in at the door, answer an offer, or give the place back. */
function CardActions(props: EnrollmentCardProps & { canCheckIn: boolean }) {
  const { enrollment, pending, disabled, onCancel, onConfirm, onDecline, onCheckIn, canCheckIn } = {
    ...defaults,
    ...props,
  }
  const busy = pending !== null || disabled
  const button = (text: string, action: EnrollmentCardAction, type: 'primary' | 'default', handler?: () => void) => (
    <Button
      className={`${prefix}__button ${prefix}__button--${action}`}
      type={type}
      loading={pending === action}
      disabled={busy}
      onClick={() => handler?.()}
    >
      {text}
    </Button>
  )

  let actions = null
  if (canCheckIn) {
    // At the door the one useful action is checking in; cancelling is long closed by then anyway.
    actions = button('签到', 'checkin', 'primary', () => onCheckIn?.(enrollment))
  } else if (enrollment.status === 'offered') {
    actions = (
      <>
        {button('放弃', 'decline', 'default', () => onDecline?.(enrollment))}
        {button('确认参加', 'confirm', 'primary', () => onConfirm?.(enrollment))}
      </>
    )
  } else if (enrollment.canCancel) {
    actions = button(enrollment.status === 'waitlisted' ? '退出候补' : '取消报名', 'cancel', 'default', () =>
      onCancel?.(enrollment),
    )
  }

  return actions ? (
    <View className={`${prefix}__actions`} onClick={stop}>
      {actions}
    </View>
  ) : null
}

export default EnrollmentCard
