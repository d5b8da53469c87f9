import { formatWhen } from '@core/time'
import { PNG } from 'pngjs'
import jsQR from 'jsqr'
import { COLLECTIONS } from '../../server/collections'
import type { AttendanceDoc } from '../../server/repos/attendance-repo'
import type { LessonDoc } from '../../server/repos/lesson-repo'
import type { UserDoc } from '../../server/repos/user-repo'
import { signToken, windowAt } from '../../server/checkin/token'
import type { AttendanceLiveResult, CheckInResult, CheckinCode } from '@core/contracts/checkin'
import type { LocalCloud } from '../../local-cloud'
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { fixtureWorker as w, moveOnlyLesson, seedStorm } from '../helpers/enroll-fixture'

const MIN = 60_000
const STAFF = 'o_staff_test'
const COURSE = 's001'
const LESSON = 's001_l1'

let cloud: LocalCloud
let lesson: LessonDoc
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(async () => {
  cloud.store.clear()
  seedStorm(cloud.store, { courses: 3, capacity: 3, workers: 6, now: PINNED_NOW })
  cloud.store.insert(COLLECTIONS.users, [
    { ...(cloud.store.find(COLLECTIONS.users, { _id: w(6) })[0] as object), _id: STAFF, role: 'staff' },
  ])
  pinClock()
  for (const n of [1, 2, 3]) await callAs(cloud, w(n), 'enrollment', 'enroll', { courseId: COURSE })
  await callAs(cloud, w(4), 'enrollment', 'enroll', { courseId: COURSE, joinWaitlist: true })
  lesson = cloud.store.find(COLLECTIONS.lessons, { _id: LESSON })[0] as unknown as LessonDoc
  // Ten minutes before the lesson: check-in is open.
  jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() - 10 * MIN))
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

const issue = (data: Record<string, unknown> = {}) =>
  callAs<CheckinCode>(cloud, STAFF, 'checkin', 'issueCheckinCode', { lessonId: LESSON, ...data })
const scan = (openid: string, code: string) => callAs<CheckInResult>(cloud, openid, 'checkin', 'checkIn', { code })
const attendance = () => cloud.store.find(COLLECTIONS.attendance, {}) as unknown as AttendanceDoc[]
const tokenNow = async () => {
  const reply = await issue()
  if (!reply.ok) throw new Error(reply.error.code)
  return reply.data.token
}

describe('the rotating code', () => {
  it('is a 24-character token, also drawn as a code that opens the check-in page', async () => {
    const reply = await issue({ withImage: true })
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data.token).toMatch(/^[A-Za-z0-9_-]{24}$/)
    expect(reply.data.path).toBe(`pages/checkin/index?scene=${reply.data.token}`)
    expect(reply.data.refreshInMs).toBeGreaterThan(0)
    expect(reply.data.refreshInMs).toBeLessThanOrEqual(15_000)
    const png = PNG.sync.read(Buffer.from(reply.data.imageBase64!, 'base64'))
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(reply.data.path)
    expect(reply.data.lesson).toMatchObject({ lessonId: LESSON, courseId: COURSE, index: 1, lessonCount: 1 })
  })

  it('changes every 15 seconds', async () => {
    const first = await tokenNow()
    jest.setSystemTime(new Date(Date.now() + 15_000))
    expect(await tokenNow()).not.toBe(first)
  })

  it('is shown to staff only', async () => {
    expect(await callAs(cloud, w(1), 'checkin', 'issueCheckinCode', { lessonId: LESSON })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
  })
})

