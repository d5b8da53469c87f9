import { ENROLL_RULES, type EnrollmentView } from '@core'

/**
 * The words of every enrolment dialog, shared by the course page and 我的 so a worker reads the same
 * consequence wherever they tap. Destructive questions say what is lost and whether it can be undone.
 */
export interface Question {
  title: string
  content: string
  ok: string
  /** Toast after it worked. */
  done: string
}

export function waitlistQuestion(waitlistLength: number): string {
  return `名额已满，是否加入候补？当前候补 ${waitlistLength} 人；有人退出时按顺序递补，递补后需在截止时间前确认`
}

export function cancelQuestion(
  enrollment: Pick<EnrollmentView, 'status' | 'waitlistPosition'>,
  cancelDeadlineHours: number,
): Question {
  if (enrollment.status === 'waitlisted') {
    const place = enrollment.waitlistPosition ? `（当前第 ${enrollment.waitlistPosition} 位）` : ''
    return {
      title: '确定退出候补？',
      content: `退出后将失去候补位置${place}，再次加入需要重新排队。`,
      ok: '退出候补',
      done: '已退出候补',
    }
  }
  if (enrollment.status === 'offered') return DECLINE_QUESTION
  return {
    title: '确定取消报名？',
    content: `取消后名额将让给候补人员，再想参加需要重新报名；开课前 ${cancelDeadlineHours} 小时内的课程不能取消。`,
    ok: '取消报名',
    done: '已取消报名',
  }
}

export const DECLINE_QUESTION: Question = {
  title: '确定放弃名额？',
  content: '放弃后名额将递补给下一位候补人员，无法恢复。',
  ok: '放弃',
  done: '已放弃名额',
}

/** Refusals worth a second try as they are: a rush on the course, or the network. */
export function isRetryable(code: string): boolean {
  return code === 'ENROLL.BUSY' || code === 'COMMON.INTERNAL'
}

/** Hours between the cancel deadline and the first lesson, for views that carry only the two instants. */
export function cancelWindowHours(enrollment: Pick<EnrollmentView, 'cancelDeadline' | 'course'>): number {
  const ms = new Date(enrollment.course.firstLessonAt).getTime() - new Date(enrollment.cancelDeadline).getTime()
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms / 3600_000) : 24
}

/** True when the first lesson is already inside the cancel deadline: a seat taken now cannot be given back. */
export function enrollsPastCancelDeadline(
  course: { firstLessonAt: string; cancelDeadlineHours: number },
  now: Date = new Date(),
): boolean {
  return new Date(course.firstLessonAt).getTime() - course.cancelDeadlineHours * 3600_000 <= now.getTime()
}

/**
 * What a late seat costs, asked before the tap takes it: it cannot be cancelled, and a no-show counts
 * towards a suspension (ENROLL_RULES.noShow, counted by the check-in timer).
 */
export function lateEnrollQuestion(course: { cancelDeadlineHours: number }): Omit<Question, 'done'> {
  const { count, windowDays, suspendDays } = ENROLL_RULES.noShow
  return {
    title: '报名后不能取消',
    content:
      `这门课开课前 ${course.cancelDeadlineHours} 小时内不能取消报名。` +
      `如果报了名却没来上课，会记一次缺席；${windowDays} 天内缺席 ${count} 次，将有 ${suspendDays} 天不能报名新课程。`,
    ok: '确认报名',
  }
}

/** "您已报名 2 门，最多可同时报名 3 门": said before the tap, not in a refusal after it. */
export function limitHint(activeCount: number): { text: string; reached: boolean } {
  const max = ENROLL_RULES.maxActivePerWorker
  if (activeCount >= max) {
    return { text: `您已报名 ${activeCount} 门（最多同时 ${max} 门），请先上完或取消其他课程再报名`, reached: true }
  }
  return { text: `您已报名 ${activeCount} 门，最多可同时报名 ${max} 门`, reached: false }
}
