/**
 * What a worker must not miss: an offer's hold that skips the night, the offers the session carries (the
 * red dot on 我的 and the catalog's banner), and a course the union cancelled, kept on 我的 until 知道了.
 */
import type { LoginResult } from '@core/contracts/user'
import type { MyEnrollmentsResult } from '@core/contracts/enrollment'
import { shanghaiInstant } from '@core/time'
import { COLLECTIONS } from '../../server/collections'
import type { LocalCloud } from '../../local-cloud'
import type { DemoProgramme } from '../../local-cloud/seed/demo'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'

const STAFF = 'o_staff_demo'
const [W1, W2, W3] = ['o_worker_001', 'o_worker_002', 'o_worker_003']
// 21:00 北京时间 on the programme's first day (PINNED_NOW is 09:00 that day).
const EVENING = shanghaiInstant('2026-12-01', '21:00')

let cloud: LocalCloud
let demo: DemoProgramme
let courseId: string
let otherId: string
beforeAll(async () => {
  const started = await startTestCloud({ seed: true, start: PINNED_NOW })
  cloud = started.cloud
  demo = started.demo!
  const open = demo.courses.filter(
    (c) =>
      c.enrollOpensAt.getTime() <= PINNED_NOW.getTime() &&
      c.enrollClosesAt.getTime() > EVENING.getTime() &&
      c.firstLessonAt.getTime() > EVENING.getTime() + 3 * 86400_000,
  )
  ;[courseId, otherId] = [open[0]._id, open[1]._id]
  // One seat, so the second worker waits and the first one's cancel makes an offer.
  cloud.store.update(
    COLLECTIONS.courses,
    { _id: courseId },
    { $set: { capacity: 1, seatsLeft: 1 } },
    { multi: false, merge: true, upsert: false },
  )
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

const enrollment = <T>(openid: string, action: string, data: Record<string, unknown> = {}) =>
  callAs<T>(cloud, openid, 'enrollment', action, data)
const record = (openid: string, id = courseId) =>
  cloud.store.find(COLLECTIONS.enrollments, { _id: `${id}_${openid}` })[0] as Record<string, unknown> | undefined

describe('a seat offered at 21:00', () => {
  it('is held until 19:00 the next day: the night does not count', async () => {
    pinClock(PINNED_NOW)
    expect(await enrollment(W1, 'enroll', { courseId })).toMatchObject({ ok: true, data: { status: 'enrolled' } })
    expect(await enrollment(W2, 'enroll', { courseId, joinWaitlist: true })).toMatchObject({
      ok: true,
      data: { status: 'waitlisted' },
    })
    jest.useRealTimers()
    pinClock(EVENING)
    expect(await enrollment(W1, 'cancel', { courseId })).toMatchObject({ ok: true })
    expect(record(W2)).toMatchObject({
      status: 'offered',
      offerExpiresAt: shanghaiInstant('2026-12-02', '19:00'),
    })
  })

  it('shows in the worker’s session (one request), with the count of places held', async () => {
    pinClock(EVENING)
    const login = await callAs<LoginResult>(cloud, W2, 'user', 'login')
    expect(login).toMatchObject({
      ok: true,
      data: {
        activeCount: 1,
        offers: [{ courseId, expiresAt: shanghaiInstant('2026-12-02', '19:00').toISOString() }],
      },
    })
    const none = await callAs<LoginResult>(cloud, W1, 'user', 'login')
    expect(none).toMatchObject({ ok: true, data: { activeCount: 0, offers: [] } })
    // A newcomer without a profile has neither.
    expect(await callAs<LoginResult>(cloud, 'o_new_person', 'user', 'login')).toMatchObject({
      ok: true,
      data: { profileComplete: false, activeCount: 0, offers: [] },
    })
  })
})

describe('a course the union cancelled', () => {
  it('stays on 我的 as unseen, with the reason, until 知道了; a course the worker left says so', async () => {
    pinClock(EVENING)
    expect(await enrollment(W3, 'enroll', { courseId: otherId })).toMatchObject({ ok: true })
    expect(await enrollment(W3, 'cancel', { courseId: otherId })).toMatchObject({ ok: true })
    expect(await enrollment(W3, 'enroll', { courseId, joinWaitlist: true })).toMatchObject({ ok: true })
    const cancelled = await callAs(cloud, STAFF, 'admin', 'cancelCourse', {
      courseId,
      reason: '讲师临时出差，课程取消',
    })
    expect(cancelled).toMatchObject({ ok: true })

    const mine = await enrollment<MyEnrollmentsResult>(W3, 'myEnrollments')
    if (!mine.ok) throw new Error(mine.error.code)
    const byId = new Map(mine.data.past.map((v) => [v.courseId, v]))
    expect(byId.get(courseId)).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'union',
      cancelReason: '讲师临时出差，课程取消',
      cancelUnseen: true,
    })
    expect(byId.get(otherId)).toMatchObject({ status: 'cancelled', cancelledBy: 'worker', cancelUnseen: false })

    expect(await enrollment(W3, 'ackCancelled', { courseId })).toEqual({ ok: true, data: { seen: true } })
    const seenAt = record(W3)?.cancelSeenAt
    expect(seenAt).toEqual(EVENING)
    // A second tap (another phone, a double tap) answers the same and writes nothing new.
    jest.useRealTimers()
    pinClock(new Date(EVENING.getTime() + 60_000))
    expect(await enrollment(W3, 'ackCancelled', { courseId })).toEqual({ ok: true, data: { seen: true } })
    expect(record(W3)?.cancelSeenAt).toEqual(EVENING)

    const after = await enrollment<MyEnrollmentsResult>(W3, 'myEnrollments')
    if (!after.ok) throw new Error(after.error.code)
    expect(after.data.past.find((v) => v.courseId === courseId)).toMatchObject({
      cancelledBy: 'union',
      cancelUnseen: false,
    })
  })

  it('refuses 知道了 for a place that is not cancelled, or a course the worker never joined, writing nothing', async () => {
    pinClock(EVENING)
    expect(await enrollment(W1, 'enroll', { courseId: otherId })).toMatchObject({ ok: true })
    const before = JSON.stringify(cloud.store.find(COLLECTIONS.enrollments, {}))
    expect(await enrollment(W1, 'ackCancelled', { courseId: otherId })).toMatchObject({
      ok: false,
      error: { code: 'ENROLL.NOT_CANCELLED', message: '这门课程没有取消，无需确认' },
    })
    expect(await enrollment(W1, 'ackCancelled', { courseId: demo.courses[90]._id })).toMatchObject({
      ok: false,
      error: { code: 'ENROLL.NOT_CANCELLED' },
    })
    expect(await enrollment(W1, 'ackCancelled', { courseId: '../x' })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.BAD_REQUEST' },
    })
    expect(JSON.stringify(cloud.store.find(COLLECTIONS.enrollments, {}))).toBe(before)
  })
})

describe('the places counted against the limit', () => {
  it('leaves out a claim whose course is over, though the claim itself is released only at the next enroll', async () => {
    pinClock(EVENING)
    const before = await callAs<LoginResult>(cloud, W1, 'user', 'login')
    expect(before).toMatchObject({ ok: true, data: { activeCount: 1 } })
    cloud.store.update(
      COLLECTIONS.courses,
      { _id: otherId },
      { $set: { lastLessonAt: new Date(EVENING.getTime() - 60_000) } },
      { multi: false, merge: true, upsert: false },
    )
    expect(cloud.store.find(COLLECTIONS.users, { _id: W1 })[0]).toMatchObject({ activeCourses: [otherId] })
    const after = await callAs<LoginResult>(cloud, W1, 'user', 'login')
    expect(after).toMatchObject({ ok: true, data: { activeCount: 0 } })
  })
})