describe('checkIn', () => {
  it('checks a worker in once; a repeat scan says "already" and keeps the first time', async () => {
    const token = await tokenNow()
    const first = await scan(w(1), token)
    expect(first).toMatchObject({ ok: true, data: { status: 'checked_in', late: false, lesson: { lessonId: LESSON } } })
    jest.setSystemTime(new Date(Date.now() + 5_000))
    const again = await scan(w(1), await tokenNow())
    expect(again).toMatchObject({ ok: true, data: { status: 'already' } })
    expect(again.ok && first.ok && again.data.at).toBe(first.ok && first.data.at)
    expect(attendance()).toHaveLength(1)
  })

  it('keeps one attendance when a worker scans ten times at once', async () => {
    const token = await tokenNow()
    const replies = await Promise.all(Array.from({ length: 10 }, () => scan(w(2), token)))
    expect(replies.filter((r) => r.ok && r.data.status === 'checked_in')).toHaveLength(1)
    expect(replies.every((r) => r.ok)).toBe(true)
    expect(attendance()).toHaveLength(1)
  })

  it('accepts the previous code but not an older one, nor a forged or foreign one', async () => {
    const token = await tokenNow()
    jest.setSystemTime(new Date(Date.now() + 15_000))
    expect(await scan(w(1), token)).toMatchObject({ ok: true })
    jest.setSystemTime(new Date(Date.now() + 15_000))
    expect(await scan(w(2), token)).toMatchObject({ ok: false, error: { code: 'CHECKIN.EXPIRED' } })
    const fresh = await tokenNow()
    const forged = fresh.slice(0, 14) + (fresh[14] === 'A' ? 'B' : 'A') + fresh.slice(15)
    expect(await scan(w(2), forged)).toMatchObject({ ok: false, error: { code: 'CHECKIN.BAD_CODE' } })
    const otherSecret = signToken('not-the-secret-of-this-env', lesson.shortId, windowAt(Date.now()))
    expect(await scan(w(2), otherSecret)).toMatchObject({ ok: false, error: { code: 'CHECKIN.BAD_CODE' } })
    expect(await scan(w(2), 'https://example.com/not-ours')).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.BAD_CODE' },
    })
    expect(attendance().map((a) => a.openid)).toEqual([w(1)])
  })

  it('reads the token out of the scanned path, as WeChat hands it over', async () => {
    const token = await tokenNow()
    expect(await scan(w(3), `pages/checkin/index?scene=${encodeURIComponent(token)}`)).toMatchObject({
      ok: true,
      data: { status: 'checked_in' },
    })
  })

  it('marks a check-in after the late mark as late', async () => {
    jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() + 11 * MIN))
    expect(await scan(w(1), await tokenNow())).toMatchObject({ ok: true, data: { late: true } })
  })

  it('opens 30 minutes before the lesson and closes when it ends', async () => {
    jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() - 31 * MIN))
    // No live code is issued before opening; one signed for this moment is refused all the same.
    const early = await scan(w(1), signToken(process.env.CHECKIN_SECRET!, lesson.shortId, windowAt(Date.now())))
    expect(early).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_OPEN' } })
    // The day is said too: a bare time is ambiguous the evening before.
    const opens = new Date(new Date(lesson.startsAt).getTime() - 30 * MIN)
    expect(!early.ok && early.error.message).toBe(`签到将于 ${formatWhen(opens, new Date())} 开放，请到时再签到`)
    expect(!early.ok && early.error.message).toMatch(/签到将于 今天 \d\d:\d\d 开放/)
    jest.setSystemTime(new Date(new Date(lesson.endsAt).getTime() + MIN))
    const late = signToken(process.env.CHECKIN_SECRET!, lesson.shortId, windowAt(Date.now()))
    expect(await scan(w(1), late)).toMatchObject({ ok: false, error: { code: 'CHECKIN.CLOSED' } })
    expect(attendance()).toHaveLength(0)
  })

  it('turns away a worker without a confirmed seat', async () => {
    const token = await tokenNow()
    expect(await scan(w(4), token)).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_ENROLLED' } })
    expect(await scan(w(5), token)).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_ENROLLED' } })
  })

  it.each([
    ['no code', {}],
    ['an empty code', { code: '' }],
    ['a number', { code: 42 }],
    ['a 600-character code', { code: 'x'.repeat(600) }],
    ['an unknown field', { code: 'a', lessonId: LESSON }],
  ])('refuses %s and writes nothing', async (_label, data) => {
    expect(await callAs(cloud, w(1), 'checkin', 'checkIn', data)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.BAD_REQUEST' },
    })
    expect(attendance()).toHaveLength(0)
  })
})

