import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { EnrollmentView, SubscribeAnswer } from '@core'
import { CancelledNotice } from '@/components/cancelled-notice'
import { EnrollmentCard } from '@/components/enrollment-card'
import { ResultSheet } from '@/components/result-sheet'
import { StateView } from '@/components/state-view'
import { useCancelAck } from '@/hooks/use-cancel-ack'
import { useCheckinEntry } from '@/hooks/use-checkin'
import { useEnrollmentActions } from '@/hooks/use-enrollment'
import type { useMyAttendance } from '@/hooks/use-my-attendance'
import type { useMyEnrollments } from '@/hooks/use-my-enrollments'
import { useNow } from '@/hooks/use-now'
import { useOfferAlert } from '@/hooks/use-offer-alert'
import type { useSubscriptions } from '@/hooks/use-subscriptions'
import { alert, confirm } from '@/utils/feedback'
import { cancelQuestion, cancelWindowHours, DECLINE_QUESTION, isRetryable } from '@/utils/enrollment-copy'
import { nextLesson } from '@/utils/format'
import { ROUTES } from '@/utils/routes'
import { changeSeat, type ExplainRefusal } from '@/utils/seat-change'
import { prefix } from './prefix'

export interface MyCoursesProps {
  mine: ReturnType<typeof useMyEnrollments>
  attendance: ReturnType<typeof useMyAttendance>
  reminders: ReturnType<typeof useSubscriptions>
}

const openCourse = (courseId: string) => void Taro.navigateTo({ url: ROUTES.course(courseId) })

const explain: ExplainRefusal = async (refusal, retry) => {
  if (isRetryable(refusal.code)) {
    if (await confirm('请稍后再试', refusal.message, '重试', '稍后')) await retry()
  } else {
    await alert(refusal.message)
  }
}

/** The worker's seats with what they can do with each (cancel, confirm or decline an offer, check in). */
export function MyCourses({ mine, attendance, reminders }: MyCoursesProps) {
  const actions = useEnrollmentActions(() => mine.refresh())
  const [confirmed, setConfirmed] = useState<{ enrollment: EnrollmentView; reminded: boolean } | null>(null)
  const checkinEntry = useCheckinEntry()
  const cancelAck = useCancelAck(mine.refresh)
  // The list read here is fresher than the session's: it sets the 我的 red dot, and the session follows.
  useOfferAlert(mine.status === 'ready' ? mine.active.filter((e) => e.status === 'offered') : null)
  // The 签到 button appears 30 minutes before a lesson, also on a tab left open.
  const now = useNow(30_000)

  const cancel = (e: EnrollmentView) =>
    void changeSeat(cancelQuestion(e, cancelWindowHours(e)), () => actions.cancel(e.courseId), explain)

  const decline = (e: EnrollmentView) => void changeSeat(DECLINE_QUESTION, () => actions.decline(e.courseId), explain)

  /** `asking`: the reminder dialog, opened first thing in the tap (WeChat allows it nowhere else). */
  const confirmOffer = async (e: EnrollmentView, asking: Promise<Record<string, SubscribeAnswer>>): Promise<void> => {
    const reply = await actions.confirm(e.courseId)
    if (!reply) return
    // No result or refusal dialog over the reminder dialog.
    const answers = await asking
    if (Object.keys(answers).length > 0) void reminders.refresh()
    if (reply.ok) setConfirmed({ enrollment: e, reminded: reminders.accepted(answers, 'lessonReminder') })
    else await explain(reply.error, () => confirmOffer(e, asking))
  }

  const pendingOn = (courseId: string) => {
    const p = actions.pending
    return p && p.courseId === courseId && p.action !== 'enroll' ? p.action : null
  }

  return (
    <>
      {mine.status === 'ready'
        ? mine.past
            .filter((e) => e.cancelUnseen)
            .map((e) => (
              <CancelledNotice
                key={e.courseId}
                enrollment={e}
                busy={cancelAck.busy === e.courseId}
                onAck={(id) => void cancelAck.ack(id)}
              />
            ))
        : null}
      <CoursesState mine={mine} />
      {mine.status === 'ready' && mine.active.length > 0 ? (
        <View className={`${prefix}__card ${prefix}__courses`}>
          {mine.active.map((e) => (
            <EnrollmentCard
              key={e.courseId}
              enrollment={e}
              pending={pendingOn(e.courseId)}
              disabled={actions.pending !== null}
              onOpen={openCourse}
              onCancel={cancel}
              onConfirm={(x) => void confirmOffer(x, reminders.ask())}
              onDecline={decline}
              attendance={attendance.lessons}
              onCheckIn={() => void checkinEntry.start()}
              now={now}
            />
          ))}
        </View>
      ) : null}
      {mine.status === 'ready' && mine.past.length > 0 ? <PastCourses past={mine.past} /> : null}
      {confirmed ? (
        <ConfirmedSheet
          enrollment={confirmed.enrollment}
          reminded={confirmed.reminded}
          onClose={() => setConfirmed(null)}
        />
      ) : null}
    </>
  )
}

