/**
 * What each action costs the database, counted by the local cloud for every request the bundled
 * function sends (deterministic: no timing). The budget is README's table "What an action costs"; in a
 * rush nearly every call is a refusal, so refusals must be cheapest of all.
 */
import { COLLECTIONS } from '../../server/collections'
import { newUserDoc } from '../../server/repos/user-repo'
import { CONSENT_VERSION } from '@core/contracts/user'
import type { LocalCloud } from '../../local-cloud'
import { pinClock, startTestCloud } from '../helpers/cloud'
import { seedStorm } from '../helpers/enroll-fixture'

const T0 = new Date('2026-12-01T01:00:00.000Z')
const DAY = 86400_000
const STAFF = 'o_staff_budget'

let cloud: LocalCloud
let open: string // 2 seats
let full: string // 1 seat, taken, with a waitlist of its capacity
let w: string[]

/** Requests and writes of one call, and its reply. */
async function cost(fn: string, openid: string | undefined, event: Record<string, unknown>) {
  const identity = openid ? { OPENID: openid } : { SOURCE: 'wx_trigger' }
  const { reply, died, stats } = await cloud.callWithStats(fn, event, identity)
  if (died) throw died
  return {
    reply: reply as { ok: boolean; error?: { code: string } },
    requests: stats.requests,
    writes: stats.writes,
    changed: stats.changed,
  }
}
const enroll = (k: number, courseId: string, joinWaitlist = false) =>
  cost('enrollment', w[k], { action: 'enroll', courseId, joinWaitlist })
const seat = (k: number, courseId: string, action: string) => cost('enrollment', w[k], { action, courseId })
const setField = (coll: string, id: string, set: Record<string, unknown>) =>
  cloud.store.update(coll, { _id: id }, { $set: set }, { multi: false, merge: true, upsert: false })

beforeEach(async () => {
  pinClock(T0)
  ;({ cloud } = await startTestCloud())
  const seeded = seedStorm(cloud.store, { courses: 6, capacity: 2, workers: 12, now: T0 })
  w = seeded.openids
  ;[open, full] = seeded.courseIds
  const profile = { name: '工作人员', phone: '13900000000', employer: '市总工会', memberNo: null }
  cloud.store.insert(COLLECTIONS.users, [
    newUserDoc(STAFF, { ...profile, consent: { version: CONSENT_VERSION, at: T0 } }, T0, 'staff'),
  ])
  setField(COLLECTIONS.courses, full, { capacity: 1, seatsLeft: 1 })
  for (const k of [8, 9, 10]) await enroll(k, full, true) // w8 seated, w9 waiting; w10 is refused (waitlist full)
  // Each budget below is what a tap costs on an instance that has not heard "full" within the last
  // second (the admission gate's own budget is measured apart).
  cloud.functions.dropInstances()
})

afterEach(() => {
  cloud.close()
  jest.useRealTimers()
})