describe('attendance for staff', () => {
  it('shows who is in and who is missing, without openids, and lets staff mark one by hand with a reason', async () => {
    const token = await tokenNow()
    await scan(w(1), token)
    // 补签 is for a lesson under way: five minutes after the start.
    jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() + 5 * MIN))
    const live = await callAs<AttendanceLiveResult>(cloud, STAFF, 'checkin', 'attendanceLive', { lessonId: LESSON })
    if (!live.ok) throw new Error(live.error.code)
    expect(live.data).toMatchObject({ expected: 3, present: 1, late: 0 })
    expect(live.data.entries.map((e) => e.status)).toEqual(['absent', 'absent', 'present'])
    expect(JSON.stringify(live.data)).not.toMatch(/o_storm_/)
    const missing = live.data.entries.find((e) => e.status === 'absent')!
    expect(missing.phoneTail).toMatch(/^\d{4}$/)

    const refused = await callAs(cloud, STAFF, 'checkin', 'markAttendance', {
      lessonId: LESSON,
      ref: missing.ref,
      reason: '',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST', field: 'reason' } })
    const marked = await callAs(cloud, STAFF, 'checkin', 'markAttendance', {
      lessonId: LESSON,
      ref: missing.ref,
      reason: '手机没电',
    })
    expect(marked).toEqual({ ok: true, data: { status: 'checked_in' } })
    const manual = attendance().find((a) => a.method === 'manual')!
    expect(manual).toMatchObject({ staffOpenid: STAFF, reason: '手机没电' })
    const again = await callAs(cloud, STAFF, 'checkin', 'markAttendance', {
      lessonId: LESSON,
      ref: missing.ref,
      reason: '重复',
    })
    expect(again).toEqual({ ok: true, data: { status: 'already' } })
    expect(
      await callAs(cloud, STAFF, 'checkin', 'markAttendance', {
        lessonId: LESSON,
        ref: 'AAAAAAAAAAAA',
        reason: '路过',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CHECKIN.NOT_ENROLLED' },
    })
  })

  it('refuses workers', async () => {
    for (const action of ['attendanceLive', 'markAttendance']) {
      expect(await callAs(cloud, w(1), 'checkin', action, { lessonId: LESSON })).toMatchObject({
        ok: false,
        error: { code: 'AUTH.FORBIDDEN' },
      })
    }
  })

  it('tells a worker which lessons they attended', async () => {
    await scan(w(2), await tokenNow())
    const mine = await callAs(cloud, w(2), 'checkin', 'myAttendance')
    expect(mine).toMatchObject({ ok: true, data: { lessons: { [LESSON]: { late: false } } } })
    expect(await callAs(cloud, w(3), 'checkin', 'myAttendance')).toEqual({ ok: true, data: { lessons: {} } })
  })
})

describe('counting no-shows after a lesson', () => {
  const trigger = () => listTriggers(cloud).find((t) => t.functionName === 'checkin')!
  const user = (openid: string) => cloud.store.find(COLLECTIONS.users, { _id: openid })[0] as unknown as UserDoc
  const absentRef = async (openid: string) => {
    const live = await callAs<AttendanceLiveResult>(cloud, STAFF, 'checkin', 'attendanceLive', { lessonId: LESSON })
    if (!live.ok) throw new Error(live.error.code)
    const names = new Map([[w(2), '职工2']])
    return live.data.entries.find((e) => e.name === (names.get(openid) ?? ''))!.ref
  }

  it('counts each absent worker once, even when two timer runs overlap', async () => {
    await scan(w(1), await tokenNow())
    jest.setSystemTime(new Date(new Date(lesson.endsAt).getTime() + 5 * MIN))
    expect(trigger().cron).toBe('0 */10 * * * * *')
    const [a, b] = await Promise.all([fireTrigger(cloud, trigger()), fireTrigger(cloud, trigger())])
    const counted = [a, b].map((r) => (r as { data: { noShows: number } }).data.noShows)
    expect(counted[0] + counted[1]).toBe(2)
    const users = cloud.store.find(COLLECTIONS.users, {}) as unknown as UserDoc[]
    const shows = Object.fromEntries(users.map((u) => [u._id, u.noShowCount]))
    expect(shows).toMatchObject({ [w(1)]: 0, [w(2)]: 1, [w(3)]: 1, [w(4)]: 0 })
    expect(user(w(2)).noShows).toEqual([{ lessonId: LESSON, at: new Date(lesson.endsAt) }])
  })

  it('refuses a 补签 before the lesson has started, and writes nothing', async () => {
    const ref = await absentRef(w(2))
    const early = await callAs(cloud, STAFF, 'checkin', 'markAttendance', { lessonId: LESSON, ref, reason: '提前到场' })
    expect(early).toMatchObject({ ok: false, error: { code: 'CHECKIN.NOT_STARTED', field: 'lessonId' } })
    expect(!early.ok && early.error.message).toMatch(/开课后才能补签/)
    expect(attendance()).toHaveLength(0)
  })

  it('takes the no-show back after a 补签 and lifts the suspension it caused (case 9)', async () => {
    // Two earlier no-shows within 60 days: this lesson's is the third.
    const earlier = [10, 20].map((days) => ({
      lessonId: `old_${days}`,
      at: new Date(PINNED_NOW.getTime() - days * 86400_000),
    }))
    cloud.store.update(
      COLLECTIONS.users,
      { _id: w(2) },
      { $set: { noShows: earlier, noShowCount: 2 } },
      { multi: false, merge: true, upsert: false },
    )
    const ref = await absentRef(w(2))
    // Another course, still open for enrollment after this lesson.
    moveOnlyLesson(cloud.store, 's002', new Date(PINNED_NOW.getTime() + 40 * 86400_000))
    cloud.store.update(
      COLLECTIONS.courses,
      { _id: 's002' },
      { $set: { enrollClosesAt: new Date(PINNED_NOW.getTime() + 30 * 86400_000) } },
      { multi: false, merge: true, upsert: false },
    )
    jest.setSystemTime(new Date(new Date(lesson.endsAt).getTime() + 5 * MIN))
    expect(await fireTrigger(cloud, trigger())).toMatchObject({ ok: true, data: { noShows: 3, suspended: 1 } })
    expect(user(w(2))).toMatchObject({ noShowCount: 3, suspendedBy: LESSON })
    expect(new Date(user(w(2)).suspendedUntil).getTime()).toBeGreaterThan(Date.now())
    expect(await callAs(cloud, w(2), 'enrollment', 'enroll', { courseId: 's002' })).toMatchObject({
      ok: false,
      error: { code: 'ENROLL.SUSPENDED' },
    })

    const marked = await callAs(cloud, STAFF, 'checkin', 'markAttendance', {
      lessonId: LESSON,
      ref,
      reason: '签到时手机没电',
    })
    expect(marked).toEqual({ ok: true, data: { status: 'checked_in' } })
    expect(user(w(2))).toMatchObject({
      noShowCount: 2,
      noShows: earlier,
      suspendedUntil: new Date(0),
      suspendedBy: null,
    })
    expect(await callAs(cloud, w(2), 'enrollment', 'enroll', { courseId: 's002' })).toMatchObject({ ok: true })
    // A later run does not count the lesson again.
    expect(await fireTrigger(cloud, trigger())).toMatchObject({ ok: true, data: { noShows: 0 } })
    expect(user(w(2)).noShowCount).toBe(2)
  })
})
