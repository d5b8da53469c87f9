/**
 * Check-in that proves presence (issue #9): a relayed class code is refused without a position near the
 * venue; 反扫 (staff scan the worker's own code) proves presence alone; the 6-digit code counts only with
 * a position or the staff's allowance, and is locked after DIGITS_MAX_WRONG wrong tries; 补签 can be
 * taken back at once, audited. Through the bundled function on the local cloud, clock pinned.
 */
import { COLLECTIONS } from '../../server/collections'
import type { AttendanceDoc } from '../../server/repos/attendance-repo'
import type { LessonDoc } from '../../server/repos/lesson-repo'
import type { CourseDoc } from '../../server/repos/course-doc'
import type { CourseInput } from '@core/contracts/admin'
import { digitsFor, DIGITS_WINDOW_MS, signToken, windowAt, workerRef } from '../../server/checkin/token'
import type {
  AttendanceLiveResult,
  CheckInResult,
  CheckinCode,
  MyCheckinCode,
  MyCheckinLessonsResult,
  StaffCheckInResult,
} from '@core/contracts/checkin'
import type { LocalCloud } from '../../local-cloud'
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { fixtureWorker as w, seedStorm } from '../helpers/enroll-fixture'

const MIN = 60_000
const STAFF = 'o_staff_presence'
const COURSE = 's001'
const LESSON = 's001_l1'
/** The venue (GCJ-02), and points due north of it. */
const VENUE = { lat: 30.2741, lng: 120.1551 }
const M_PER_DEG = (6_371_008.8 * Math.PI) / 180
const near = (m = 50, accuracy = 20) => ({ latitude: VENUE.lat + m / M_PER_DEG, longitude: VENUE.lng, accuracy })
/** The friend at home, 12 km away, with a fine GPS fix. */
const HOME = { latitude: VENUE.lat + 0.108, longitude: VENUE.lng, accuracy: 10 }

let cloud: LocalCloud
let lesson: LessonDoc
const secret = () => process.env.CHECKIN_SECRET!

beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(async () => {
  cloud.store.clear()
  seedStorm(cloud.store, { courses: 2, capacity: 3, workers: 6, now: PINNED_NOW })
  cloud.store.insert(COLLECTIONS.users, [
    { ...(cloud.store.find(COLLECTIONS.users, { _id: w(6) })[0] as object), _id: STAFF, role: 'staff' },
  ])
  setField(COLLECTIONS.courses, COURSE, { venue: { name: '职工文化中心', address: '杭州', ...VENUE } })
  pinClock()
  for (const n of [1, 2, 3]) await callAs(cloud, w(n), 'enrollment', 'enroll', { courseId: COURSE })
  lesson = readLesson()
  // Ten minutes before the lesson, on a window boundary: check-in is open.
  jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() - 10 * MIN))
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

function setField(coll: string, id: string, set: Record<string, unknown>) {
  cloud.store.update(coll, { _id: id }, { $set: set }, { multi: false, merge: true, upsert: false })
}
const readLesson = () => cloud.store.find(COLLECTIONS.lessons, { _id: LESSON })[0] as unknown as LessonDoc
const attendance = () => cloud.store.find(COLLECTIONS.attendance, {}) as unknown as AttendanceDoc[]
const later = (ms: number) => jest.setSystemTime(new Date(Date.now() + ms))
const classToken = () => signToken(secret(), lesson.shortId, windowAt(Date.now()))
const scan = (openid: string, data: Record<string, unknown>) =>
  callAs<CheckInResult>(cloud, openid, 'checkin', 'checkIn', data)
const typeDigits = (openid: string, data: Record<string, unknown>) =>
  callAs<CheckInResult>(cloud, openid, 'checkin', 'checkInDigits', { lessonId: LESSON, ...data })
const staff = <T>(action: string, data: Record<string, unknown>) => callAs<T>(cloud, STAFF, 'checkin', action, data)
const issue = () => staff<CheckinCode>('issueCheckinCode', { lessonId: LESSON })
const digitsNow = () => digitsFor(secret(), lesson.shortId, windowAt(Date.now(), DIGITS_WINDOW_MS))
async function workerCode(openid: string): Promise<string> {
  const reply = await callAs<MyCheckinCode>(cloud, openid, 'checkin', 'myCheckinCode', { lessonId: LESSON })
  if (!reply.ok) throw new Error(reply.error.code)
  return reply.data.code
}

