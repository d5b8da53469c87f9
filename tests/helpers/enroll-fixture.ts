/** Data for enrollment storms: open courses and many signed-up workers, written straight to the store. */
import { COLLECTIONS } from '../../server/collections'
import type { CourseDoc } from '../../server/repos/course-repo'
import { newUserDoc, type UserDoc } from '../../server/repos/user-repo'
import { CONSENT_VERSION } from '@core/contracts/user'
import type { DocStore } from '../../local-cloud/store'
import { lessonDocs, newCourse } from '../../server/admin/course-rules'

export const fixtureWorker = (n: number, prefix = 'o_storm_') => `${prefix}${String(n).padStart(5, '0')}`

export function seedStorm(
  store: DocStore,
  options: { courses: number; capacity: number; workers: number; now: Date; prefix?: string },
): { courseIds: string[]; openids: string[] } {
  const { now } = options
  const day = 86400_000
  const drafts = Array.from({ length: options.courses }, (_, i) => ({
    id: `${options.prefix ?? 's'}${String(i + 1).padStart(3, '0')}`,
    title: `压力测试课程 ${i + 1}`,
    category: '人工智能',
    summary: '',
    instructor: '测试讲师',
    venue: { name: '测试场地', address: '杭州' },
    capacity: options.capacity,
    enrollOpensAt: new Date(now.getTime() - day),
    enrollClosesAt: new Date(now.getTime() + 10 * day),
    cancelDeadlineHours: 24,
    lessons: [
      {
        startsAt: new Date(now.getTime() + 12 * day),
        endsAt: new Date(now.getTime() + 12 * day + 7200_000),
        venue: null,
      },
    ],
  }))
  const courses: CourseDoc[] = drafts.map((d) => newCourse(d.id, d, 'published', now))
  const users: UserDoc[] = Array.from({ length: options.workers }, (_, i) =>
    newUserDoc(
      fixtureWorker(i + 1, options.prefix ? `o_${options.prefix}_` : undefined),
      {
        name: `职工${i + 1}`,
        phone: '13800000000',
        employer: '测试单位',
        memberNo: null,
        consent: { version: CONSENT_VERSION, at: now },
      },
      now,
    ),
  )
  store.insert(COLLECTIONS.courses, courses)
  store.insert(
    COLLECTIONS.lessons,
    drafts.flatMap((d) => lessonDocs(d.id, d.lessons)),
  )
  store.insert(COLLECTIONS.users, users)
  return { courseIds: courses.map((c) => c._id), openids: users.map((u) => u._id) }
}

/** Deterministic PRNG so a failing storm can be replayed (the same one the demo seed uses). */
export { prng } from '../../local-cloud/seed/random'

/** Gives `openids` confirmed seats in a fixture course: ledger and records together, as enrolling would. */
export function seatWorkers(store: DocStore, courseId: string, openids: string[], now: Date): void {
  const course = store.find(COLLECTIONS.courses, { _id: courseId })[0] as unknown as CourseDoc
  const seats = { ...course.seats, ...Object.fromEntries(openids.map((o) => [o, 'enrolled'])) }
  const taken = Object.keys(seats).length
  if (taken > course.capacity) throw new Error(`${courseId} has ${course.capacity} seats, not ${taken}`)
  store.update(
    COLLECTIONS.courses,
    { _id: courseId },
    { $set: { seats, seatsTaken: taken, seatsLeft: course.capacity - taken } },
    { multi: false, merge: true, upsert: false },
  )
  store.insert(
    COLLECTIONS.enrollments,
    openids.map((openid) => ({
      _id: `${courseId}_${openid}`,
      courseId,
      openid,
      status: 'enrolled',
      offerExpiresAt: null,
      createdAt: now,
      updatedAt: now,
    })),
  )
}

/** Moves a fixture course's single lesson (and the course's lesson dates) to start at `startsAt`. */
/** Moves one lesson to start at `startsAt` and last `minutes`; its course's own dates stay as they are. */
export function moveLessonTo(store: DocStore, lessonId: string, startsAt: Date, minutes = 120): Date {
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000)
  const { updated } = store.update(
    COLLECTIONS.lessons,
    { _id: lessonId },
    { $set: { startsAt, endsAt } },
    { multi: false, merge: true, upsert: false },
  )
  if (!updated) throw new Error(`no lesson ${lessonId} to move`)
  return endsAt
}

export function moveOnlyLesson(store: DocStore, courseId: string, startsAt: Date, minutes = 120): void {
  const endsAt = moveLessonTo(store, `${courseId}_l1`, startsAt, minutes)
  const opts = { multi: false, merge: true, upsert: false }
  store.update(
    COLLECTIONS.courses,
    { _id: courseId },
    { $set: { firstLessonAt: startsAt, lastLessonAt: endsAt } },
    opts,
  )
}
