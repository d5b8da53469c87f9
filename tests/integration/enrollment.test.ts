import { COLLECTIONS } from '../../server/collections'
import type { CourseDoc } from '../../server/repos/course-repo'
import type { EnrollmentDoc } from '../../server/repos/enrollment-repo'
import type { NoticeDoc } from '../../server/repos/notice-repo'
import type { UserDoc } from '../../server/repos/user-repo'
import type { EnrollResult, MyEnrollmentsResult } from '@core/contracts/enrollment'
import type { LocalCloud } from '../../local-cloud'
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { fixtureWorker, seedStorm } from '../helpers/enroll-fixture'
import { checkInvariants } from '../helpers/invariants'

const HOUR = 3600_000
const DAY = 24 * HOUR
const COURSE = 's001'
const OTHER = ['s002', 's003', 's004']
const w = fixtureWorker

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(() => {
  cloud.store.clear()
  seedStorm(cloud.store, { courses: 4, capacity: 2, workers: 12, now: PINNED_NOW })
  pinClock()
})
afterEach(() => {
  expect(checkInvariants(cloud.store)).toMatchObject({ oversold: [], ledgerMismatch: [], lostSeats: [], problems: [] })
  jest.useRealTimers()
})
afterAll(() => cloud.close())

const enroll = (openid: string, data: Record<string, unknown> = {}) =>
  callAs<EnrollResult>(cloud, openid, 'enrollment', 'enroll', { courseId: COURSE, ...data })
const act = (openid: string, action: string, courseId = COURSE) =>
  callAs<{ status: string }>(cloud, openid, 'enrollment', action, { courseId })
const course = (id = COURSE) => cloud.store.find(COLLECTIONS.courses, { _id: id })[0] as unknown as CourseDoc
const record = (openid: string, id = COURSE) =>
  cloud.store.find(COLLECTIONS.enrollments, { _id: `${id}_${openid}` })[0] as unknown as EnrollmentDoc | undefined
const user = (openid: string) => cloud.store.find(COLLECTIONS.users, { _id: openid })[0] as unknown as UserDoc
const setCourse = (patch: Record<string, unknown>, id = COURSE) =>
  cloud.store.update(COLLECTIONS.courses, { _id: id }, { $set: patch }, { multi: false, merge: true, upsert: false })
/** The outbox once the enrollment timer has moved in what records owe (offers, expiries, cancellations). */
const notices = async () => {
  await fireTrigger(
    cloud,
    listTriggers(cloud).find((t) => t.functionName === 'enrollment')!,
  )
  return cloud.store.find(COLLECTIONS.notices, {}) as unknown as NoticeDoc[]
}
const code = (reply: { ok: boolean; error?: { code: string } }) => (reply.ok ? 'ok' : reply.error!.code)

