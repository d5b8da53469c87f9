/**
 * Crash at every step: each seat operation is run through its bundled function and killed right after
 * its 1st, 2nd, … database request (as a timeout kills a WeChat function). Then recovery runs — the
 * worker retries once the crashed call can no longer be in flight, and the enrollment timer sweeps —
 * and the invariant checker must find nothing, and every worker must be able to cancel and delete
 * their profile as if nothing had happened.
 */
import fs from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../../server/collections'
import { newUserDoc } from '../../server/repos/user-repo'
import { STALE_AFTER_MS } from '../../server/enrollment'
import { CONSENT_VERSION } from '@core/contracts/user'
import { checkInvariants } from '../../local-cloud/check'
import { FUNCTIONS_DIR } from '../../local-cloud/functions'
import type { LocalCloud } from '../../local-cloud'
import { callAs, pinClock, startTestCloud } from '../helpers/cloud'
import { seedStorm } from '../helpers/enroll-fixture'

jest.setTimeout(180_000)

const T0 = new Date('2026-12-01T01:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const HOUR = 3600_000
const STAFF = 'o_staff_crash'

interface World {
  cloud: LocalCloud
  courseId: string
  w: string[]
}

interface Call {
  fn: string
  event: Record<string, unknown>
  openid?: string
  timer?: boolean
}

interface Scenario {
  name: string
  /** Brings the course to the state the operation starts from (at T0). */
  prepare?: (world: World) => Promise<void>
  /** When the operation (and its retry) runs. */
  when: number
  call: (world: World) => Call
}

const enrollCall = (w: World, k: number, joinWaitlist = true): Call => ({
  fn: 'enrollment',
  event: { action: 'enroll', courseId: w.courseId, joinWaitlist },
  openid: w.w[k],
})
const seatAction = (w: World, k: number, action: string): Call => ({
  fn: 'enrollment',
  event: { action, courseId: w.courseId },
  openid: w.w[k],
})
const timer = (fn: string): Call => ({ fn, event: { Type: 'Timer', TriggerName: 'sweep', Time: '' }, timer: true })
/** w0 gives their seat back, so it is offered to w2 (head of the waitlist). */
const offerToW2 = async (world: World) => expectOk(await invoke(world, seatAction(world, 0, 'cancel')))

const SCENARIOS: Scenario[] = [
  { name: 'enroll taking a seat', when: HOUR, call: (w) => enrollCall(w, 4), prepare: freeOneSeat },
  { name: 'enroll joining the waitlist', when: HOUR, call: (w) => enrollCall(w, 4) },
  { name: 'cancel of a seat handed to the waitlist', when: HOUR, call: (w) => seatAction(w, 0, 'cancel') },
  { name: 'cancel of a waitlist place', when: HOUR, call: (w) => seatAction(w, 3, 'cancel') },
  { name: 'cancel of a held offer', when: HOUR, prepare: offerToW2, call: (w) => seatAction(w, 2, 'cancel') },
  { name: 'confirming an offer', when: HOUR, prepare: offerToW2, call: (w) => seatAction(w, 2, 'confirmOffer') },
  { name: 'declining an offer', when: HOUR, prepare: offerToW2, call: (w) => seatAction(w, 2, 'declineOffer') },
  { name: 'an offer expiring (timer)', when: 13 * HOUR, prepare: offerToW2, call: () => timer('enrollment') },
  {
    name: 'staff adding seats',
    when: HOUR,
    call: (w) => ({ fn: 'admin', event: { action: 'setCapacity', courseId: w.courseId, capacity: 4 }, openid: STAFF }),
  },
  {
    name: 'staff cancelling the course',
    when: HOUR,
    call: (w) => ({
      fn: 'admin',
      event: { action: 'cancelCourse', courseId: w.courseId, reason: '讲师临时有事，本课程取消' },
      openid: STAFF,
    }),
  },
  { name: 'the no-show run (timer)', when: 13 * 24 * HOUR, call: () => timer('checkin') },
]

async function freeOneSeat(world: World): Promise<void> {
  // w3 leaves the waitlist and w0 leaves their seat: w2 is offered it, one waits no more, a seat is free for w4.
  expectOk(await invoke(world, seatAction(world, 3, 'cancel')))
  expectOk(await invoke(world, seatAction(world, 2, 'cancel')))
  expectOk(await invoke(world, seatAction(world, 0, 'cancel')))
}

function expectOk(reply: unknown): void {
  expect(reply).toMatchObject({ ok: true })
}

function invoke(world: World, call: Call, faults?: { crashAfter: number }) {
  const identity = call.timer ? { SOURCE: 'wx_trigger' } : { OPENID: call.openid, SOURCE: 'wx_client' }
  const event = call.timer ? { ...call.event, Time: new Date().toISOString() } : call.event
  return faults
    ? world.cloud.callWithStats(call.fn, event, identity, { faults })
    : world.cloud.call(call.fn, event, identity)
}

/** Capacity 2: w0 and w1 seated, w2 and w3 waiting, w4 and w5 free; one sweep has run. */
async function startWorld(): Promise<World> {
  pinClock(T0)
  const { cloud } = await startTestCloud()
  const { courseIds, openids } = seedStorm(cloud.store, { courses: 1, capacity: 2, workers: 6, now: at(-HOUR) })
  const profile = { name: '工作人员', phone: '13900000000', employer: '市总工会', memberNo: null }
  cloud.store.insert(COLLECTIONS.users, [
    newUserDoc(STAFF, { ...profile, consent: { version: CONSENT_VERSION, at: T0 } }, T0, 'staff'),
  ])
  const world = { cloud, courseId: courseIds[0], w: openids }
  for (let k = 0; k < 4; k++) expectOk(await invoke(world, enrollCall(world, k)))
  expectOk(await invoke(world, timer('enrollment')))
  return world
}

/** After recovery: nothing broken, and nothing owed to recovery either. */
function problems(world: World): string[] {
  const r = checkInvariants(world.cloud.store, { now: new Date() })
  return [...r.problems, ...r.owed].map((p) => `${p.code} ${p.detail}`)
}

/** Every worker gives back whatever they hold and deletes their profile; each step must succeed. */
async function everyoneLeaves(world: World): Promise<void> {
  for (const openid of world.w) {
    const mine = await callAs<{ active: { courseId: string; status: string; canCancel: boolean }[] }>(
      world.cloud,
      openid,
      'enrollment',
      'myEnrollments',
    )
    expectOk(mine)
    for (const e of mine.ok ? mine.data.active : []) {
      if (!e.canCancel) continue
      const action = e.status === 'offered' ? 'declineOffer' : 'cancel'
      expect([openid, await callAs(world.cloud, openid, 'enrollment', action, { courseId: e.courseId })]).toMatchObject(
        [openid, { ok: true }],
      )
    }
    expect([openid, await callAs(world.cloud, openid, 'user', 'deleteProfile', { confirm: true })]).toEqual([
      openid,
      { ok: true, data: { deleted: true } },
    ])
  }
}

afterEach(() => jest.useRealTimers())

it('keeps every function that writes seats within the time after which recovery may touch its writes', () => {
  for (const name of fs.readdirSync(FUNCTIONS_DIR)) {
    const file = path.join(FUNCTIONS_DIR, name, 'config.json')
    if (!fs.existsSync(file)) continue
    const { timeout = 3 } = JSON.parse(fs.readFileSync(file, 'utf8')) as { timeout?: number }
    expect([name, timeout * 1000 < STALE_AFTER_MS]).toEqual([name, true])
  }
})

describe.each(SCENARIOS)('$name', (scenario) => {
  it('recovers from a crash after each of its database requests', async () => {
    // How many requests the operation makes when nothing goes wrong.
    const clean = await startWorld()
    await scenario.prepare?.(clean)
    jest.setSystemTime(at(scenario.when))
    const baseline = await invoke(clean, scenario.call(clean), { crashAfter: 10_000 })
    const steps = (baseline as { stats: { requests: number } }).stats.requests
    clean.cloud.close()
    expect(steps).toBeGreaterThan(0)

    for (let n = 1; n <= steps; n++) {
      const world = await startWorld()
      await scenario.prepare?.(world)
      jest.setSystemTime(at(scenario.when))
      const crashed = (await invoke(world, scenario.call(world), { crashAfter: n })) as { died: unknown }
      expect([n, !!crashed.died]).toEqual([n, n < steps || !!crashed.died])
      // Recovery: once the dead call can no longer be in flight, the caller retries and the timer sweeps.
      jest.setSystemTime(at(scenario.when + STALE_AFTER_MS + 1_000))
      await invoke(world, scenario.call(world))
      await invoke(world, timer('enrollment'))
      expect([n, problems(world)]).toEqual([n, []])
      await everyoneLeaves(world)
      expect([n, problems(world)]).toEqual([n, []])
      world.cloud.close()
    }
  })
})
