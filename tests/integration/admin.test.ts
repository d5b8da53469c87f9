import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { COLLECTIONS } from '../../server/collections'
import type { CourseDoc } from '../../server/repos/course-repo'
import type { LessonDoc } from '../../server/repos/lesson-repo'
import type { EnrollmentDoc } from '../../server/repos/enrollment-repo'
import type { NoticeDoc } from '../../server/repos/notice-repo'
import type { UserDoc } from '../../server/repos/user-repo'
import type { AdminResults, CourseInput, RosterResult } from '@core/contracts/admin'
import type { CourseDetail } from '@core/contracts/catalog'
import type { EnrollResult } from '@core/contracts/enrollment'
import { enrollState } from '@core/rules/enroll-state'
import type { LocalCloud } from '../../local-cloud'
import { demoWorkerOpenId as w, seedDemo, type DemoProgramme } from '../../local-cloud/seed/demo'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { checkInvariants } from '../helpers/invariants'

const STAFF = 'o_staff_demo'
const WORKER = 'o_worker_001'
const HOUR = 3600_000
const at = (hoursFromNow: number) => new Date(PINNED_NOW.getTime() + hoursFromNow * HOUR).toISOString()

let cloud: LocalCloud
let demo: DemoProgramme
/** A demo course open for enrollment at the pinned clock, nobody in it yet. */
let COURSE: string
let OTHER: string

beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(() => {
  demo = seedDemo(cloud.store, { start: PINNED_NOW })
  const open = demo.courses.filter((c) => enrollState(c, PINNED_NOW) === 'open')
  COURSE = open[0]._id
  OTHER = open[1]._id
  pinClock()
})
afterEach(() => {
  expect(checkInvariants(cloud.store)).toMatchObject({ oversold: [], ledgerMismatch: [], lostSeats: [], problems: [] })
  jest.useRealTimers()
})
afterAll(() => cloud.close())

const admin = <T = unknown>(action: string, data: Record<string, unknown> = {}, openid = STAFF) =>
  callAs<T>(cloud, openid, 'admin', action, data)
const enroll = (openid: string, courseId = COURSE) =>
  callAs<EnrollResult>(cloud, openid, 'enrollment', 'enroll', { courseId, joinWaitlist: true })
const course = (id = COURSE) => cloud.store.find(COLLECTIONS.courses, { _id: id })[0] as unknown as CourseDoc
const lessons = (courseId: string) =>
  cloud.store.find(COLLECTIONS.lessons, { courseId }, { order: { index: 1 } }) as unknown as LessonDoc[]
const record = (openid: string, id = COURSE) =>
  cloud.store.find(COLLECTIONS.enrollments, { _id: `${id}_${openid}` })[0] as unknown as EnrollmentDoc
const user = (openid: string) => cloud.store.find(COLLECTIONS.users, { _id: openid })[0] as unknown as UserDoc
/** The outbox once the enrollment timer has moved in what records owe (offers, expiries, cancellations). */
const notices = async () => {
  await fireTrigger(
    cloud,
    listTriggers(cloud).find((t) => t.functionName === 'enrollment')!,
  )
  return cloud.store.find(COLLECTIONS.notices, {}) as unknown as NoticeDoc[]
}
/** Every document of every collection, to prove a refused call wrote nothing at all. */
const snapshot = () => cloud.store.db.prepare('SELECT coll, id, data FROM docs ORDER BY coll, id').all()
const code = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'ok' : reply.error!.code)

function courseInput(overrides: Partial<CourseInput> = {}): CourseInput {
  return {
    title: '工业机器人安全与基础操作（冬季班）',
    category: '工业机器人',
    summary: '机器人结构、安全规范与示教器基本操作，面向制造业一线职工。',
    instructor: '褚卫东（高级技师）',
    venue: { name: '萧山区职工技能实训基地', address: '杭州市萧山区市心中路 818 号', lat: 30.1669, lng: 120.2703 },
    capacity: 30,
    enrollOpensAt: at(-1),
    enrollClosesAt: at(24 * 6),
    // Given out of order on purpose: the course numbers lessons by start time.
    lessons: [
      { startsAt: at(24 * 9), endsAt: at(24 * 9 + 3) },
      { startsAt: at(24 * 7), endsAt: at(24 * 7 + 3) },
    ],
    ...overrides,
  }
}

