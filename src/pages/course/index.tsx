import { useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { formatDateTime, type CourseDetail } from '@core'
import { CheckinPrompt } from '@/components/checkin-prompt'
import { EnrollBar, enrollBarMode } from '@/components/enroll-bar'
import { EvaluationPrompt } from '@/components/evaluation-prompt'
import { ResultSheet, type ResultSheetOutcome } from '@/components/result-sheet'
import { SeatBadge, type OwnPlace } from '@/components/seat-badge'
import { StateView } from '@/components/state-view'
import { useCheckinEntry } from '@/hooks/use-checkin'
import { useEnrollment } from '@/hooks/use-enrollment'
import { useEvaluationPrompt } from '@/hooks/use-evaluation-prompt'
import { useMyAttendance } from '@/hooks/use-my-attendance'
import { useNow } from '@/hooks/use-now'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useReminderTemplates, type SubscribeAnswers } from '@/hooks/use-reminder-templates'
import { useSession } from '@/hooks/use-session'
import { openCheckinLesson } from '@/utils/checkin'
import { alert, confirm } from '@/utils/feedback'
import { cancelQuestion, DECLINE_QUESTION, isRetryable, waitlistQuestion } from '@/utils/enrollment-copy'
import { formatLessonSlot, nextLesson } from '@/utils/format'
import { ROUTES } from '@/utils/routes'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import { changeSeat, type ExplainRefusal } from '@/utils/seat-change'
import './index.scss'

const prefix = 'xz-course'

/** The worker's answers to the reminder dialog of the tap that started an action; `{}` when none was shown. */
type Asking = Promise<SubscribeAnswers>

function Section(props: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <View className={`${prefix}__section`}>
      <View className={`${prefix}__section-head`}>
        <Text className={`${prefix}__section-title`}>{props.title}</Text>
        {props.extra}
      </View>
      {props.children}
    </View>
  )
}

function CourseBody({ course, place }: { course: CourseDetail; place: OwnPlace | null }) {
  return (
    <View>
      <View className={`${prefix}__hero`}>
        <View className={`${prefix}__hero-top`}>
          <Text className={`${prefix}__category`}>{course.category}</Text>
          <SeatBadge state={course.enrollState} seatsLeft={course.seatsLeft} place={place} size="large" />
        </View>
        <Text className={`${prefix}__title`}>{course.title}</Text>
        <Text className={`${prefix}__instructor`}>讲师：{course.instructor}</Text>
        <View className={`${prefix}__stats`}>
          <View className={`${prefix}__stat`}>
            <Text className={`${prefix}__stat-value`}>{course.capacity}</Text>
            <Text className={`${prefix}__stat-label`}>总名额</Text>
          </View>
          <View className={`${prefix}__stat`}>
            <Text className={`${prefix}__stat-value ${prefix}__stat-value--brand`}>{course.seatsLeft}</Text>
            <Text className={`${prefix}__stat-label`}>剩余名额</Text>
          </View>
          <View className={`${prefix}__stat`}>
            <Text className={`${prefix}__stat-value`}>{course.waitlistLength}</Text>
            <Text className={`${prefix}__stat-label`}>候补人数</Text>
          </View>
        </View>
      </View>

      {course.enrollState === 'cancelled' && (
        <View className={`${prefix}__cancelled`}>
          <Text className={`${prefix}__cancelled-title`}>本课程已取消</Text>
          {course.cancelReason && <Text className={`${prefix}__cancelled-reason`}>原因：{course.cancelReason}</Text>}
        </View>
      )}

      <Section title="报名时间">
        <View className={`${prefix}__kv`}>
          <Text className={`${prefix}__k`}>开始</Text>
          <Text className={`${prefix}__v`}>{formatDateTime(course.enrollOpensAt)}</Text>
        </View>
        <View className={`${prefix}__kv`}>
          <Text className={`${prefix}__k`}>截止</Text>
          <Text className={`${prefix}__v`}>{formatDateTime(course.enrollClosesAt)}</Text>
        </View>
        <Text className={`${prefix}__note`}>
          如需取消报名，请在开课 {course.cancelDeadlineHours} 小时前操作，名额将让给候补学员。
        </Text>
      </Section>

      <Section title="上课地点">
        <Text className={`${prefix}__venue-name`}>{course.venue.name}</Text>
        <Text className={`${prefix}__venue-address`}>{course.venue.address}</Text>
      </Section>

      <Section title="课程介绍">
        <Text className={`${prefix}__summary`}>{course.summary}</Text>
      </Section>

      <Section title="课程安排" extra={<Text className={`${prefix}__section-extra`}>共 {course.lessonCount} 课</Text>}>
        <View className={`${prefix}__lessons`}>
          {course.lessons.map((lesson) => (
            <View key={lesson.id} className={`${prefix}__lesson`}>
              <Text className={`${prefix}__lesson-index`}>第 {lesson.index} 课</Text>
              <View className={`${prefix}__lesson-body`}>
                <Text className={`${prefix}__lesson-time`}>{formatLessonSlot(lesson.startsAt, lesson.endsAt)}</Text>
                {lesson.venue.name !== course.venue.name ? (
                  <Text className={`${prefix}__lesson-venue`}>
                    {lesson.venue.name} · {lesson.venue.address}
                  </Text>
                ) : (
                  <Text className={`${prefix}__lesson-venue`}>{lesson.venue.name}</Text>
                )}
              </View>
            </View>
          ))}
        </View>
      </Section>
    </View>
  )
}