describe('a class code relayed to a worker elsewhere', () => {
  it('is refused without a position, from 12 km away and with a vague fix; writes nothing', async () => {
    const code = classToken()
    expect(await scan(w(1), { code })).toMatchObject({ ok: false, error: { code: 'CHECKIN.LOCATION_REQUIRED' } })
    const far = await scan(w(1), { code, position: HOME })
    expect(far).toMatchObject({ ok: false, error: { code: 'CHECKIN.TOO_FAR' } })
    expect(!far.ok && far.error.message).toMatch(/约 12\.0 公里，需在 300 米内/)
    const vague = await scan(w(1), { code, position: near(0, 800) })
    expect(vague).toMatchObject({ ok: false, error: { code: 'CHECKIN.LOCATION_TOO_COARSE' } })
    expect(!vague.ok && vague.error.message).toContain('定位不够精确')
    expect(attendance()).toHaveLength(0)
  })

  it('checks in the worker in the room, keeping the distance for an audit', async () => {
    expect(await scan(w(1), { code: classToken(), position: near(120, 30) })).toMatchObject({
      ok: true,
      data: { status: 'checked_in' },
    })
    expect(attendance()).toMatchObject([{ openid: w(1), method: 'scan', distanceM: 120 }])
  })

  it('needs no position where the course or this lesson turned location off, or the venue has no coordinates', async () => {
    setField(COLLECTIONS.courses, COURSE, { presence: 'none' })
    expect(await scan(w(1), { code: classToken() })).toMatchObject({ ok: true })
    setField(COLLECTIONS.courses, COURSE, { presence: 'location' })
    expect(await staff('setCheckinOptions', { lessonId: LESSON, presence: 'none' })).toMatchObject({
      ok: true,
      data: { mode: 'none', venueLocated: true },
    })
    expect(await scan(w(2), { code: classToken() })).toMatchObject({ ok: true })
    setField(COLLECTIONS.lessons, LESSON, { presence: 'location' })
    setField(COLLECTIONS.courses, COURSE, { venue: { name: '职工文化中心', address: '杭州' } })
    expect(await scan(w(3), { code: classToken() })).toMatchObject({ ok: true })
  })

  it('uses the radius set on the course', async () => {
    setField(COLLECTIONS.courses, COURSE, { checkinRadiusM: 100 })
    expect(await scan(w(1), { code: classToken(), position: near(250, 10) })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.TOO_FAR' },
    })
    expect(await scan(w(1), { code: classToken(), position: near(105, 10) })).toMatchObject({ ok: true })
  })

  it('accepts the previous window only for 5 seconds into the next', async () => {
    const code = classToken()
    later(15_000 + 4_000)
    expect(await scan(w(1), { code, position: near() })).toMatchObject({ ok: true })
    later(2_000)
    expect(await scan(w(2), { code, position: near() })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.EXPIRED' },
    })
  })

  it('answers an old code with the first check-in to a worker already in, and expired to anyone else', async () => {
    const code = classToken()
    const first = await scan(w(1), { code, position: near() })
    expect(first).toMatchObject({ ok: true, data: { status: 'checked_in' } })
    later(60_000)
    const again = await scan(w(1), { code, position: near() })
    expect(again).toMatchObject({ ok: true, data: { status: 'already' } })
    expect(again.ok && first.ok && again.data.at).toBe(first.ok && first.data.at)
    expect(await scan(w(2), { code, position: near() })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.EXPIRED' },
    })
  })

  it('tells a worker without a seat 您未报名这门课', async () => {
    const reply = await scan(w(5), { code: classToken(), position: near() })
    expect(reply).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_ENROLLED' } })
    expect(!reply.ok && reply.error.message).toContain('您未报名这门课')
  })
})