describe('admin: who may call it', () => {
  const valid: [string, () => Record<string, unknown>][] = [
    ['upsertCourse', () => ({ course: courseInput() })],
    ['setCapacity', () => ({ courseId: COURSE, capacity: 10 })],
    ['cancelCourse', () => ({ courseId: COURSE, reason: '讲师临时出差，课程取消' })],
    ['roster', () => ({ courseId: COURSE })],
    ['importProgramme', () => ({ csv: 'course_key\n' })],
  ]

  it.each(valid)('refuses %s to a worker with AUTH.FORBIDDEN and writes nothing', async (action, data) => {
    await enroll(w(2))
    const before = snapshot()
    expect(await admin(action, data(), WORKER)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    expect(snapshot()).toEqual(before)
  })

  it.each(valid)('refuses %s to a caller without a WeChat identity', async (action, data) => {
    const before = snapshot()
    const reply = await cloud.call('admin', { action, ...data() }, { OPENID: '' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } })
    expect(snapshot()).toEqual(before)
  })

  it('answers an unknown action with COMMON.UNKNOWN_ACTION', async () => {
    expect(await admin('dropDatabase')).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } })
  })
})

describe('admin.upsertCourse', () => {
  it('creates a published course with an empty ledger and its lessons in time order, visible in the catalog', async () => {
    const reply = await admin<AdminResults['upsertCourse']>('upsertCourse', { course: courseInput() })
    if (!reply.ok) throw new Error(reply.error.code)
    const id = reply.data.courseId
    expect(id).toMatch(/^c[0-9a-f]{12}$/)
    expect(course(id)).toMatchObject({
      status: 'published',
      capacity: 30,
      seats: {},
      seatsTaken: 0,
      seatsLeft: 30,
      waitlist: [],
      waitlistLength: 0,
      lessonCount: 2,
      cancelDeadlineHours: 24,
    })
    expect(new Date(course(id).firstLessonAt).toISOString()).toBe(at(24 * 7))
    expect(new Date(course(id).lastLessonAt).toISOString()).toBe(at(24 * 9 + 3))
    expect(lessons(id).map((l) => [l._id, l.index])).toEqual([
      [`${id}_l1`, 1],
      [`${id}_l2`, 2],
    ])

    const detail = await callAs<CourseDetail>(cloud, WORKER, 'catalog', 'getCourse', { courseId: id })
    expect(detail).toMatchObject({
      ok: true,
      data: { title: '工业机器人安全与基础操作（冬季班）', enrollState: 'open', seatsLeft: 30 },
    })
    if (detail.ok) expect(detail.data.lessons.map((l) => l.startsAt)).toEqual([at(24 * 7), at(24 * 9)])
    expect(await enroll(w(5), id)).toMatchObject({ ok: true, data: { status: 'enrolled' } })
  })

  it('edits details and replaces the lessons, dropping the ones no longer listed', async () => {
    const created = await admin<AdminResults['upsertCourse']>('upsertCourse', {
      course: courseInput({
        lessons: [
          { startsAt: at(24 * 7), endsAt: at(24 * 7 + 2) },
          { startsAt: at(24 * 8), endsAt: at(24 * 8 + 2) },
          { startsAt: at(24 * 9), endsAt: at(24 * 9 + 2) },
        ],
      }),
    })
    if (!created.ok) throw new Error(created.error.code)
    const id = created.data.courseId
    const edited = await admin('upsertCourse', {
      course: courseInput({
        id,
        title: '工业机器人安全与基础操作（冬季周末班）',
        venue: { name: '滨江区职工服务中心', address: '杭州市滨江区江南大道 3850 号' },
        lessons: [{ startsAt: at(24 * 10), endsAt: at(24 * 10 + 3) }],
      }),
    })
    expect(edited).toEqual({ ok: true, data: { courseId: id } })
    expect(course(id)).toMatchObject({
      title: '工业机器人安全与基础操作（冬季周末班）',
      venue: { name: '滨江区职工服务中心', address: '杭州市滨江区江南大道 3850 号' },
      lessonCount: 1,
    })
    expect(course(id).venue).not.toHaveProperty('lat')
    expect(lessons(id).map((l) => l._id)).toEqual([`${id}_l1`])
    expect(new Date(course(id).firstLessonAt).toISOString()).toBe(at(24 * 10))
  })

  it('changes capacity through the ledger: refuses to go below the seats taken, and offers new seats to the waitlist', async () => {
    await admin('setCapacity', { courseId: COURSE, capacity: 2 })
    for (const n of [1, 2, 3]) await enroll(w(n))
    const existing = demo.courses.find((c) => c._id === COURSE)!
    const input = courseInput({
      id: COURSE,
      title: '改过名字的课程',
      enrollOpensAt: new Date(existing.enrollOpensAt).toISOString(),
      enrollClosesAt: new Date(existing.enrollClosesAt).toISOString(),
      lessons: demo.lessons
        .filter((l) => l.courseId === COURSE)
        .map((l) => ({ startsAt: new Date(l.startsAt).toISOString(), endsAt: new Date(l.endsAt).toISOString() })),
    })

    const before = snapshot()
    const below = await admin('upsertCourse', { course: { ...input, capacity: 1 } })
    expect(below).toMatchObject({ ok: false, error: { code: 'ADMIN.CAPACITY_BELOW_TAKEN', field: 'course.capacity' } })
    expect(snapshot()).toEqual(before)

    expect(await admin('upsertCourse', { course: { ...input, capacity: 3 } })).toEqual({
      ok: true,
      data: { courseId: COURSE },
    })
    expect(course()).toMatchObject({ title: '改过名字的课程', capacity: 3, seatsTaken: 3, waitlist: [] })
    expect(course().seats[w(3)]).toBe('offered')
    expect(record(w(3)).status).toBe('offered')
  })

  it('refuses to edit a cancelled course', async () => {
    await admin('cancelCourse', { courseId: COURSE, reason: '场地维修，课程取消' })
    const before = snapshot()
    const reply = await admin('upsertCourse', { course: courseInput({ id: COURSE }) })
    expect(reply).toMatchObject({ ok: false, error: { code: 'ADMIN.COURSE_CANCELLED' } })
    expect(snapshot()).toEqual(before)
  })

  const lessonsAt = (...pairs: [number, number][]) => pairs.map(([s, e]) => ({ startsAt: at(s), endsAt: at(e) }))
  it.each<[string, Record<string, unknown>, string, string]>([
    ['no course at all', { course: undefined }, 'COMMON.BAD_REQUEST', 'course'],
    ['an unknown field', { course: { ...courseInput(), price: 0 } }, 'COMMON.BAD_REQUEST', 'price'],
    [
      'a title that is a number',
      { course: courseInput({ title: 42 as unknown as string }) },
      'COMMON.BAD_REQUEST',
      'course.title',
    ],
    ['a huge title', { course: courseInput({ title: '课'.repeat(10_000) }) }, 'COMMON.BAD_REQUEST', 'course.title'],
    ['a 41-character title', { course: courseInput({ title: '课'.repeat(41) }) }, 'ADMIN.BAD_COURSE', 'course.title'],
    ['a blank title', { course: courseInput({ title: '   ' }) }, 'ADMIN.BAD_COURSE', 'course.title'],
    [
      'a 501-character summary',
      { course: courseInput({ summary: '简'.repeat(501) }) },
      'ADMIN.BAD_COURSE',
      'course.summary',
    ],
    [
      'a 41-character instructor',
      { course: courseInput({ instructor: '师'.repeat(41) }) },
      'ADMIN.BAD_COURSE',
      'course.instructor',
    ],
    [
      'an 81-character address',
      { course: courseInput({ venue: { name: '职工学校', address: '路'.repeat(81) } }) },
      'ADMIN.BAD_COURSE',
      'course.venue.address',
    ],
    ['an unknown category', { course: courseInput({ category: '烹饪' }) }, 'ADMIN.BAD_COURSE', 'course.category'],
    ['capacity 0', { course: courseInput({ capacity: 0 }) }, 'ADMIN.BAD_CAPACITY', 'course.capacity'],
    ['capacity -1', { course: courseInput({ capacity: -1 }) }, 'ADMIN.BAD_CAPACITY', 'course.capacity'],
    ['capacity 9999', { course: courseInput({ capacity: 9999 }) }, 'ADMIN.BAD_CAPACITY', 'course.capacity'],
    [
      'capacity "10"',
      { course: courseInput({ capacity: '10' as unknown as number }) },
      'COMMON.BAD_REQUEST',
      'course.capacity',
    ],
    ['capacity 2.5', { course: courseInput({ capacity: 2.5 }) }, 'COMMON.BAD_REQUEST', 'course.capacity'],
    ['no lessons', { course: courseInput({ lessons: [] }) }, 'ADMIN.BAD_COURSE', 'course.lessons'],
    [
      'a cancel deadline of a month',
      { course: courseInput({ cancelDeadlineHours: 720 }) },
      'ADMIN.BAD_COURSE',
      'course.cancelDeadlineHours',
    ],
    [
      'a lesson venue with a 41-character name',
      {
        course: courseInput({
          lessons: [
            {
              startsAt: at(24 * 7),
              endsAt: at(24 * 7 + 2),
              venue: { name: '馆'.repeat(41), address: '解放路 138 号' },
            },
          ],
        }),
      },
      'ADMIN.BAD_COURSE',
      'course.lessons.0.venue.name',
    ],
    [
      'a lesson ending before it starts',
      { course: courseInput({ lessons: lessonsAt([24 * 7, 24 * 7 - 1]) }) },
      'ADMIN.BAD_COURSE',
      'course.lessons.0.endsAt',
    ],
    [
      'overlapping lessons',
      { course: courseInput({ lessons: lessonsAt([24 * 7, 24 * 7 + 3], [24 * 7 + 2, 24 * 7 + 4]) }) },
      'ADMIN.BAD_COURSE',
      'course.lessons.1.startsAt',
    ],
    [
      'enrollment closing before it opens',
      { course: courseInput({ enrollOpensAt: at(48), enrollClosesAt: at(24) }) },
      'ADMIN.BAD_COURSE',
      'course.enrollClosesAt',
    ],
    [
      'enrollment closing after the first lesson starts',
      { course: courseInput({ enrollClosesAt: at(24 * 8) }) },
      'ADMIN.BAD_COURSE',
      'course.enrollClosesAt',
    ],
    [
      'a date that is no date',
      { course: courseInput({ enrollOpensAt: '下周一' }) },
      'COMMON.BAD_REQUEST',
      'course.enrollOpensAt',
    ],
    ['an id with odd characters', { course: courseInput({ id: '../c001' }) }, 'COMMON.BAD_REQUEST', 'course.id'],
    ['an unknown course id', { course: courseInput({ id: 'c999' }) }, 'CATALOG.NOT_FOUND', 'course.id'],
  ])('refuses %s with a clear message and writes nothing', async (_case, data, errorCode, field) => {
    const before = snapshot()
    const reply = await admin('upsertCourse', data)
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe(errorCode)
    expect(reply.error.field).toBe(field)
    expect(reply.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(snapshot()).toEqual(before)
  })
})

describe('admin.setCapacity', () => {
  it('raises the capacity of a course nobody waits for', async () => {
    await enroll(w(1))
    const reply = await admin('setCapacity', { courseId: COURSE, capacity: 100 })
    expect(reply).toEqual({ ok: true, data: { capacity: 100, seatsTaken: 1, offered: 0 } })
    expect(course()).toMatchObject({ capacity: 100, seatsTaken: 1, seatsLeft: 99 })
  })

  it('offers a new seat to the head of the waitlist in the same update, and queues the offer notice', async () => {
    expect(await admin('setCapacity', { courseId: COURSE, capacity: 2 })).toMatchObject({ ok: true })
    const replies = []
    for (const n of [1, 2, 3, 4]) replies.push(await enroll(w(n)))
    expect(replies.map((r) => (r.ok ? r.data.status : r.error.code))).toEqual([
      'enrolled',
      'enrolled',
      'waitlisted',
      'waitlisted',
    ])

    const reply = await admin('setCapacity', { courseId: COURSE, capacity: 3 })
    expect(reply).toEqual({ ok: true, data: { capacity: 3, seatsTaken: 3, offered: 1 } })
    expect(course()).toMatchObject({
      capacity: 3,
      seatsTaken: 3,
      seatsLeft: 0,
      seats: { [w(1)]: 'enrolled', [w(2)]: 'enrolled', [w(3)]: 'offered' },
      waitlist: [w(4)],
      waitlistLength: 1,
    })
    const offered = record(w(3))
    expect(offered.status).toBe('offered')
    expect(new Date(offered.offerExpiresAt!).getTime()).toBe(PINNED_NOW.getTime() + 12 * HOUR)
    expect(record(w(4)).status).toBe('waitlisted')
    expect(await notices()).toEqual([
      expect.objectContaining({ openid: w(3), kind: 'offer', courseId: COURSE, state: 'pending' }),
    ])

    // The offered worker can take the seat up.
    const confirm = await callAs(cloud, w(3), 'enrollment', 'confirmOffer', { courseId: COURSE })
    expect(confirm).toMatchObject({ ok: true, data: { status: 'enrolled' } })
  })

  it('offers only as many seats as there are people waiting', async () => {
    await admin('setCapacity', { courseId: COURSE, capacity: 2 })
    for (const n of [1, 2, 3, 4]) await enroll(w(n))
    const reply = await admin('setCapacity', { courseId: COURSE, capacity: 6 })
    expect(reply).toEqual({ ok: true, data: { capacity: 6, seatsTaken: 4, offered: 2 } })
    expect(course()).toMatchObject({ seatsTaken: 4, seatsLeft: 2, waitlist: [], waitlistLength: 0 })
    expect((await notices()).map((n) => n.openid).sort()).toEqual([w(3), w(4)])
  })

  it('lowers the capacity to exactly the seats taken, and refuses to go below', async () => {
    for (const n of [1, 2, 3]) await enroll(w(n))
    expect(await admin('setCapacity', { courseId: COURSE, capacity: 3 })).toEqual({
      ok: true,
      data: { capacity: 3, seatsTaken: 3, offered: 0 },
    })
    expect(course()).toMatchObject({ seatsLeft: 0 })
    const before = snapshot()
    const reply = await admin('setCapacity', { courseId: COURSE, capacity: 2 })
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'ADMIN.CAPACITY_BELOW_TAKEN', field: 'capacity', message: expect.stringContaining('3') },
    })
    expect(snapshot()).toEqual(before)
  })

  it('refuses a cancelled course', async () => {
    await admin('cancelCourse', { courseId: COURSE, reason: '场地维修，课程取消' })
    expect(await admin('setCapacity', { courseId: COURSE, capacity: 50 })).toMatchObject({
      ok: false,
      error: { code: 'ADMIN.COURSE_CANCELLED' },
    })
  })

  it('keeps the ledger exact when capacity changes while workers enroll', async () => {
    await admin('setCapacity', { courseId: COURSE, capacity: 3 })
    const workers = Array.from({ length: 12 }, (_, i) => w(i + 10))
    const replies = await Promise.all([
      ...workers.map((o) => enroll(o)),
      admin('setCapacity', { courseId: COURSE, capacity: 6 }),
      admin('setCapacity', { courseId: COURSE, capacity: 8 }),
    ])
    expect(replies.slice(-2).map(code)).not.toContain('COMMON.INTERNAL')
    const c = course()
    expect(Object.keys(c.seats)).toHaveLength(c.seatsTaken)
    expect(c.seatsTaken).toBeLessThanOrEqual(c.capacity)
  })

  it.each<[string, Record<string, unknown>, string, string]>([
    ['capacity 0', { capacity: 0 }, 'ADMIN.BAD_CAPACITY', 'capacity'],
    ['capacity -1', { capacity: -1 }, 'ADMIN.BAD_CAPACITY', 'capacity'],
    ['capacity 9999', { capacity: 9999 }, 'ADMIN.BAD_CAPACITY', 'capacity'],
    ['capacity "10"', { capacity: '10' }, 'COMMON.BAD_REQUEST', 'capacity'],
    ['no capacity', { capacity: undefined }, 'COMMON.BAD_REQUEST', 'capacity'],
    ['no course id', { courseId: undefined }, 'COMMON.BAD_REQUEST', 'courseId'],
    ['a course id that is a number', { courseId: 1 }, 'COMMON.BAD_REQUEST', 'courseId'],
    ['a huge course id', { courseId: 'c'.repeat(10_000) }, 'COMMON.BAD_REQUEST', 'courseId'],
    ['an unknown course', { courseId: 'c999' }, 'CATALOG.NOT_FOUND', 'courseId'],
    ['an unknown field', { seatsTaken: 0 }, 'COMMON.BAD_REQUEST', 'seatsTaken'],
  ])('refuses %s and writes nothing', async (_case, change, errorCode, field) => {
    await enroll(w(1))
    const before = snapshot()
    const reply = await admin('setCapacity', { courseId: COURSE, capacity: 10, ...change })
    expect(reply).toMatchObject({ ok: false, error: { code: errorCode, field } })
    expect(snapshot()).toEqual(before)
  })
})

