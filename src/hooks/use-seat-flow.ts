import { useState } from 'react'
import Taro from '@tarojs/taro'
import type { useEnrollment } from './use-enrollment'
import { useReminderTemplates, type SubscribeAnswers } from './use-reminder-templates'
import { alert, confirm } from '@/utils/feedback'
import {
  cancelQuestion,
  DECLINE_QUESTION,
  enrollsPastCancelDeadline,
  isRetryable,
  lateEnrollQuestion,
  waitlistQuestion,
} from '@/utils/enrollment-copy'
import { ROUTES } from '@/utils/routes'
import { rememberIntent, takeIntent } from '@/utils/resume-intent'
import { changeSeat, type ExplainRefusal } from '@/utils/seat-change'

/** What the result sheet shows after a seat was taken or a waitlist place given. */
export type SeatOutcome = { kind: 'enrolled' } | { kind: 'waitlisted'; position: number | null }

/** The worker's answers to the reminder dialog of the tap that started an action; `{}` when none was shown. */
type Asking = Promise<SubscribeAnswers>

/**
 * The course page's seat actions from tap to outcome: each tap asks for reminders first (WeChat shows the
 * dialog only before the first await), the request goes out while that dialog is open, and the outcome or
 * the refusal is shown once the worker has answered it, so no two dialogs overlap.
 */
export function useSeatFlow(en: ReturnType<typeof useEnrollment>) {
  const [result, setResult] = useState<SeatOutcome | null>(null)
  const [reminded, setReminded] = useState(false)
  const reminders = useReminderTemplates()
  const course = en.course
  // Sent to the profile from 报名: once it is saved, this page finishes the enroll (see resumeEnroll).
  const goProfile = () => {
    if (course) rememberIntent({ courseId: course.id, action: 'enroll' })
    void Taro.navigateTo({ url: ROUTES.profile })
  }

  /** `asking`: a flow asks once, so joining the waitlist after a refusal does not ask again. */
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

  const showResult = async (outcome: SeatOutcome, asking: Asking) => {
    const answers = await asking
    setReminded(outcome.kind === 'enrolled' && reminders.accepted(answers, 'lessonReminder'))
    setResult(outcome)
  }

  const enroll = async (joinWaitlist: boolean, asking: Asking): Promise<void> => {
    const reply = await en.enroll(joinWaitlist)
    if (!reply) return
    if (reply.ok) {
      const { status, waitlistPosition } = reply.data
      // The reply does not know the place in line; the course re-read after every action does.
      const position = waitlistPosition ?? en.currentCourse()?.mine?.waitlistPosition ?? null
      return showResult(status === 'enrolled' ? { kind: 'enrolled' } : { kind: 'waitlisted', position }, asking)
    }
    await asking
    await explainFor(asking)(reply.error, () => enroll(joinWaitlist, asking))
  }

  /** A seat inside the cancel deadline is asked about first; the reminder request moves into that dialog's tap. */
  const enrollTapped = async () => {
    const current = en.currentCourse() ?? course
    if (!current || !enrollsPastCancelDeadline(current)) return enroll(false, reminders.ask())
    let asking: Asking | undefined
    if (await askLate(current, () => void (asking = reminders.ask())))
      await enroll(false, asking ?? Promise.resolve({}))
  }

  const askToJoinWaitlist = async (asked?: Asking) => {
    // The course was just re-read (after a refusal) or is on screen: either way the freshest count we have.
    const waiting = en.currentCourse()?.waitlistLength ?? course?.waitlistLength ?? 0
    let asking = asked
    // The answer in this dialog is a tap too: ask for reminders in it, unless the flow already did.
    const askInTap = asked ? undefined : () => void (asking = reminders.ask())
    if (await confirm('加入候补', waitlistQuestion(waiting), '加入候补', '暂不', askInTap)) {
      await enroll(true, asking ?? Promise.resolve({}))
    }
  }

  const confirmOffer = async (asking: Asking): Promise<void> => {
    const reply = await en.confirm()
    if (!reply) return
    if (reply.ok) return showResult({ kind: 'enrolled' }, asking)
    await asking
    await explainFor(asking)(reply.error, () => confirmOffer(asking))
  }

  const cancel = () =>
    en.enrollment
      ? changeSeat(cancelQuestion(en.enrollment, course?.cancelDeadlineHours ?? 24), en.cancel, explainFor())
      : undefined

  return {
    result,
    reminded,
    closeResult: () => setResult(null),
    goProfile,
    enroll: () => void enrollTapped(),
    /**
     * After the profile was saved for this enroll: the seat is taken without another tap. WeChat asks
     * for reminders only inside a tap, so none is asked here; the result sheet offers 开启提醒.
     */
    resumeEnroll: () => {
      const current = en.currentCourse() ?? course
      if (current && takeIntent(current.id)) void resume(current, () => enroll(false, Promise.resolve({})))
    },
    joinWaitlist: () => void askToJoinWaitlist(),
    confirmOffer: () => void confirmOffer(reminders.ask()),
    cancel: () => void cancel(),
    decline: () => void changeSeat(DECLINE_QUESTION, en.decline, explainFor()),
  }
}

type LateCheck = { firstLessonAt: string; cancelDeadlineHours: number }

/** "报名后不能取消" with what a no-show costs; `askInTap` runs inside the confirm tap (reminders). */
function askLate(course: LateCheck, askInTap?: () => void): Promise<boolean> {
  const q = lateEnrollQuestion(course)
  return confirm(q.title, q.content, q.ok, '再想想', askInTap)
}

async function resume(course: LateCheck, enroll: () => Promise<void>): Promise<void> {
  if (!enrollsPastCancelDeadline(course) || (await askLate(course))) await enroll()
}
