/**
 * The subscription templates and what each message says. Template ids are chosen in the mini-program
 * console and given to the `reminders` function as environment variables; the field names below are
 * those of the templates this project was designed with (README lists them) — a template with other
 * fields needs its builder adapted here, and nowhere else.
 */
import { TEMPLATE_KINDS, truncateThing, type TemplateKind } from '@core/contracts/reminders'
import { formatDateTime } from '@core/time'
import type { Message } from '../platform/notifier'
import type { NoticeKind } from '../repos/notice-repo'

const ENV_NAMES: Record<TemplateKind, string> = {
  lessonReminder: 'TMPL_LESSON_REMINDER',
  seatOffer: 'TMPL_SEAT_OFFER',
  courseChange: 'TMPL_COURSE_CHANGE',
}

/** Which template carries each kind of notice. */
export const TEMPLATE_OF: Record<NoticeKind, TemplateKind> = {
  lesson_reminder: 'lessonReminder',
  offer: 'seatOffer',
  offer_expired: 'courseChange',
  course_cancelled: 'courseChange',
  course_change: 'courseChange',
  wish_course_open: 'courseChange',
}

export interface Template {
  kind: TemplateKind
  id: string
}

export function configuredTemplates(env: NodeJS.ProcessEnv = process.env): Template[] {
  return TEMPLATE_KINDS.flatMap((kind) => {
    const id = (env[ENV_NAMES[kind]] ?? '').trim()
    return id ? [{ kind, id }] : []
  })
}

const v = (value: string) => ({ value })

export function lessonReminderMessage(m: {
  courseTitle: string
  index: number
  startsAt: Date
  venueName: string
}): Message {
  return {
    page: 'pages/me/index',
    data: {
      // Course titles often fill the 20 characters alone, so the lesson number goes with the hint.
      thing1: v(truncateThing(m.courseTitle)),
      time2: v(formatDateTime(m.startsAt)),
      thing3: v(truncateThing(m.venueName)),
      thing4: v(`第${m.index}课，请提前到场扫码签到`),
    },
  }
}

export function seatOfferMessage(m: { courseTitle: string; deadline: string }): Message {
  return {
    page: 'pages/me/index',
    data: {
      thing1: v(truncateThing(m.courseTitle)),
      time2: v(m.deadline),
      thing3: v('候补名额已为您保留，请及时确认'),
    },
  }
}

export function courseChangeMessage(m: {
  courseId: string
  courseTitle: string
  change: string
  note: string
}): Message {
  return {
    page: `pages/course/index?id=${m.courseId}`,
    data: {
      thing1: v(truncateThing(m.courseTitle)),
      thing2: v(truncateThing(m.change)),
      thing3: v(truncateThing(m.note || '详情请打开小程序查看')),
    },
  }
}

/**
 * The words of a notice about the course as a whole (anything but a lesson reminder). The course's
 * title and cancellation reason are read as they are when it is sent; the notice's data carries what
 * only the event knows (an offer's deadline, what changed), and a title or reason of its own if given.
 */
export function courseNoticeMessage(
  kind: Exclude<NoticeKind, 'lesson_reminder'>,
  course: { _id: string; title: string; cancelReason?: string | null },
  data: Record<string, string>,
): Message {
  const courseId = course._id
  const courseTitle = data.title || course.title
  switch (kind) {
    case 'offer':
      return seatOfferMessage({ courseTitle, deadline: data.deadline ?? '' })
    case 'offer_expired':
      return courseChangeMessage({ courseId, courseTitle, change: '保留名额已过期', note: '名额已递补给下一位' })
    case 'course_cancelled':
      return courseChangeMessage({
        courseId,
        courseTitle,
        change: '课程已取消',
        note: data.reason || course.cancelReason || '',
      })
    case 'course_change':
      return courseChangeMessage({
        courseId,
        courseTitle,
        change: data.change ?? '上课安排有调整',
        note: data.note ?? '',
      })
    case 'wish_course_open':
      return wishCourseOpenMessage({ courseId, courseTitle })
  }
}

/** To a worker who voted for the wish the course was made from: it is theirs to sign up for now. */
export function wishCourseOpenMessage(m: { courseId: string; courseTitle: string }): Message {
  return courseChangeMessage({ ...m, change: '您点的课已开放报名', note: '名额有限，请尽快报名' })
}