describe('enroll', () => {
  it('takes the last seat, then refuses the next worker unless they agree to wait', async () => {
    expect(await enroll(w(1))).toEqual({ ok: true, data: { status: 'enrolled', waitlistPosition: null } })
    expect(await enroll(w(2))).toMatchObject({ ok: true, data: { status: 'enrolled' } })
    expect(course()).toMatchObject({ seatsTaken: 2, seatsLeft: 0 })
    const full = await enroll(w(3))
    expect(full).toMatchObject({ ok: false, error: { code: 'ENROLL.FULL' } })
    expect(user(w(3)).activeCourses).toEqual([])
    // The reply does not know the position without another read; the ledger keeps the order.
    expect(await enroll(w(3), { joinWaitlist: true })).toEqual({
      ok: true,
      data: { status: 'waitlisted', waitlistPosition: null },
    })
    expect(await enroll(w(4), { joinWaitlist: true })).toEqual({
      ok: true,
      data: { status: 'waitlisted', waitlistPosition: null },
    })
    expect(course()).toMatchObject({ seatsTaken: 2, waitlist: [w(3), w(4)], waitlistLength: 2 })
  })

  it('stops the waitlist at the course capacity', async () => {
    for (let i = 1; i <= 4; i++) await enroll(w(i), { joinWaitlist: true })
    expect(await enroll(w(5), { joinWaitlist: true })).toMatchObject({
      ok: false,
      error: { code: 'ENROLL.WAITLIST_FULL' },
    })
    expect(user(w(5)).activeCourses).toEqual([])
  })

  it('gives a double tap one seat and tells the second tap it is already enrolled', async () => {
    const replies = await Promise.all([enroll(w(1)), enroll(w(1)), enroll(w(1))])
    // The other taps find the first one's claim still in flight.
    expect(replies.map(code).sort()).toEqual(['ENROLL.PENDING', 'ENROLL.PENDING', 'ok'])
    expect(course()).toMatchObject({ seatsTaken: 1 })
    expect(await enroll(w(1))).toMatchObject({ ok: false, error: { code: 'ENROLL.ALREADY' } })
  })

  it('lets a worker hold at most three courses at once, waitlist places included', async () => {
    await enroll(w(1))
    await enroll(w(2))
    await enroll(w(9), { courseId: OTHER[0] })
    await enroll(w(10), { courseId: OTHER[0] })
    expect(code(await enroll(w(1), { courseId: OTHER[0], joinWaitlist: true }))).toBe('ok')
    expect(code(await enroll(w(1), { courseId: OTHER[1] }))).toBe('ok')
    expect(await enroll(w(1), { courseId: OTHER[2] })).toMatchObject({
      ok: false,
      error: { code: 'ENROLL.LIMIT_REACHED' },
    })
    expect(await act(w(1), 'cancel', OTHER[1])).toMatchObject({ ok: true, data: { status: 'cancelled' } })
    expect(code(await enroll(w(1), { courseId: OTHER[2] }))).toBe('ok')
  })

  it('keeps the limit exact when two taps on two courses race for the last place, and leaves nothing of the loser', async () => {
    await enroll(w(1))
    await enroll(w(1), { courseId: OTHER[0] })
    const replies = await Promise.all([OTHER[1], OTHER[2]].map((courseId) => enroll(w(1), { courseId })))
    expect(replies.map(code).sort()).toEqual(['ENROLL.LIMIT_REACHED', 'ok'])
    const lost = replies[0].ok ? OTHER[2] : OTHER[1]
    // The losing tap had won its seat: the claim refused it, and the seat and the record went back.
    expect(course(lost)).toMatchObject({ seats: {}, seatsTaken: 0, seatsLeft: 2 })
    expect(record(w(1), lost)).toBeUndefined()
    expect(user(w(1)).activeCourses).toHaveLength(3)
  })

  it('stops counting a course towards the limit once its last lesson has ended', async () => {
    await enroll(w(1))
    await enroll(w(1), { courseId: OTHER[0] })
    await enroll(w(1), { courseId: OTHER[1] })
    expect(await enroll(w(1), { courseId: OTHER[2] })).toMatchObject({
      ok: false,
      error: { code: 'ENROLL.LIMIT_REACHED' },
    })
    setCourse({ lastLessonAt: new Date(PINNED_NOW.getTime() - HOUR) })
    expect(await enroll(w(1), { courseId: OTHER[2] })).toMatchObject({ ok: true, data: { status: 'enrolled' } })
    expect(user(w(1)).activeCourses).not.toContain(COURSE)
    // The seat in the finished course stays the worker's: attendance and certificates hang on it.
    expect(record(w(1))?.status).toBe('enrolled')
    const mine = await callAs<MyEnrollmentsResult>(cloud, w(1), 'enrollment', 'myEnrollments')
    if (!mine.ok) throw new Error(mine.error.code)
    expect(mine.data.active.map((v) => v.courseId).sort()).toEqual([OTHER[0], OTHER[1], OTHER[2]])
    expect(mine.data.past).toMatchObject([{ courseId: COURSE, status: 'enrolled', canCancel: false }])
  })

  it('follows the enrollment window and the course status', async () => {
    setCourse({ enrollOpensAt: new Date(PINNED_NOW.getTime() + HOUR) })
    expect(await enroll(w(1))).toMatchObject({ ok: false, error: { code: 'ENROLL.NOT_OPEN' } })
    setCourse({ enrollOpensAt: new Date(PINNED_NOW.getTime() - DAY), enrollClosesAt: PINNED_NOW })
    expect(await enroll(w(1))).toMatchObject({ ok: false, error: { code: 'ENROLL.CLOSED' } })
    setCourse({ enrollClosesAt: new Date(PINNED_NOW.getTime() + DAY), status: 'cancelled' })
    expect(await enroll(w(1))).toMatchObject({ ok: false, error: { code: 'ENROLL.COURSE_CANCELLED' } })
    expect(await enroll(w(1), { courseId: 'nope' })).toMatchObject({ ok: false, error: { code: 'CATALOG.NOT_FOUND' } })
    expect(user(w(1)).activeCourses).toEqual([])
    expect(cloud.store.count(COLLECTIONS.enrollments, {})).toBe(0)
  })

  it('asks for a complete profile and current consent first, and keeps staff out of seats', async () => {
    expect(await enroll('o_unknown')).toMatchObject({ ok: false, error: { code: 'ENROLL.PROFILE_INCOMPLETE' } })
    cloud.store.update(
      COLLECTIONS.users,
      { _id: w(1) },
      { $set: { 'consent.version': 'old' } },
      { multi: false, merge: true, upsert: false },
    )
    expect(await enroll(w(1))).toMatchObject({ ok: false, error: { code: 'ENROLL.PROFILE_INCOMPLETE' } })
    cloud.store.update(
      COLLECTIONS.users,
      { _id: w(2) },
      { $set: { role: 'staff' } },
      { multi: false, merge: true, upsert: false },
    )
    expect(await enroll(w(2))).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    expect(course().seatsTaken).toBe(0)
  })

  it('answers BUSY, retryable, when the ledger keeps refusing a seat it seems to have, and leaves nothing behind', async () => {
    // A ledger value of the wrong type passes the re-read but never the conditional update: the same
    // dead end as a ledger that keeps changing under a flood of writes.
    setCourse({ seatsLeft: '2' })
    try {
      expect(await enroll(w(1), { joinWaitlist: true })).toMatchObject({
        ok: false,
        error: { code: 'ENROLL.BUSY', message: '报名人数太多，请稍后再试' },
      })
      expect(user(w(1)).activeCourses).toEqual([])
      expect(record(w(1))).toBeUndefined()
      // Without a waitlist too: a lost seat is read again (it may be this worker's other tap), and it looks free.
      expect(await enroll(w(1))).toMatchObject({ ok: false, error: { code: 'ENROLL.BUSY' } })
      expect(user(w(1)).activeCourses).toEqual([])
      expect(record(w(1))).toBeUndefined()
    } finally {
      setCourse({ seatsLeft: 2 })
    }
  })

  it('repairs a claim a crashed instance left behind, once it is old', async () => {
    cloud.store.update(
      COLLECTIONS.users,
      { _id: w(1) },
      { $set: { activeCourses: [COURSE], [`claimedAt.${COURSE}`]: new Date(PINNED_NOW.getTime() - 5 * 60_000) } },
      { multi: false, merge: true, upsert: false },
    )
    expect(await enroll(w(1))).toMatchObject({ ok: true, data: { status: 'enrolled' } })
    expect(user(w(1)).activeCourses).toEqual([COURSE])
  })

  it('treats a fresh claim without a record as a tap still in flight', async () => {
    cloud.store.update(
      COLLECTIONS.users,
      { _id: w(1) },
      { $set: { activeCourses: [COURSE], [`claimedAt.${COURSE}`]: PINNED_NOW } },
      { multi: false, merge: true, upsert: false },
    )
    expect(await enroll(w(1))).toMatchObject({ ok: false, error: { code: 'ENROLL.PENDING' } })
    cloud.store.update(
      COLLECTIONS.users,
      { _id: w(1) },
      { $set: { activeCourses: [], claimedAt: {} } },
      { multi: false, merge: true, upsert: false },
    )
  })
})