describe('admin.cancelCourse', () => {
  const reason = '讲师临时出差，课程取消，敬请谅解'

  it('ends every active place, gives back each worker’s claim and notifies each of them once', async () => {
    await admin('setCapacity', { courseId: COURSE, capacity: 2 })
    for (const n of [1, 2, 3, 4]) await enroll(w(n))
    await callAs(cloud, w(1), 'enrollment', 'cancel', { courseId: COURSE }) // w(3) is offered the seat
    expect(record(w(3)).status).toBe('offered')
    const before = (await notices()).length

    const reply = await admin('cancelCourse', { courseId: COURSE, reason })
    expect(reply).toEqual({ ok: true, data: { notified: 3 } })
    expect(course()).toMatchObject({
      status: 'cancelled',
      cancelReason: reason,
      seats: {},
      seatsTaken: 0,
      seatsLeft: 2,
      waitlist: [],
      waitlistLength: 0,
    })
    for (const n of [2, 3, 4]) {
      expect(record(w(n)).status).toBe('cancelled')
      expect(user(w(n)).activeCourses).not.toContain(COURSE)
    }
    expect(record(w(1)).status).toBe('cancelled')
    const sent = (await notices()).filter((n) => n.kind === 'course_cancelled')
    expect(await notices()).toHaveLength(before + 3)
    expect(sent.map((n) => n.openid).sort()).toEqual([w(2), w(3), w(4)])
    expect(sent[0].data).toEqual({ title: course().title, reason })

    const detail = await callAs<CourseDetail>(cloud, w(2), 'catalog', 'getCourse', { courseId: COURSE })
    expect(detail).toMatchObject({ ok: true, data: { enrollState: 'cancelled' } })
    expect(await enroll(w(2))).toMatchObject({ ok: false, error: { code: 'ENROLL.COURSE_CANCELLED' } })
    expect(await enroll(w(2), OTHER)).toMatchObject({ ok: true, data: { status: 'enrolled' } })
  })

  it('notifies once when cancelled twice, even at the same moment', async () => {
    for (const n of [1, 2]) await enroll(w(n))
    const replies = await Promise.all([
      admin<AdminResults['cancelCourse']>('cancelCourse', { courseId: COURSE, reason }),
      admin<AdminResults['cancelCourse']>('cancelCourse', { courseId: COURSE, reason }),
    ])
    const again = await admin<AdminResults['cancelCourse']>('cancelCourse', { courseId: COURSE, reason: '再取消一次' })
    const total = [...replies, again].reduce((sum, r) => sum + (r.ok ? r.data.notified : 0), 0)
    expect(replies.every((r) => r.ok) && again.ok).toBe(true)
    expect(total).toBe(2)
    expect((await notices()).filter((n) => n.kind === 'course_cancelled')).toHaveLength(2)
    expect(course().cancelReason).toBe(reason)
  })

  it('works through more than one page of records', async () => {
    const openids = Array.from({ length: 130 }, (_, i) => w(i + 1))
    fillCourse(COURSE, openids, { capacity: 130, enrolled: 130 })
    const reply = await admin('cancelCourse', { courseId: COURSE, reason })
    expect(reply).toEqual({ ok: true, data: { notified: 130 } })
    expect(cloud.store.count(COLLECTIONS.enrollments, { courseId: COURSE, status: 'cancelled' })).toBe(130)
    expect(cloud.store.count(COLLECTIONS.users, { activeCourses: COURSE })).toBe(0)
  })

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a one-character reason', { reason: '无' }, 'ADMIN.BAD_REASON', 'reason'],
    ['a blank reason', { reason: '    ' }, 'ADMIN.BAD_REASON', 'reason'],
    ['a 101-character reason', { reason: '因'.repeat(101) }, 'ADMIN.BAD_REASON', 'reason'],
    ['a huge reason', { reason: '因'.repeat(10_000) }, 'COMMON.BAD_REQUEST', 'reason'],
    ['no reason', { reason: undefined }, 'COMMON.BAD_REQUEST', 'reason'],
    ['no course id', { courseId: undefined }, 'COMMON.BAD_REQUEST', 'courseId'],
    ['an unknown course', { courseId: 'c999' }, 'CATALOG.NOT_FOUND', 'courseId'],
    ['an unknown field', { notify: false }, 'COMMON.BAD_REQUEST', 'notify'],
  ])('refuses %s and writes nothing', async (_case, change, errorCode, field) => {
    await enroll(w(1))
    const before = snapshot()
    const reply = await admin('cancelCourse', { courseId: COURSE, reason, ...change })
    expect(reply).toMatchObject({ ok: false, error: { code: errorCode, field } })
    expect(snapshot()).toEqual(before)
  })
})