describe('enroll', () => {
  it('refuses a worker who lost the last seat to a concurrent tap in at most 3 requests, writing nothing', async () => {
    setField(COLLECTIONS.courses, open, { capacity: 1, seatsLeft: 1 })
    const [a, b] = await Promise.all([enroll(0, open), enroll(1, open)])
    const [winner, loser, k] = a.reply.ok ? [a, b, 1] : [b, a, 0]
    expect(winner.reply).toMatchObject({ ok: true })
    expect(loser.reply).toMatchObject({ ok: false, error: { code: 'ENROLL.FULL' } })
    // Read "free", the ledger refused (no document changed), read again: full.
    expect(loser.requests).toBeLessThanOrEqual(3)
    expect(loser.writes).toBeLessThanOrEqual(1)
    expect(loser.changed).toBe(0)
    expect(winner.changed).toBe(3)
    const user = cloud.store.find(COLLECTIONS.users, { _id: w[k] })[0] as { activeCourses: string[] }
    expect(user.activeCourses).toEqual([])
    expect(cloud.store.find(COLLECTIONS.enrollments, { _id: `${open}_${w[k]}` })).toEqual([])
  })

  it('takes a seat in at most 4 requests, 3 of them writes', async () => {
    const c = await enroll(0, open)
    expect(c.reply).toMatchObject({ ok: true })
    expect(c.requests).toBeLessThanOrEqual(4)
    expect(c.writes).toBeLessThanOrEqual(3)
  })

  it('joins the waitlist in at most 4 requests, 3 of them writes', async () => {
    setField(COLLECTIONS.courses, full, { waitlistLimit: 5 })
    const c = await enroll(0, full, true)
    expect(c.reply).toMatchObject({ ok: true })
    expect(c.requests).toBeLessThanOrEqual(4)
    expect(c.writes).toBeLessThanOrEqual(3)
  })

  it.each([
    ['full, no waitlist asked', () => enroll(0, full), 'ENROLL.FULL'],
    ['the waitlist full', () => enroll(0, full, true), 'ENROLL.WAITLIST_FULL'],
    ['not found', () => enroll(0, 'no-such-course'), 'CATALOG.NOT_FOUND'],
  ])('refuses a course that is %s from one read, writing nothing', async (_, run, code) => {
    const c = await run()
    expect(c.reply).toMatchObject({ ok: false, error: { code } })
    expect(c.requests).toBe(1)
    expect(c.writes).toBe(0)
  })

  it.each([
    ['not open yet', { enrollOpensAt: new Date(T0.getTime() + DAY) }, 'ENROLL.NOT_OPEN'],
    ['closed', { enrollClosesAt: new Date(T0.getTime() - 1) }, 'ENROLL.CLOSED'],
    ['cancelled', { status: 'cancelled' }, 'ENROLL.COURSE_CANCELLED'],
  ])('refuses a course that is %s from one read, writing nothing', async (_, set, code) => {
    setField(COLLECTIONS.courses, open, set)
    const c = await enroll(0, open)
    expect(c.reply).toMatchObject({ ok: false, error: { code } })
    expect([c.requests, c.writes]).toEqual([1, 0])
  })

  it('refuses a full course on a warm instance without a database request, but not its own holders', async () => {
    expect((await enroll(0, full, true)).requests).toBe(1) // heard: seats and waitlist full
    for (const [k, wait, answer] of [
      [1, true, 'ENROLL.WAITLIST_FULL'],
      [2, false, 'ENROLL.FULL'],
    ] as const) {
      const c = await enroll(k, full, wait)
      expect([c.reply, c.requests]).toMatchObject([{ ok: false, error: { code: answer } }, 0])
    }
    // A worker who holds a place gets their own answer from the database.
    const seated = await enroll(8, full, true)
    expect([seated.reply, seated.requests]).toMatchObject([{ ok: false, error: { code: 'ENROLL.ALREADY' } }, 1])
  })

  it('refuses a worker already holding the course from one read', async () => {
    const c = await enroll(8, full, true)
    expect(c.reply).toMatchObject({ ok: false, error: { code: 'ENROLL.ALREADY' } })
    expect([c.requests, c.writes]).toEqual([1, 0])
  })

  it.each([
    ['suspended', { suspendedUntil: new Date(T0.getTime() + DAY) }, 'ENROLL.SUSPENDED'],
    ['without consent', { consent: { version: 'old', at: T0 } }, 'ENROLL.PROFILE_INCOMPLETE'],
  ])('refuses a worker who is %s in at most 2 requests, writing nothing', async (_, set, code) => {
    setField(COLLECTIONS.users, w[0], set)
    const c = await enroll(0, open)
    expect(c.reply).toMatchObject({ ok: false, error: { code } })
    expect(c.requests).toBeLessThanOrEqual(2)
    expect(c.writes).toBe(0)
  })

  it('refuses a worker at the 3-course limit in at most 2 requests, writing nothing', async () => {
    const others = (cloud.store.find(COLLECTIONS.courses, {}) as unknown as { _id: string }[])
      .map((c) => c._id)
      .filter((id) => id !== open && id !== full)
    for (const id of others.slice(0, 3)) expect((await enroll(0, id)).reply).toMatchObject({ ok: true })
    const c = await enroll(0, open)
    expect(c.reply).toMatchObject({ ok: false, error: { code: 'ENROLL.LIMIT_REACHED' } })
    expect(c.requests).toBeLessThanOrEqual(2)
    expect(c.writes).toBe(0)
  })
})

