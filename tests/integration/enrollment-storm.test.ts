import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { COLLECTIONS } from '../../server/collections'
import type { CourseDoc } from '../../server/repos/course-repo'
import { DocStore } from '../../local-cloud/store'
import { buildFunctions } from '../../scripts/build-functions'
import { checkInvariants, ledgerProblems } from '../helpers/invariants'
import { runStorm } from '../helpers/storm'
import type { StormCall, StormPlan } from '../helpers/storm-worker'
import { prng, seedStorm } from '../helpers/enroll-fixture'
import { LocalCloud } from '../../local-cloud'
import { pinClock } from '../helpers/cloud'

jest.setTimeout(60_000)

it('takes exactly the quota with three instances racing, double taps and cancels, and never oversells midway', async () => {
  await buildFunctions()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enroll-storm-'))
  const dbFile = path.join(dir, 'cloud.sqlite')
  const setup = new LocalCloud({ dbFile })
  const { courseIds, openids } = seedStorm(setup.store, { courses: 2, capacity: 20, workers: 120, now: new Date() })
  setup.close()

  const random = prng(7)
  const calls: StormCall[] = []
  for (let i = 0; i < 360; i++) {
    if (calls.length > 0 && random() < 0.15) {
      // A worker who tapped earlier changes their mind, handing the seat on to whoever waits.
      const earlier = calls[Math.floor(random() * calls.length)]
      calls.push({ openid: earlier.openid, courseId: earlier.courseId, action: 'cancel' })
      continue
    }
    const openid = openids[Math.floor(random() * openids.length)]
    // Most of the rush goes to the first course.
    const courseId = random() < 0.8 ? courseIds[0] : courseIds[1]
    calls.push({ openid, courseId, action: 'enroll', joinWaitlist: random() < 0.6, doubleTap: random() < 0.15 })
  }
  const plans: StormPlan[] = [0, 1, 2].map((k) => ({
    dbFile,
    mode: 'ledger',
    concurrency: 8,
    latencyMs: [0, 2],
    calls: calls.filter((_, i) => i % 3 === k),
  }))

  const sampler = new DocStore(dbFile)
  const midway: string[] = []
  let samples = 0
  const summaries = await runStorm(plans, async (finished) => {
    while (!finished()) {
      for (const c of sampler.find(COLLECTIONS.courses, {}) as unknown as CourseDoc[]) midway.push(...ledgerProblems(c))
      samples++
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  })

  const outcomes: Record<string, number> = {}
  for (const s of summaries) for (const [k, v] of Object.entries(s.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v
  expect(summaries.every((s) => s.calls > 0)).toBe(true)
  expect(samples).toBeGreaterThan(0)
  expect(midway).toEqual([])

  // Every moment of the rush: the ledger exact, never oversold, no seat lost, one record per worker.
  const rushed = checkInvariants(sampler)
  expect(rushed.oversold).toEqual([])
  expect(rushed.duplicates).toBe(0)
  expect(rushed.lostSeats).toEqual([])
  expect(rushed.problems.filter((p) => p.startsWith('s0'))).toEqual([])

  // A worker who cancels while their own enroll is still in flight can leave a record behind its ledger
  // entry; the next reconciler sweep settles it. After one sweep, everything agrees.
  const cloud = new LocalCloud({ dbFile })
  pinClock(new Date(Date.now() + 5 * 60_000))
  const sweep = await cloud.call('enrollment', { Type: 'Timer' }, { SOURCE: 'wx_trigger' })
  jest.useRealTimers()
  expect(sweep).toMatchObject({ ok: true, data: { partial: false } })
  cloud.close()
  const report = checkInvariants(sampler)
  expect(report.oversold).toEqual([])
  expect(report.duplicates).toBe(0)
  expect(report.ledgerMismatch).toEqual([])
  expect(report.lostSeats).toEqual([])
  expect(report.overLimitWorkers).toEqual([])
  expect(report.problems).toEqual([])
  // The hot course filled completely and turned the rest away or onto its waitlist.
  const hot = sampler.find(COLLECTIONS.courses, { _id: courseIds[0] })[0] as unknown as CourseDoc
  expect(hot.seatsTaken).toBe(20)
  expect(outcomes['enroll:ENROLL.ALREADY']).toBeGreaterThan(0)
  expect((outcomes['enroll:waitlisted'] ?? 0) + (outcomes['enroll:ENROLL.FULL'] ?? 0)).toBeGreaterThan(0)
  expect(outcomes['cancel:cancelled']).toBeGreaterThan(0)
  expect(outcomes['enroll:COMMON.INTERNAL'] ?? 0).toBe(0)
  sampler.close()
  fs.rmSync(dir, { recursive: true, force: true })
})