/** Puts workers straight into a course's ledger and records, as if they had enrolled. */
function fillCourse(
  courseId: string,
  openids: string[],
  shape: { capacity: number; enrolled: number; offered?: number },
): void {
  const offered = shape.offered ?? 0
  const seats: Record<string, string> = {}
  openids.slice(0, shape.enrolled).forEach((o) => (seats[o] = 'enrolled'))
  openids.slice(shape.enrolled, shape.enrolled + offered).forEach((o) => (seats[o] = 'offered'))
  const waitlist = openids.slice(shape.enrolled + offered)
  const taken = shape.enrolled + offered
  cloud.store.update(
    COLLECTIONS.courses,
    { _id: courseId },
    {
      $set: {
        capacity: shape.capacity,
        seats,
        seatsTaken: taken,
        seatsLeft: shape.capacity - taken,
        waitlist,
        waitlistLength: waitlist.length,
      },
    },
    { multi: false, merge: true, upsert: false },
  )
  const offerExpiresAt = new Date(PINNED_NOW.getTime() + 12 * HOUR)
  cloud.store.insert(
    COLLECTIONS.enrollments,
    openids.map((openid) => {
      const status = seats[openid] ?? 'waitlisted'
      return {
        _id: `${courseId}_${openid}`,
        courseId,
        openid,
        status,
        offerExpiresAt: status === 'offered' ? offerExpiresAt : null,
        createdAt: PINNED_NOW,
        updatedAt: PINNED_NOW,
      }
    }),
  )
  for (const openid of openids) {
    cloud.store.update(
      COLLECTIONS.users,
      { _id: openid },
      { $push: { activeCourses: courseId }, $set: { [`claimedAt.${courseId}`]: PINNED_NOW } },
      { multi: false, merge: true, upsert: false },
    )
  }
}