describe('giving back', () => {
  it('cancels a seat and hands it to the waitlist in at most 5 requests', async () => {
    const c = await seat(8, full, 'cancel')
    expect(c.reply).toMatchObject({ ok: true })
    expect(c.requests).toBeLessThanOrEqual(5)
  })

  it('cancels a seat nobody waits for in at most 5 requests', async () => {
    await enroll(0, open)
    const c = await seat(0, open, 'cancel')
    expect(c.reply).toMatchObject({ ok: true })
    expect(c.requests).toBeLessThanOrEqual(5)
  })

  it('confirms an offer in at most 3 requests', async () => {
    await seat(8, full, 'cancel') // w9 is offered the seat
    const c = await seat(9, full, 'confirmOffer')
    expect(c.reply).toMatchObject({ ok: true })
    expect(c.requests).toBeLessThanOrEqual(3)
  })

  it('declines an offer nobody else waits for in at most 3 requests', async () => {
    await seat(8, full, 'cancel')
    const c = await seat(9, full, 'declineOffer')
    expect(c.reply).toMatchObject({ ok: true })
    expect(c.requests).toBeLessThanOrEqual(3)
    expect(c.writes).toBeLessThanOrEqual(2)
  })

  it('declines an offer and hands the seat on in at most 3 requests', async () => {
    setField(COLLECTIONS.courses, full, { waitlistLimit: 5 })
    await enroll(11, full, true) // w11 waits behind w9
    await seat(8, full, 'cancel')
    const c = await seat(9, full, 'declineOffer')
    expect(c.reply).toMatchObject({ ok: true })
    // The record, the course (who is next), the ledger handing the seat on; the timer does the rest.
    expect(c.requests).toBeLessThanOrEqual(3)
    expect(c.writes).toBeLessThanOrEqual(2)
    const course = cloud.store.find(COLLECTIONS.courses, { _id: full })[0] as { seats: Record<string, string> }
    expect(course.seats[w[11]]).toBe('offered')
  })
})