describe('user.deleteProfile', () => {
  const erase = (openid: string, data: Record<string, unknown> = { confirm: true }) =>
    callAs<{ deleted: boolean }>(cloud, openid, 'user', 'deleteProfile', data)

  it('erases the profile of a worker with no running course, and says so once', async () => {
    expect(await erase(w(1), {})).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST', field: 'confirm' } })
    expect(user(w(1))).toBeDefined()
    expect(await erase(w(1))).toEqual({ ok: true, data: { deleted: true } })
    expect(user(w(1))).toBeUndefined()
    expect(await callAs(cloud, w(1), 'user', 'getProfile')).toEqual({ ok: true, data: null })
    expect(await erase(w(1))).toEqual({ ok: true, data: { deleted: false } })
  })

  it('refuses while the worker holds a place in a running course, and allows it once the course is over', async () => {
    await enroll(w(1))
    const refused = await erase(w(1))
    expect(refused).toMatchObject({ ok: false, error: { code: 'USER.HAS_ACTIVE_ENROLLMENTS' } })
    expect(user(w(1)).name).toBe('职工1')
    setCourse({ lastLessonAt: new Date(PINNED_NOW.getTime() - HOUR) })
    expect(await erase(w(1))).toEqual({ ok: true, data: { deleted: true } })
    // The privacy notice's promise: the enrollment record goes; the finished course's seat names nobody.
    expect(record(w(1))).toBeUndefined()
    expect(Object.keys(course().seats)).toEqual([expect.stringMatching(/^gone_/)])
  })
})

