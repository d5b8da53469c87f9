/**
 * The seat-lifecycle failures found on the local cloud (issue "a seat lifecycle that survives crashes
 * and interleavings", cases 1, 2, 3 and 5), each replayed exactly. Case 4 lives with the interleavings,
 * the no-show and lesson cases with check-in and staff tests.
 */
import { COLLECTIONS } from '../../server/collections'
import { STALE_AFTER_MS } from '../../server/enrollment'
import { checkInvariants } from '../../local-cloud/check'
import type { LocalCloud } from '../../local-cloud'
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { callAs, pinClock, startTestCloud } from '../helpers/cloud'
import { seedStorm } from '../helpers/enroll-fixture'

const T0 = new Date('2026-12-01T01:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const HOUR = 3600_000

let cloud: LocalCloud
let courseId: string
let w: string[]

beforeEach(async () => {
  pinClock(T0)
  ;({ cloud } = await startTestCloud())
  const seeded = seedStorm(cloud.store, { courses: 1, capacity: 1, workers: 4, now: at(-HOUR) })
  courseId = seeded.courseIds[0]
  w = seeded.openids
})

afterEach(() => {
  cloud.close()
  jest.useRealTimers()
})

const enroll = (openid: string) => callAs(cloud, openid, 'enrollment', 'enroll', { courseId, joinWaitlist: true })
const killedEnroll = (openid: string, crashAfter: number) =>
  cloud.callWithStats(
    'enrollment',
    { action: 'enroll', courseId, joinWaitlist: true },
    { OPENID: openid },
    { faults: { crashAfter } },
  )
const act = (openid: string, action: string) => callAs(cloud, openid, 'enrollment', action, { courseId })
const sweep = () =>
  fireTrigger(
    cloud,
    listTriggers(cloud).find((t) => t.functionName === 'enrollment')!,
  )
const doc = <T>(coll: string, id: string) => (cloud.store.find(coll, { _id: id }) as unknown as T[])[0]
const record = (openid: string) =>
  doc<{ status: string; offerExpiresAt: unknown }>(COLLECTIONS.enrollments, `${courseId}_${openid}`)
const problems = () => {
  const r = checkInvariants(cloud.store, { now: new Date() })
  return [...r.problems, ...r.owed].map((p) => p.code)
}

it('case 1: a call killed right after its place leaves nothing a worker cannot see through, and the next tap enrolls', async () => {
  const killed = await killedEnroll(w[0], 2) // 1: the course with the worker, 2: the seat in the ledger
  expect(killed.died).toBeTruthy()
  expect(doc<{ seats: Record<string, string> }>(COLLECTIONS.courses, courseId).seats).toEqual({ [w[0]]: 'enrolled' })
  expect(doc<{ activeCourses: string[] }>(COLLECTIONS.users, w[0]).activeCourses).toEqual([])
  // While the call could still be running, a second tap is told to wait, not "already enrolled".
  expect(await enroll(w[0])).toMatchObject({ ok: false, error: { code: 'ENROLL.PENDING' } })
  jest.setSystemTime(at(STALE_AFTER_MS + 1_000))
  // Then the tap finishes its own take: claim and record, and the worker holds the seat.
  expect(await enroll(w[0])).toMatchObject({ ok: true, data: { status: 'enrolled' } })
  expect(await callAs(cloud, w[0], 'enrollment', 'myEnrollments')).toMatchObject({
    ok: true,
    data: { active: [{ status: 'enrolled' }] },
  })
  expect(await act(w[0], 'cancel')).toMatchObject({ ok: true })
  expect(await callAs(cloud, w[0], 'user', 'deleteProfile', { confirm: true })).toMatchObject({ ok: true })
  expect(problems()).toEqual([])
})

it('case 1: a call killed after its place and claim, before the record, is finished by the next tap', async () => {
  expect((await killedEnroll(w[0], 3)).died).toBeTruthy() // 3: the claim; the record goes out beside it
  expect(doc<{ activeCourses: string[] }>(COLLECTIONS.users, w[0]).activeCourses).toEqual([courseId])
  // The record's request died with the instance.
  cloud.store.remove(COLLECTIONS.enrollments, { _id: `${courseId}_${w[0]}` }, false)
  expect(await callAs(cloud, w[0], 'enrollment', 'myEnrollments')).toMatchObject({ ok: true, data: { active: [] } })
  jest.setSystemTime(at(STALE_AFTER_MS + 1_000))
  expect(await enroll(w[0])).toMatchObject({ ok: true, data: { status: 'enrolled' } })
  expect(record(w[0])).toMatchObject({ status: 'enrolled' })
  expect(problems()).toEqual([])
})

it('case 1 (left alone): the sweep finishes a take cut short, or undoes it when the limit no longer allows it', async () => {
  expect((await killedEnroll(w[0], 2)).died).toBeTruthy()
  expect((await killedEnroll(w[1], 2)).died).toBeTruthy() // w1 lost the only seat: joined the waitlist instead
  // Meanwhile w1 fills the three-course limit elsewhere (the cut-short take did not count).
  const others = seedStorm(cloud.store, { courses: 3, capacity: 2, workers: 0, now: at(-HOUR), prefix: 'x' })
  for (const other of others.courseIds) {
    expect(await callAs(cloud, w[1], 'enrollment', 'enroll', { courseId: other })).toMatchObject({ ok: true })
  }
  jest.setSystemTime(at(STALE_AFTER_MS + 1_000))
  await sweep()
  expect(record(w[0])).toMatchObject({ status: 'enrolled' })
  expect(doc<{ activeCourses: string[] }>(COLLECTIONS.users, w[0]).activeCourses).toEqual([courseId])
  // w1's take is undone: no place, no record, three claims.
  expect(doc<{ waitlist: string[] }>(COLLECTIONS.courses, courseId).waitlist).toEqual([])
  expect(record(w[1])).toBeUndefined()
  expect(doc<{ activeCourses: string[] }>(COLLECTIONS.users, w[1]).activeCourses).toHaveLength(3)
  expect(problems()).toEqual([])
})

it('a tap on a course whose cancel was cut short finishes the cancel, then takes the place anew', async () => {
  expect(await enroll(w[0])).toMatchObject({ ok: true, data: { status: 'enrolled' } })
  const cut = await cloud.callWithStats(
    'enrollment',
    { action: 'cancel', courseId },
    { OPENID: w[0] },
    { faults: { crashAfter: 2 } },
  )
  expect(cut.died).toBeTruthy() // 1: the course, 2: the record flipped; the seat and the claim still held
  expect(record(w[0])).toMatchObject({ status: 'cancelled' })
  jest.setSystemTime(at(STALE_AFTER_MS + 1_000))
  expect(await enroll(w[0])).toMatchObject({ ok: true, data: { status: 'enrolled' } })
  expect(record(w[0])).toMatchObject({ status: 'enrolled' })
  expect(doc<{ seats: Record<string, string> }>(COLLECTIONS.courses, courseId).seats).toEqual({ [w[0]]: 'enrolled' })
  expect(problems()).toEqual([])
})

it('case 2: a confirmation cut between record and ledger stays confirmed; its retry answers "enrolled"', async () => {
  await enroll(w[0])
  await enroll(w[1])
  await act(w[0], 'cancel') // w1 is offered the seat
  expect(record(w[1])).toMatchObject({ status: 'offered' })
  const killed = await cloud.callWithStats(
    'enrollment',
    { action: 'confirmOffer', courseId },
    { OPENID: w[1] },
    { faults: { crashAfter: 1 } }, // the record is confirmed, the ledger not yet
  )
  expect(killed.died).toBeTruthy()
  jest.setSystemTime(at(STALE_AFTER_MS + 1_000))
  await sweep()
  expect(record(w[1])).toMatchObject({ status: 'enrolled', offerExpiresAt: null })
  expect(doc<{ seats: Record<string, string> }>(COLLECTIONS.courses, courseId).seats[w[1]]).toBe('enrolled')
  expect(await act(w[1], 'confirmOffer')).toEqual({ ok: true, data: { status: 'enrolled' } })
  expect(problems()).toEqual([])
})

it('case 3: a worker holding an offered seat who taps 报名 is asked to confirm, and the offer keeps its deadline', async () => {
  await enroll(w[0])
  await enroll(w[1])
  await act(w[0], 'cancel')
  expect(await enroll(w[1])).toMatchObject({ ok: false, error: { code: 'ENROLL.OFFER_PENDING' } })
  expect(record(w[1]).status).toBe('offered')
  expect(record(w[1]).offerExpiresAt).toBeTruthy()
  jest.setSystemTime(at(STALE_AFTER_MS + 1_000))
  await sweep()
  expect(await act(w[1], 'confirmOffer')).toEqual({ ok: true, data: { status: 'enrolled' } })
  expect(problems()).toEqual([])
})

it('case 5: a cancel killed after flipping the record, on a course nobody touches for hours, is finished by the sweep', async () => {
  await enroll(w[0])
  await enroll(w[1])
  await sweep() // the sweep's horizon now stands just before this moment
  jest.setSystemTime(at(HOUR))
  const killed = await cloud.callWithStats(
    'enrollment',
    { action: 'cancel', courseId },
    { OPENID: w[0] },
    { faults: { crashAfter: 3 } }, // read record, read course, flip the record
  )
  expect(killed.died).toBeTruthy()
  expect(record(w[0]).status).toBe('cancelled')
  // Three quiet hours: every five minutes a sweep, and nothing else writes this course.
  for (let minutes = 65; minutes <= 240; minutes += 5) {
    jest.setSystemTime(at(minutes * 60_000))
    await sweep()
  }
  const course = doc<{ seats: Record<string, string> }>(COLLECTIONS.courses, courseId)
  expect(course.seats).toEqual({ [w[1]]: 'offered' })
  expect(record(w[1]).status).toBe('offered')
  expect(problems()).toEqual([])
})

it('a take whose ledger, claim or record request fails (a refused request) leaves no place, claim or record', async () => {
  // Requests: 1 the course with the worker, 2 the place in the ledger, 3 and 4 the claim and the record at once.
  for (const [k, failAt] of [
    [1, 2],
    [2, 3],
    [3, 4],
  ]) {
    const failed = await cloud.callWithStats(
      'enrollment',
      { action: 'enroll', courseId, joinWaitlist: true },
      { OPENID: w[k] },
      { faults: { failAt } },
    )
    expect([k, failed.reply]).toMatchObject([k, { ok: false }])
    const course = doc<{ seats: Record<string, string>; waitlist: string[] }>(COLLECTIONS.courses, courseId)
    expect([k, course.seats[w[k]], course.waitlist.includes(w[k])]).toEqual([k, undefined, false])
    expect([k, doc<{ activeCourses: string[] }>(COLLECTIONS.users, w[k]).activeCourses]).toEqual([k, []])
    expect([k, record(w[k])]).toEqual([k, undefined])
  }
  jest.setSystemTime(at(STALE_AFTER_MS + 1_000))
  await sweep()
  expect(problems()).toEqual([])
})