describe('check-in', () => {
  it('checks a seated worker in with the scanned code in at most 3 requests', async () => {
    jest.setSystemTime(new Date(T0.getTime() + 12 * DAY))
    const code = await cost('checkin', STAFF, { action: 'issueCheckinCode', lessonId: `${full}_l1` })
    expect(code.reply).toMatchObject({ ok: true })
    const token = (code.reply as unknown as { data: { token: string } }).data.token
    const c = await cost('checkin', w[8], { action: 'checkIn', code: token })
    expect(c.reply).toMatchObject({ ok: true, data: { status: 'checked_in' } })
    expect(c.requests).toBeLessThanOrEqual(3)
  })

  describe('where the venue has coordinates (presence)', () => {
    const here = { latitude: 30.2741, longitude: 120.1551, accuracy: 20 }
    beforeEach(() => {
      setField(COLLECTIONS.courses, full, { venue: { name: '场地', address: '杭州', lat: 30.2741, lng: 120.1551 } })
      jest.setSystemTime(new Date(T0.getTime() + 12 * DAY))
    })
    const issued = async () => {
      const code = await cost('checkin', STAFF, { action: 'issueCheckinCode', lessonId: `${full}_l1` })
      return (code.reply as unknown as { data: { token: string; digits: string } }).data
    }

    it('checks in with the code and the position in at most 3 requests; a relayed code without one: 2 reads', async () => {
      const { token } = await issued()
      const refused = await cost('checkin', w[8], { action: 'checkIn', code: token })
      expect(refused.reply).toMatchObject({ ok: false, error: { code: 'CHECKIN.LOCATION_REQUIRED' } })
      expect([refused.requests <= 2, refused.writes]).toEqual([true, 0])
      const c = await cost('checkin', w[8], { action: 'checkIn', code: token, position: here })
      expect(c.reply).toMatchObject({ ok: true, data: { status: 'checked_in' } })
      expect(c.requests).toBeLessThanOrEqual(3)
    })

    it('checks in with the 6 digits and the position in at most 3 requests; a wrong guess writes once', async () => {
      const { digits } = await issued()
      const wrong = digits === '000000' ? '111111' : '000000'
      const miss = await cost('checkin', w[8], {
        action: 'checkInDigits',
        lessonId: `${full}_l1`,
        digits: wrong,
        position: here,
      })
      expect(miss.reply).toMatchObject({ ok: false, error: { code: 'CHECKIN.WRONG_DIGITS' } })
      expect([miss.requests <= 3, miss.writes]).toEqual([true, 1])
      const c = await cost('checkin', w[8], { action: 'checkInDigits', lessonId: `${full}_l1`, digits, position: here })
      expect(c.reply).toMatchObject({ ok: true, data: { status: 'checked_in' } })
      expect(c.requests).toBeLessThanOrEqual(3)
    })

    it('反扫: the worker’s code in at most 2 requests, the staff scan in at most 5 (role, lesson, course, name, write)', async () => {
      const mine = await cost('checkin', w[8], { action: 'myCheckinCode', lessonId: `${full}_l1` })
      expect([mine.requests <= 2, mine.writes]).toEqual([true, 0])
      const code = (mine.reply as unknown as { data: { code: string } }).data.code
      const c = await cost('checkin', STAFF, { action: 'staffCheckIn', code })
      expect(c.reply).toMatchObject({ ok: true, data: { status: 'checked_in' } })
      expect([c.requests <= 5, c.writes]).toEqual([true, 1])
    })
  })
})

describe('pages open on one call', () => {
  it('course page with the worker’s own place: at most 2 requests', async () => {
    const c = await cost('catalog', w[9], { action: 'getCourse', courseId: full })
    expect(c.reply).toMatchObject({ ok: true, data: { mine: { status: 'waitlisted', waitlistPosition: 1 } } })
    expect([c.requests <= 2, c.writes]).toEqual([true, 0])
  })

  it('catalog list: at most 2 requests', async () => {
    const c = await cost('catalog', w[0], { action: 'listCourses' })
    expect(c.reply).toMatchObject({ ok: true })
    expect([c.requests <= 2, c.writes]).toEqual([true, 0])
  })

  it('catalog list searched, 只看可报名, with the worker’s own place on each card: still at most 2 requests', async () => {
    const c = await cost('catalog', w[9], { action: 'listCourses', search: '压力测试', openOnly: false })
    expect(c.reply).toMatchObject({
      ok: true,
      data: {
        items: expect.arrayContaining([
          expect.objectContaining({ own: { status: 'waitlisted', waitlistPosition: 1 } }),
        ]),
      },
    })
    expect([c.requests <= 2, c.writes]).toEqual([true, 0])
    const open = await cost('catalog', w[9], { action: 'listCourses', search: '压力测试', openOnly: true })
    expect([open.requests <= 2, open.writes]).toEqual([true, 0])
  })

  it('the session with its waiting offers and places held: 1 request', async () => {
    const c = await cost('user', w[9], { action: 'login' })
    expect(c.reply).toMatchObject({ ok: true, data: { activeCount: 1, offers: [] } })
    expect([c.requests, c.writes]).toEqual([1, 0])
  })

  it('我的 (the worker’s courses with their lessons): at most 2 requests', async () => {
    const c = await cost('enrollment', w[8], { action: 'myEnrollments' })
    expect(c.reply).toMatchObject({ ok: true })
    expect([c.requests <= 2, c.writes]).toEqual([true, 0])
  })
})