export default function CoursePage() {
  const { params } = useRouter()
  const en = useEnrollment(params.id)
  const { course, status, error, reload } = en
  const session = useSession()
  const needsProfile = session.status === 'ready' && !session.profileComplete
  const [result, setResult] = useState<ResultSheetOutcome | null>(null)
  const [reminded, setReminded] = useState(false)
  const reminders = useReminderTemplates()

  // Check-in opens 30 minutes before a lesson: re-read the clock so the button appears on a page left open.
  const now = useNow(30_000)
  const checkinLesson = course && en.enrollment?.status === 'enrolled' ? openCheckinLesson(course.lessons, now) : null
  const attendance = useMyAttendance(checkinLesson !== null)
  const checkinEntry = useCheckinEntry()
  const lastEnd = course?.lessons[course.lessons.length - 1]?.endsAt
  const over = !!lastEnd && new Date(lastEnd).getTime() <= now.getTime()
  const evaluation = useEvaluationPrompt(course?.id, over && en.enrollment?.status === 'enrolled')

  // Back from the profile page, 我的 or the check-in page: seats, the worker's own place and their
  // check-in may all have moved.
  useRefreshOnShow(() => Promise.all([en.refresh(), checkinLesson ? attendance.refresh() : null, evaluation.refresh()]))

  const goProfile = () => void Taro.navigateTo({ url: ROUTES.profile })

  /**
   * Says why an action was refused, and offers the way forward where there is one. `asking` is the reminder
   * question of the tap that started it: a flow asks once, so joining the waitlist after a refusal does not
   * ask again.
   */
  const explainFor =
    (asking?: Asking): ExplainRefusal =>
    async (refusal, retry) => {
      if (isRetryable(refusal.code)) {
        if (await confirm('请稍后再试', refusal.message, '重试', '稍后')) await retry()
      } else if (refusal.code === 'ENROLL.PROFILE_INCOMPLETE') {
        if (await confirm('请先完善个人信息', refusal.message, '去完善')) goProfile()
      } else if (refusal.code === 'ENROLL.FULL') {
        await askToJoinWaitlist(asking)
      } else {
        await alert(refusal.message)
      }
    }

  /** Shows the outcome once the worker has also answered the reminder dialog, so no two dialogs overlap. */
  const showResult = async (outcome: ResultSheetOutcome, asking: Asking) => {
    const answers = await asking
    setReminded(outcome.kind === 'enrolled' && reminders.accepted(answers, 'lessonReminder'))
    setResult(outcome)
  }

  // The request goes out while the reminder dialog is still open: on a popular course the seat matters more.
  const enroll = async (joinWaitlist: boolean, asking: Asking): Promise<void> => {
    const reply = await en.enroll(joinWaitlist)
    if (!reply) return
    if (reply.ok) {
      await showResult(
        reply.data.status === 'enrolled'
          ? { kind: 'enrolled' }
          : { kind: 'waitlisted', position: reply.data.waitlistPosition },
        asking,
      )
      return
    }
    await asking
    await explainFor(asking)(reply.error, () => enroll(joinWaitlist, asking))
  }

  const askToJoinWaitlist = async (asked?: Asking) => {
    // The course was just re-read (after a refusal) or is on screen: either way the freshest count we have.
    const waiting = en.currentCourse()?.waitlistLength ?? course?.waitlistLength ?? 0
    let asking = asked
    // The answer in this dialog is a tap too: ask for reminders in it, unless the flow already did.
    const askInTap = asked
      ? undefined
      : () => {
          asking = reminders.ask()
        }
    if (await confirm('加入候补', waitlistQuestion(waiting), '加入候补', '暂不', askInTap)) {
      await enroll(true, asking ?? Promise.resolve({}))
    }
  }

  const cancel = () =>
    en.enrollment
      ? changeSeat(cancelQuestion(en.enrollment, course?.cancelDeadlineHours ?? 24), en.cancel, explainFor())
      : undefined

  const decline = () => changeSeat(DECLINE_QUESTION, en.decline, explainFor())

  const confirmOffer = async (asking: Asking): Promise<void> => {
    const reply = await en.confirm()
    if (!reply) return
    if (reply.ok) return showResult({ kind: 'enrolled' }, asking)
    await asking
    await explainFor(asking)(reply.error, () => confirmOffer(asking))
  }

  const mode = course
    ? enrollBarMode({
        course,
        enrollment: en.enrollment,
        checking: en.enrollmentStatus === 'loading',
        needsProfile,
      })
    : null
  const upcoming = course ? (nextLesson(course.lessons) ?? course.lessons[0] ?? null) : null

  return (
    <View className={`${prefix} ${checkinLesson ? `${prefix}--checkin` : ''}`.trim()}>
      {status === 'loading' ? <StateView status="loading" skeletonCount={2} /> : null}
      {status === 'error' ? (
        <StateView
          status="error"
          title={error?.message ?? '加载失败'}
          actionText={error?.code === 'CATALOG.NOT_FOUND' ? '返回课程列表' : '重试'}
          onAction={() =>
            error?.code === 'CATALOG.NOT_FOUND' ? void Taro.switchTab({ url: ROUTES.catalog }) : void reload()
          }
        />
      ) : null}
      {status === 'ready' && course && mode ? (
        <>
          <CourseBody course={course} place={en.enrollment} />
          {evaluation.show ? (
            <EvaluationPrompt
              rating={evaluation.rating}
              onOpen={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.evaluate(course.id) })}
            />
          ) : null}
          <View className={`${prefix}__bar`}>
            {checkinLesson ? (
              <CheckinPrompt
                lesson={checkinLesson}
                attended={attendance.lessons[checkinLesson.id] ?? null}
                actionText={checkinEntry.actionText}
                onCheckIn={() => void checkinEntry.start()}
              />
            ) : null}
            <EnrollBar
              mode={mode}
              pending={en.pending}
              cancelDeadlineHours={course.cancelDeadlineHours}
              // Each tap asks for reminders first: WeChat shows the dialog only before the first await.
              onEnroll={() => void enroll(false, reminders.ask())}
              onJoinWaitlist={() => void askToJoinWaitlist()}
              onCancel={() => void cancel()}
              onDecline={() => void decline()}
              onConfirm={() => void confirmOffer(reminders.ask())}
              onCompleteProfile={goProfile}
            />
          </View>
          <ResultSheet
            visible={result !== null}
            outcome={result ?? { kind: 'enrolled' }}
            courseTitle={course.title}
            firstLessonAt={upcoming?.startsAt ?? course.firstLessonAt}
            venueName={(upcoming?.venue ?? course.venue).name}
            venueAddress={(upcoming?.venue ?? course.venue).address}
            reminded={reminded}
            onClose={() => setResult(null)}
            onViewMine={() => {
              setResult(null)
              void Taro.switchTab({ url: ROUTES.me })
            }}
          />
        </>
      ) : null}
    </View>
  )
}