describe('the staff code screen', () => {
  it('hands out no live code before check-in opens, and the digits and presence once it does', async () => {
    jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() - 40 * MIN))
    const early = await issue()
    expect(early).toMatchObject({ ok: true, data: { live: false, token: '', path: '', digits: '' } })
    expect(early.ok && early.data.refreshInMs).toBe(10 * MIN)
    jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() - 10 * MIN))
    const open = await issue()
    expect(open).toMatchObject({
      ok: true,
      data: { live: true, presence: { mode: 'location', radiusM: 300, venueLocated: true, allowDigits: false } },
    })
    expect(open.ok && open.data.digits).toMatch(/^\d{6}$/)
    expect(open.ok && open.data.digits).toBe(digitsNow())
  })
})

describe("反扫: staff scan the worker's own code", () => {
  it('lists the lesson of today for the worker and issues a code that names nobody in clear', async () => {
    const mine = await callAs<MyCheckinLessonsResult>(cloud, w(1), 'checkin', 'myCheckinLessons', {})
    expect(mine).toMatchObject({ ok: true, data: { lessons: [{ lesson: { lessonId: LESSON }, checkedIn: false }] } })
    const code = await workerCode(w(1))
    expect(code).toMatch(/^W[A-Za-z0-9_-]{36}$/)
    expect(code).not.toContain(w(1))
    expect(await callAs(cloud, w(5), 'checkin', 'myCheckinCode', { lessonId: LESSON })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.NOT_ENROLLED' },
    })
  })

  it('checks the worker in without a position and shows staff the name and employer', async () => {
    const code = await workerCode(w(2))
    const first = await staff<StaffCheckInResult>('staffCheckIn', { code, lessonId: LESSON })
    expect(first).toMatchObject({
      ok: true,
      data: { status: 'checked_in', name: '职工2', employer: '测试单位', lesson: { lessonId: LESSON } },
    })
    expect(await staff('staffCheckIn', { code, lessonId: LESSON })).toMatchObject({
      ok: true,
      data: { status: 'already' },
    })
    expect(attendance()).toMatchObject([{ openid: w(2), method: 'staff_scan', staffOpenid: STAFF }])
  })

  it("refuses a forged, an expired and another lesson's code, and writes nothing", async () => {
    const code = await workerCode(w(1))
    const forged = code.slice(0, 30) + (code[30] === 'A' ? 'B' : 'A') + code.slice(31)
    expect(await staff('staffCheckIn', { code: forged })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.BAD_WORKER_CODE' },
    })
    expect(await staff('staffCheckIn', { code: classToken() })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.BAD_WORKER_CODE' },
    })
    expect(await staff('staffCheckIn', { code, lessonId: 's002_l1' })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.OTHER_LESSON' },
    })
    later(61_000)
    expect(await staff('staffCheckIn', { code })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.WORKER_CODE_EXPIRED' },
    })
    expect(attendance()).toHaveLength(0)
  })

  it('refuses workers calling staffCheckIn', async () => {
    const code = await workerCode(w(1))
    expect(await callAs(cloud, w(2), 'checkin', 'staffCheckIn', { code })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
    expect(attendance()).toHaveLength(0)
  })
})