/** The heading, and what stands in for the list while it loads, fails or is empty. */
function CoursesState({ mine }: Pick<MyCoursesProps, 'mine'>) {
  return (
    <>
      <View className={`${prefix}__heading`}>
        <Text className={`${prefix}__heading-title`}>我的课程</Text>
        {mine.status === 'ready' && mine.active.length > 0 ? (
          <Text className={`${prefix}__heading-extra`}>共 {mine.active.length} 门</Text>
        ) : null}
      </View>
      {mine.status === 'loading' ? <StateView status="loading" skeletonCount={1} /> : null}
      {mine.status === 'error' ? (
        <View className={`${prefix}__card`}>
          <StateView
            status="error"
            compact
            title={mine.error?.message ?? '加载失败'}
            onAction={() => void mine.reload()}
          />
        </View>
      ) : null}
      {mine.status === 'ready' && mine.active.length === 0 ? (
        <View className={`${prefix}__card`}>
          <StateView
            status="empty"
            compact
            title="还没有报名课程，去课程页看看"
            description="报名后，课程会显示在这里"
            actionText="去选课"
            onAction={() => void Taro.switchTab({ url: ROUTES.catalog })}
          />
        </View>
      ) : null}
    </>
  )
}

/** Cancelled and expired seats, folded away until asked for. */
function PastCourses({ past }: { past: EnrollmentView[] }) {
  const [open, setOpen] = useState(false)
  return (
    <View className={`${prefix}__card ${prefix}__history`}>
      <View
        className={`${prefix}__history-toggle`}
        hoverClass={`${prefix}__history-toggle--pressed`}
        onClick={() => setOpen((v) => !v)}
        ariaRole="button"
        ariaLabel="历史记录"
      >
        <Text className={`${prefix}__history-title`}>历史记录</Text>
        <Text className={`${prefix}__history-note`}>
          {past.length} 条 {open ? '收起' : '展开'}
        </Text>
        <Text className={`${prefix}__history-arrow ${open ? `${prefix}__history-arrow--open` : ''}`.trim()}>›</Text>
      </View>
      {open ? (
        <View className={`${prefix}__history-list`}>
          {past.map((e) => (
            <EnrollmentCard key={e.courseId} enrollment={e} variant="past" onOpen={openCourse} />
          ))}
        </View>
      ) : null}
    </View>
  )
}

function ConfirmedSheet(props: { enrollment: EnrollmentView; reminded: boolean; onClose: () => void }) {
  const course = props.enrollment.course
  const lessons = props.enrollment.lessons ?? []
  const lesson = nextLesson(lessons) ?? lessons[0] ?? null
  if (!course) return null
  const venue = lesson?.venue ?? course.venue
  return (
    <ResultSheet
      visible
      outcome={{ kind: 'enrolled' }}
      courseTitle={course.title}
      firstLessonAt={lesson?.startsAt ?? course.firstLessonAt}
      venueName={venue.name}
      venueAddress={venue.address}
      reminded={props.reminded}
      onClose={props.onClose}
    />
  )
}
