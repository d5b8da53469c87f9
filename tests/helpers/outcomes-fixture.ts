/** Finished courses with attendance, written straight to the store, for the outcomes tests and bench. */
import { COLLECTIONS } from '../../server/collections'
import type { DocStore } from '../../local-cloud/store'
import { lessonShortId } from '../../server/checkin/token'
import { newUserDoc } from '../../server/repos/user-repo'
import { CONSENT_VERSION } from '@core/contracts/user'

const HOUR = 3600_000
const DAY = 24 * HOUR

export interface FinishedCourseSpec {
  courseId: string
  title?: string
  category?: string
  /** Lesson count; lessons are daily, two hours each, the last one ending at `lastEndsAt`. */
  lessons: number
  lastEndsAt: Date
  /** Per seated worker, the lesson numbers (1-based) attended; a negative number is a late check-in. */
  attendance: Record<string, number[]>
  completionPercent?: number
  capacity?: number
}

export function seedWorkers(store: DocStore, openids: string[], now: Date, employer = (i: number) => `单位${i % 7}`) {
  store.insert(
    COLLECTIONS.users,
    openids.map((openid, i) =>
      newUserDoc(
        openid,
        {
          name: `测试职工${String(i + 1).padStart(3, '0')}`,
          phone: `1380000${String(i).padStart(4, '0')}`,
          employer: employer(i),
          memberNo: null,
          consent: { version: CONSENT_VERSION, at: now },
        },
        now,
      ),
    ),
  )
}

export function seedFinishedCourse(store: DocStore, spec: FinishedCourseSpec): { lessonIds: string[] } {
  const lessons = Array.from({ length: spec.lessons }, (_, i) => {
    const endsAt = new Date(spec.lastEndsAt.getTime() - (spec.lessons - 1 - i) * DAY)
    const id = `${spec.courseId}_l${i + 1}`
    return {
      _id: id,
      shortId: lessonShortId(id),
      courseId: spec.courseId,
      index: i + 1,
      startsAt: new Date(endsAt.getTime() - 2 * HOUR),
      endsAt,
      venue: null,
      checkinOpensBefore: 30,
      lateAfter: 10,
    }
  })
  const openids = Object.keys(spec.attendance)
  const capacity = spec.capacity ?? Math.max(openids.length, 1)
  store.insert(COLLECTIONS.courses, [
    {
      _id: spec.courseId,
      title: spec.title ?? `结业测试课程 ${spec.courseId}`,
      category: spec.category ?? '人工智能',
      summary: '',
      instructor: '李老师',
      venue: { name: '职工学校', address: '杭州' },
      capacity,
      seats: Object.fromEntries(openids.map((o) => [o, 'enrolled'])),
      seatsTaken: openids.length,
      seatsLeft: capacity - openids.length,
      waitlist: [],
      waitlistLength: 0,
      enrollOpensAt: new Date(lessons[0].startsAt.getTime() - 20 * DAY),
      enrollClosesAt: new Date(lessons[0].startsAt.getTime() - DAY),
      cancelDeadlineHours: 24,
      status: 'published',
      firstLessonAt: lessons[0].startsAt,
      lastLessonAt: spec.lastEndsAt,
      lessonCount: spec.lessons,
      ...(spec.completionPercent ? { completionPercent: spec.completionPercent } : {}),
      createdAt: lessons[0].startsAt,
      updatedAt: lessons[0].startsAt,
    },
  ])
  store.insert(COLLECTIONS.lessons, lessons)
  store.insert(
    COLLECTIONS.enrollments,
    openids.map((openid) => ({
      _id: `${spec.courseId}_${openid}`,
      courseId: spec.courseId,
      openid,
      status: 'enrolled',
      offerExpiresAt: null,
      createdAt: lessons[0].startsAt,
      updatedAt: lessons[0].startsAt,
    })),
  )
  const rows = openids.flatMap((openid) =>
    spec.attendance[openid].map((n) => {
      const lesson = lessons[Math.abs(n) - 1]
      return {
        _id: `${lesson._id}_${openid}`,
        lessonId: lesson._id,
        courseId: spec.courseId,
        openid,
        at: new Date(lesson.startsAt.getTime() + (n < 0 ? 20 : -5) * 60_000),
        late: n < 0,
        method: 'scan',
        staffOpenid: null,
        reason: null,
      }
    }),
  )
  if (rows.length) store.insert(COLLECTIONS.attendance, rows)
  return { lessonIds: lessons.map((l) => l._id) }
}