describe('the 6-digit code', () => {
  it('counts only with a position near the venue, or where staff allowed digits alone', async () => {
    expect(await typeDigits(w(1), { digits: digitsNow() })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.DIGITS_NEED_LOCATION' },
    })
    expect(await typeDigits(w(1), { digits: digitsNow(), position: HOME })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.TOO_FAR' },
    })
    expect(await typeDigits(w(1), { digits: digitsNow(), position: near() })).toMatchObject({
      ok: true,
      data: { status: 'checked_in' },
    })
    expect(await staff('setCheckinOptions', { lessonId: LESSON, allowDigits: true })).toMatchObject({
      ok: true,
      data: { allowDigits: true },
    })
    expect(await typeDigits(w(2), { digits: digitsNow() })).toMatchObject({ ok: true })
    expect(attendance().map((a) => a.method)).toEqual(['digits', 'digits'])
  })

  it('is refused alone where the venue has no coordinates and staff did not allow it', async () => {
    setField(COLLECTIONS.courses, COURSE, { venue: { name: '线上', address: '线上' } })
    expect(await typeDigits(w(1), { digits: digitsNow(), position: near() })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.DIGITS_NOT_ALLOWED' },
    })
  })

  it("takes last minute's digits for 20 seconds, not longer", async () => {
    const digits = digitsNow()
    later(MIN + 15_000)
    expect(await typeDigits(w(1), { digits, position: near() })).toMatchObject({ ok: true })
    later(10_000)
    expect(await typeDigits(w(2), { digits, position: near() })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.WRONG_DIGITS' },
    })
  })

  it('locks a worker out of digits after 5 wrong codes, one write each, and leaves others alone', async () => {
    const right = digitsNow()
    const wrong = right === '000000' ? '111111' : '000000'
    const replies = []
    for (let i = 0; i < 5; i++) {
      const { reply, stats } = await cloud.callWithStats(
        'checkin',
        { action: 'checkInDigits', lessonId: LESSON, digits: wrong, position: near() },
        { OPENID: w(1) },
      )
      expect(stats.writes).toBe(1)
      replies.push(reply as { ok: boolean; error?: { code: string; message: string } })
    }
    expect(replies.map((r) => r.error?.code)).toEqual([
      'CHECKIN.WRONG_DIGITS',
      'CHECKIN.WRONG_DIGITS',
      'CHECKIN.WRONG_DIGITS',
      'CHECKIN.WRONG_DIGITS',
      'CHECKIN.DIGITS_LOCKED',
    ])
    expect(replies[3].error?.message).toContain('还可以再试 1 次')
    expect(await typeDigits(w(1), { digits: right, position: near() })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.DIGITS_LOCKED' },
    })
    expect(await typeDigits(w(2), { digits: right, position: near() })).toMatchObject({ ok: true })
    // The count is kept by an opaque handle, not the openid; 反扫 still works for the locked worker.
    expect(readLesson().codeGuesses).toEqual({ [workerRef(secret(), LESSON, w(1))]: 5 })
    expect(await staff('staffCheckIn', { code: await workerCode(w(1)) })).toMatchObject({ ok: true })
  })
})

describe('补签 with undo', () => {
  const live = async () => {
    const reply = await staff<AttendanceLiveResult>('attendanceLive', { lessonId: LESSON })
    if (!reply.ok) throw new Error(reply.error.code)
    return reply.data
  }

  it('takes back a 补签 just made, keeps the audit, and never removes a check-in the worker made', async () => {
    jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() + 5 * MIN))
    await scan(w(2), { code: classToken(), position: near() })
    const entries = (await live()).entries
    const ref = (n: number) => entries.find((e) => e.name === `职工${n}`)!.ref
    expect(await staff('markAttendance', { lessonId: LESSON, ref: ref(1), reason: '手机没电' })).toMatchObject({
      ok: true,
    })
    expect(
      attendance()
        .map((a) => a.openid)
        .sort(),
    ).toEqual([w(1), w(2)])
    later(30_000)
    expect(await staff('undoMark', { lessonId: LESSON, ref: ref(1) })).toMatchObject({
      ok: true,
      data: { status: 'undone' },
    })
    expect(attendance().map((a) => a.openid)).toEqual([w(2)])
    expect(readLesson().undoneMarks).toMatchObject([
      { ref: ref(1), markedBy: STAFF, reason: '手机没电', undoneBy: STAFF },
    ])
    expect(await staff('undoMark', { lessonId: LESSON, ref: ref(2) })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.UNDO_EXPIRED' },
    })
    expect(attendance().map((a) => a.openid)).toEqual([w(2)])
  })

  it('refuses an undo after two minutes, and refuses workers', async () => {
    jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() + 5 * MIN))
    const ref = (await live()).entries.find((e) => e.name === '职工3')!.ref
    await staff('markAttendance', { lessonId: LESSON, ref, reason: '现场核实' })
    expect(await callAs(cloud, w(3), 'checkin', 'undoMark', { lessonId: LESSON, ref })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
    later(2 * MIN + 1000)
    expect(await staff('undoMark', { lessonId: LESSON, ref })).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.UNDO_EXPIRED' },
    })
    expect(attendance()).toHaveLength(1)
  })

  it('finishes an undo cut short after any step — by the retry, even past two minutes, or by the timer', async () => {
    // The lesson is over and its no-shows counted: 补签 takes w1's away, the undo must put it back.
    jest.setSystemTime(new Date(new Date(lesson.endsAt).getTime() + 15 * MIN))
    const timer = () =>
      fireTrigger(
        cloud,
        listTriggers(cloud).find((t) => t.functionName === 'checkin')!,
      )
    expect(await timer()).toMatchObject({ ok: true, data: { noShows: 3 } })
    const ref = (await live()).entries.find((e) => e.name === '职工1')!.ref
    const noShows = () =>
      (cloud.store.find(COLLECTIONS.users, { _id: w(1) })[0] as { noShows: { lessonId: string }[] }).noShows.filter(
        (n) => n.lessonId === LESSON,
      ).length
    const audits = () => readLesson().undoneMarks ?? []
    let begunSeen = 0
    let marks = 0
    for (let crashAfter = 1; ; crashAfter++) {
      later(10_000)
      expect(await staff('markAttendance', { lessonId: LESSON, ref, reason: '手机没电' })).toMatchObject({ ok: true })
      marks++
      expect(noShows()).toBe(0)
      const before = audits().length
      const undo = await cloud.callWithStats(
        'checkin',
        { action: 'undoMark', lessonId: LESSON, ref },
        { OPENID: STAFF, SOURCE: 'wx_client' },
        { faults: { crashAfter } },
      )
      if (!undo.died) {
        expect(undo.reply).toMatchObject({ ok: true, data: { status: 'undone' } })
        break
      }
      if (audits().length === before) {
        // Cut before the audit entry: nothing changed, and the staff member's retry undoes it.
        expect(attendance().map((a) => a.openid)).toEqual([w(1)])
        expect(await staff('undoMark', { lessonId: LESSON, ref })).toMatchObject({ ok: true })
      } else {
        begunSeen++
        later(3 * MIN) // past the undo window: an undo already begun still finishes
        if (crashAfter % 2) {
          expect(await staff('undoMark', { lessonId: LESSON, ref })).toMatchObject({
            ok: true,
            data: { status: 'undone' },
          })
        } else {
          expect(await timer()).toMatchObject({ ok: true, data: { undosFinished: expect.any(Number) } })
        }
      }
      expect(attendance()).toEqual([])
      expect(noShows()).toBe(1)
    }
    // Both ways out of a begun undo were taken: the retry and the timer.
    expect(begunSeen).toBeGreaterThanOrEqual(2)
    // One audit entry per mark taken back, however often its undo ran.
    const keys = audits().map((u) => u.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toHaveLength(marks)
  })
})