describe('cancel and the waitlist', () => {
  beforeEach(async () => {
    await enroll(w(1))
    await enroll(w(2))
    await enroll(w(3), { joinWaitlist: true })
    await enroll(w(4), { joinWaitlist: true })
  })

  it('hands a cancelled seat to the head of the waitlist as an offer held 12 hours, with a notice', async () => {
    expect(await act(w(1), 'cancel')).toEqual({ ok: true, data: { status: 'cancelled' } })
    expect(course()).toMatchObject({
      seatsTaken: 2,
      seatsLeft: 0,
      waitlist: [w(4)],
      seats: { [w(2)]: 'enrolled', [w(3)]: 'offered' },
    })
    expect(record(w(3))).toMatchObject({
      status: 'offered',
      offerExpiresAt: new Date(PINNED_NOW.getTime() + 12 * HOUR),
    })
    expect(await notices()).toMatchObject([{ openid: w(3), kind: 'offer', courseId: COURSE }])
    expect(user(w(1)).activeCourses).toEqual([])
    const mine = await callAs<MyEnrollmentsResult>(cloud, w(4), 'enrollment', 'myEnrollments')
    expect(mine).toMatchObject({ ok: true, data: { active: [{ status: 'waitlisted', waitlistPosition: 1 }] } })
  })

  it('frees one seat only, however often a cancel is repeated', async () => {
    const replies = await Promise.all([act(w(1), 'cancel'), act(w(1), 'cancel'), act(w(1), 'cancel')])
    expect(replies.filter((r) => r.ok)).toHaveLength(1)
    expect(course().waitlist).toEqual([w(4)])
    expect(await notices()).toHaveLength(1)
  })

  it('refuses to cancel within 24 hours of the first lesson', async () => {
    jest.setSystemTime(new Date(PINNED_NOW.getTime() + 12 * DAY - 10 * HOUR))
    expect(await act(w(1), 'cancel')).toMatchObject({ ok: false, error: { code: 'CANCEL.TOO_LATE' } })
    expect(record(w(1))?.status).toBe('enrolled')
    // Leaving a waitlist has no deadline: it frees nobody's seat.
    expect(await act(w(3), 'cancel')).toEqual({ ok: true, data: { status: 'cancelled' } })
    expect(course().waitlist).toEqual([w(4)])
  })

  it('confirms an offer in time, and passes it on when it runs out', async () => {
    await act(w(1), 'cancel')
    await notices() // the timer runs between the offer and the answer, as it does every five minutes
    expect(await act(w(3), 'confirmOffer')).toEqual({ ok: true, data: { status: 'enrolled' } })
    expect(course().seats[w(3)]).toBe('enrolled')
    await act(w(2), 'cancel')
    expect(record(w(4))?.status).toBe('offered')
    await notices()
    jest.setSystemTime(new Date(PINNED_NOW.getTime() + 13 * HOUR))
    expect(await act(w(4), 'confirmOffer')).toMatchObject({ ok: false, error: { code: 'OFFER.EXPIRED' } })
    expect(record(w(4))?.status).toBe('expired')
    expect(course()).toMatchObject({ seatsTaken: 1, seatsLeft: 1, waitlist: [] })
    expect((await notices()).map((n) => n.kind).sort()).toEqual(['offer', 'offer', 'offer_expired'])
  })

  it('owes no offer notice to a worker who confirmed before the timer came', async () => {
    await act(w(1), 'cancel')
    expect(await act(w(3), 'confirmOffer')).toEqual({ ok: true, data: { status: 'enrolled' } })
    expect((await notices()).filter((n) => n.kind === 'offer')).toEqual([])
  })

  it('lets the timer pass an expired offer to the next worker in line', async () => {
    await act(w(1), 'cancel')
    jest.setSystemTime(new Date(PINNED_NOW.getTime() + 12 * HOUR + 60_000))
    const trigger = listTriggers(cloud).find((t) => t.functionName === 'enrollment')!
    expect(trigger.cron).toBe('0 */5 * * * * *')
    const reply = await fireTrigger(cloud, trigger)
    expect(reply).toMatchObject({ ok: true, data: { expiredOffers: 1, partial: false } })
    expect(record(w(3))?.status).toBe('expired')
    expect(record(w(4))).toMatchObject({ status: 'offered' })
    expect(course()).toMatchObject({ seats: { [w(2)]: 'enrolled', [w(4)]: 'offered' }, waitlist: [] })
  })

  it('follows a course’s own offer hold and waitlist limit', async () => {
    setCourse({ offerHoldHours: 2, waitlistLimit: 2 })
    expect(await enroll(w(5), { joinWaitlist: true })).toMatchObject({
      ok: false,
      error: { code: 'ENROLL.WAITLIST_FULL' },
    })
    await act(w(1), 'cancel')
    expect(record(w(3))).toMatchObject({ status: 'offered', offerExpiresAt: new Date(PINNED_NOW.getTime() + 2 * HOUR) })
  })

  it('holds a declined seat for the next worker at once; the timer promotes and tells them', async () => {
    await act(w(1), 'cancel')
    expect(await act(w(3), 'declineOffer')).toEqual({ ok: true, data: { status: 'declined' } })
    // The ledger hands the seat on in the decline itself: nobody else can take it meanwhile.
    expect(course()).toMatchObject({ seats: { [w(2)]: 'enrolled', [w(4)]: 'offered' }, waitlist: [], seatsLeft: 0 })
    expect(record(w(4))?.status).toBe('waitlisted')
    expect(await act(w(3), 'confirmOffer')).toMatchObject({ ok: false, error: { code: 'OFFER.NONE' } })
    // The enrollment timer settles what is older than a call in flight, and sends the offer in the same run.
    const later = new Date(PINNED_NOW.getTime() + 3 * 60_000)
    jest.setSystemTime(later)
    const sent = await notices()
    expect(record(w(4))).toMatchObject({ status: 'offered', offerExpiresAt: new Date(later.getTime() + 12 * HOUR) })
    // w3 declined before the timer came: only w4 is told.
    expect(sent.filter((n) => n.kind === 'offer').map((n) => n.openid)).toEqual([w(4)])
    expect(user(w(3)).activeCourses).toEqual([])
  })

  it('lets a worker at the limit who declined take another course at once, and says so before the tap', async () => {
    await act(w(1), 'cancel')
    for (const other of OTHER.slice(0, 2)) expect(await enroll(w(3), { courseId: other })).toMatchObject({ ok: true })
    expect(await act(w(3), 'declineOffer')).toMatchObject({ ok: true })
    // The claim the decline left behind backs no place: it does not count.
    const session = await callAs<{ activeCount: number }>(cloud, w(3), 'user', 'login')
    expect(session).toMatchObject({ ok: true, data: { activeCount: 2 } })
    expect(await enroll(w(3), { courseId: OTHER[2] })).toMatchObject({ ok: true, data: { status: 'enrolled' } })
    expect([...user(w(3)).activeCourses].sort()).toEqual([...OTHER].sort())
  })

  it('lets a worker who declined delete the profile at once', async () => {
    await act(w(1), 'cancel')
    expect(await act(w(3), 'declineOffer')).toMatchObject({ ok: true })
    const reply = await callAs(cloud, w(3), 'user', 'deleteProfile', { confirm: true })
    expect(reply).toMatchObject({ ok: true, data: { deleted: true } })
    expect(user(w(3))).toBeUndefined()
  })

  it('lists a worker’s courses with what they can still do', async () => {
    await act(w(1), 'cancel')
    const mine = await callAs<MyEnrollmentsResult>(cloud, w(3), 'enrollment', 'myEnrollments')
    if (!mine.ok) throw new Error(mine.error.code)
    expect(mine.data.active).toHaveLength(1)
    expect(mine.data.active[0]).toMatchObject({
      status: 'offered',
      offerExpiresAt: new Date(PINNED_NOW.getTime() + 12 * HOUR).toISOString(),
      canCancel: true,
      course: { id: COURSE, seatsTaken: 2 },
    })
    expect(mine.data.active[0].lessons).toHaveLength(1)
    const past = await callAs<MyEnrollmentsResult>(cloud, w(1), 'enrollment', 'myEnrollments')
    expect(past).toMatchObject({ ok: true, data: { active: [], past: [{ status: 'cancelled', lessons: [] }] } })
  })
})

