/** Data for enrollment storms: open courses and many signed-up workers, written straight to the store. */
import { COLLECTIONS } from '../../server/collections'
import type { CourseDoc } from '../../server/repos/course-repo'
import { newUserDoc, type UserDoc } from '../../server/repos/user-repo'
import { CONSENT_VERSION } from '@core/contracts/user'
import type { DocStore } from '../../local-cloud/store'
import { lessonShortId } from '../../server/checkin/token'

export const fixtureWorker = (n: number, prefix = 'o_storm_') => `${prefix}${String(n).padStart(5, '0')}`

export function seedStorm(
  store: DocStore,
  options: { courses: number; capacity: number; workers: number; now: Date; prefix?: string },
): { courseIds: string[]; openids: string[] } {
  const { now } = options
  const day = 86400_000
  const courses: CourseDoc[] = Array.from({ length: options.courses }, (_, i) => ({
    _id: `${options.prefix ?? 's'}${String(i + 1).padStart(3, '0')}`,
    title: `压力测试课程 ${i + 1}`,
    category: '人工智能',
    summary: '',
    instructor: '测试讲师',
    venue: { name: '测试场地', address: '杭州' },
    capacity: options.capacity,
    seats: {},
    seatsTaken: 0,
    seatsLeft: options.capacity,
    waitlist: [],
    waitlistLength: 0,
    enrollOpensAt: new Date(now.getTime() - day),
    enrollClosesAt: new Date(now.getTime() + 10 * day),
    cancelDeadlineHours: 24,
    status: 'published',
    firstLessonAt: new Date(now.getTime() + 12 * day),
    lastLessonAt: new Date(now.getTime() + 12 * day + 7200_000),
    lessonCount: 1,
    createdAt: now,
    updatedAt: now,
  }))
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
    courses.map((c) => ({
      _id: `${c._id}_l1`,
      shortId: lessonShortId(`${c._id}_l1`),
      courseId: c._id,
      index: 1,
      startsAt: c.firstLessonAt,
      endsAt: c.lastLessonAt,
      venue: null,
      checkinOpensBefore: 30,
      lateAfter: 10,
    })),
  )
  store.insert(COLLECTIONS.users, users)
  return { courseIds: courses.map((c) => c._id), openids: users.map((u) => u._id) }
}

/** Deterministic PRNG so a failing storm can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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
export function moveOnlyLesson(store: DocStore, courseId: string, startsAt: Date, minutes = 120): void {
  const endsAt = new Date(startsAt.getTime() + minutes * 60_000)
  const opts = { multi: false, merge: true, upsert: false }
  store.update(COLLECTIONS.lessons, { _id: `${courseId}_l1` }, { $set: { startsAt, endsAt } }, opts)
  store.update(
    COLLECTIONS.courses,
    { _id: courseId },
    { $set: { firstLessonAt: startsAt, lastLessonAt: endsAt } },
    opts,
  )
}