describe('admin.roster', () => {
  it('lists seat holders then the waitlist in order, with profiles, in pages of 100 past the first', async () => {
    const openids = Array.from({ length: 125 }, (_, i) => w(i + 1))
    fillCourse(COURSE, openids, { capacity: 115, enrolled: 110, offered: 5 })

    const first = await admin<RosterResult>('roster', { courseId: COURSE })
    if (!first.ok) throw new Error(first.error.code)
    expect(first.data).toMatchObject({ courseId: COURSE, capacity: 115, seatsTaken: 115, waitlistLength: 10 })
    expect(first.data.entries).toHaveLength(100)
    const worker1 = user(w(1))
    expect(first.data.entries[0]).toEqual({
      name: worker1.name,
      phone: worker1.phone,
      employer: worker1.employer,
      memberNo: worker1.memberNo,
      status: 'enrolled',
      waitlistPosition: null,
      offerExpiresAt: null,
      updatedAt: PINNED_NOW.toISOString(),
    })
    expect(first.data.nextCursor).toEqual(expect.any(String))

    const second = await admin<RosterResult>('roster', { courseId: COURSE, cursor: first.data.nextCursor })
    if (!second.ok) throw new Error(second.error.code)
    expect(second.data.nextCursor).toBeNull()
    const entries = second.data.entries
    expect(entries.map((e) => e.status)).toEqual([
      ...Array(10).fill('enrolled'),
      ...Array(5).fill('offered'),
      ...Array(10).fill('waitlisted'),
    ])
    expect(entries.slice(10, 15).every((e) => e.offerExpiresAt === at(12))).toBe(true)
    expect(entries.slice(15).map((e) => e.waitlistPosition)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(entries[15].name).toBe(user(w(116)).name)

    const names = [...first.data.entries, ...entries].map((e) => `${e.name}|${e.phone}`)
    expect(new Set(names).size).toBe(125)
    expect(JSON.stringify([first, second])).not.toMatch(/o_worker|_openid|"_id"|seats"/)
  })

  it('shows an empty roster for a course nobody joined', async () => {
    const reply = await admin<RosterResult>('roster', { courseId: COURSE })
    expect(reply).toMatchObject({ ok: true, data: { entries: [], nextCursor: null, seatsTaken: 0 } })
  })

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a made-up cursor', { cursor: 'not-a-cursor' }, 'COMMON.BAD_REQUEST', 'cursor'],
    ['a negative offset', { cursor: Buffer.from('{"o":-5}').toString('base64url') }, 'COMMON.BAD_REQUEST', 'cursor'],
    ['a huge cursor', { cursor: 'x'.repeat(5000) }, 'COMMON.BAD_REQUEST', 'cursor'],
    ['no course id', { courseId: undefined }, 'COMMON.BAD_REQUEST', 'courseId'],
    ['an unknown course', { courseId: 'c999' }, 'CATALOG.NOT_FOUND', 'courseId'],
    ['an unknown field', { includeOpenids: true }, 'COMMON.BAD_REQUEST', 'includeOpenids'],
  ])('refuses %s', async (_case, change, errorCode, field) => {
    const reply = await admin('roster', { courseId: COURSE, ...change })
    expect(reply).toMatchObject({ ok: false, error: { code: errorCode, field } })
  })
})