describe('the timer reconciles what a crashed instance left half done', () => {
  it('writes the record of a seat taken just before a crash, and finishes a half-done cancel', async () => {
    const old = new Date(PINNED_NOW.getTime() - 10 * 60_000)
    // w1 took a seat and the instance died before writing the record.
    setCourse({ [`seats.${w(1)}`]: 'enrolled', seatsTaken: 1, seatsLeft: 1, updatedAt: PINNED_NOW })
    cloud.store.update(
      COLLECTIONS.users,
      { _id: w(1) },
      { $set: { activeCourses: [COURSE], [`claimedAt.${COURSE}`]: old } },
      { multi: false, merge: true, upsert: false },
    )
    // w2 cancelled (record flipped) and the instance died before the ledger gave the seat back.
    setCourse({ [`seats.${w(2)}`]: 'enrolled', seatsTaken: 2, seatsLeft: 0 })
    cloud.store.insert(COLLECTIONS.enrollments, [
      {
        _id: `${COURSE}_${w(2)}`,
        courseId: COURSE,
        openid: w(2),
        status: 'cancelled',
        offerExpiresAt: null,
        createdAt: old,
        updatedAt: old,
      },
    ])
    const trigger = listTriggers(cloud).find((t) => t.functionName === 'enrollment')!
    expect(await fireTrigger(cloud, trigger)).toMatchObject({ ok: true, data: { repaired: 2 } })
    expect(record(w(1))?.status).toBe('enrolled')
    expect(course()).toMatchObject({ seatsTaken: 1, seatsLeft: 1, seats: { [w(1)]: 'enrolled' } })
  })

  it('answers only WeChat’s timer, not a worker posing as one', async () => {
    const reply = await cloud.call('enrollment', { Type: 'Timer' }, { OPENID: w(1), SOURCE: 'wx_client' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  })
})

describe('bad input writes nothing', () => {
  it.each([
    ['enroll', {}],
    ['enroll', { courseId: 42 }],
    ['enroll', { courseId: 'x'.repeat(100) + '…' }],
    ['enroll', { courseId: COURSE, joinWaitlist: 'yes' }],
    ['enroll', { courseId: COURSE, seats: 5 }],
    ['cancel', { courseId: null }],
    ['confirmOffer', { courseId: ['s001'] }],
    ['declineOffer', { courseId: { $ne: '' } }],
    ['myEnrollments', { openid: w(2) }],
  ])('%s %j → COMMON.BAD_REQUEST', async (action, data) => {
    const before = JSON.stringify([course(), cloud.store.find(COLLECTIONS.enrollments, {}), user(w(1))])
    const reply = await callAs(cloud, w(1), 'enrollment', action, data)
    expect(reply).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } })
    expect(!reply.ok && reply.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(JSON.stringify([course(), cloud.store.find(COLLECTIONS.enrollments, {}), user(w(1))])).toBe(before)
  })

  it('answers an unknown action and a caller without identity', async () => {
    expect(await callAs(cloud, w(1), 'enrollment', 'takeAllSeats')).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNKNOWN_ACTION' },
    })
    expect(await callAs(cloud, undefined, 'enrollment', 'enroll', { courseId: COURSE })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.UNAUTHENTICATED' },
    })
  })
})