describe("the course's check-in settings (staff course form)", () => {
  const at = (hours: number) => new Date(Date.now() + hours * 3600_000).toISOString()
  const input = (overrides: Partial<CourseInput> = {}): CourseInput => ({
    title: '无人机航拍入门',
    category: '无人机',
    summary: '从起飞到构图。',
    instructor: '刘强',
    venue: { name: '职工文化中心', address: '杭州', ...VENUE },
    capacity: 20,
    enrollOpensAt: at(-1),
    enrollClosesAt: at(24 * 6),
    lessons: [{ startsAt: at(24 * 7), endsAt: at(24 * 7 + 2) }],
    ...overrides,
  })
  const stored = (id: string) => cloud.store.find(COLLECTIONS.courses, { _id: id })[0] as unknown as CourseDoc

  it('stores the switch and the radius, keeps them on an edit that leaves them out, refuses a radius out of range', async () => {
    const reply = await callAs<{ courseId: string }>(cloud, STAFF, 'admin', 'upsertCourse', {
      course: input({ presence: 'none', checkinRadiusM: 150 }),
    })
    if (!reply.ok) throw new Error(reply.error.message)
    const id = reply.data.courseId
    expect(stored(id)).toMatchObject({ presence: 'none', checkinRadiusM: 150, venue: VENUE })
    await callAs(cloud, STAFF, 'admin', 'upsertCourse', { course: input({ id, title: '无人机航拍入门（二期）' }) })
    expect(stored(id)).toMatchObject({ title: '无人机航拍入门（二期）', presence: 'none', checkinRadiusM: 150 })
    const tooSmall = await callAs(cloud, STAFF, 'admin', 'upsertCourse', { course: input({ id, checkinRadiusM: 20 }) })
    expect(tooSmall).toMatchObject({ ok: false, error: { field: 'course.checkinRadiusM' } })
    expect(stored(id).checkinRadiusM).toBe(150)
  })
})
