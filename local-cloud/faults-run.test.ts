/**
 * Faults for a whole run, as benchmarks switch them on: from the LocalCloud's options or, for child
 * processes, from LOCAL_CLOUD_FAULTS. Each cloud here is used alone, one after another (the SDK's
 * transport belongs to the last cloud made in a process).
 */
import fs from 'node:fs'
import { COLLECTIONS } from '../server/collections'
import { FAULTS_ENV, faultsFromEnv, type FaultPlan } from './faults'
import { LocalCloud } from './index'
import { writeProbeFunctions } from './probe-functions'
import { fireTrigger, listTriggers } from './timers'

const dir = writeProbeFunctions()
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

/** Runs the probe `calls` times one after another; returns which calls crashed, and the counters. */
async function rush(faults: FaultPlan | undefined, calls: number) {
  const cloud = new LocalCloud({ functionsDir: dir, faults })
  try {
    const crashed: number[] = []
    for (let k = 0; k < calls; k++) {
      const run = await cloud.callWithStats('probe', { tag: `r${k}`, writes: 3 })
      if (run.died) crashed.push(k)
      // A crashed call wrote exactly the requests it made before it died.
      const written = cloud.store.count(COLLECTIONS.jobs, { _id: { $regex: `^r${k}_` } })
      expect(written).toBe(run.died ? run.stats.crashedAfter : 3)
    }
    return { crashed, counters: cloud.faultCounters() }
  } finally {
    cloud.close()
  }
}

describe('crashRate', () => {
  it('crashes about the given share of invocations, the same ones for the same seed', async () => {
    const first = await rush({ crashRate: 0.2, seed: 42 }, 120)
    const again = await rush({ crashRate: 0.2, seed: 42 }, 120)
    const other = await rush({ crashRate: 0.2, seed: 7 }, 120)
    expect(again.crashed).toEqual(first.crashed)
    expect(other.crashed).not.toEqual(first.crashed)
    expect(first.counters).toMatchObject({ invocations: 120, crashes: first.crashed.length, timeouts: 0 })
    // 24 expected; a binomial(120, 0.2) lands in 10..40 all but never.
    expect(first.crashed.length).toBeGreaterThanOrEqual(10)
    expect(first.crashed.length).toBeLessThanOrEqual(40)
  })

  it('crashes nothing without a plan', async () => {
    expect((await rush(undefined, 20)).counters).toMatchObject({ invocations: 20, crashes: 0 })
  })
})

describe(FAULTS_ENV, () => {
  afterEach(() => delete process.env[FAULTS_ENV])

  it('plans the run of a process that was given it, under the options of its LocalCloud', async () => {
    process.env[FAULTS_ENV] = JSON.stringify({ crashAfter: 1 })
    expect((await rush(undefined, 3)).counters).toMatchObject({ invocations: 3, crashes: 3 })
    expect((await rush({ crashAfter: 2 }, 2)).crashed).toEqual([0, 1])
  })

  it('refuses a plan it cannot read rather than run without faults', () => {
    expect(() => faultsFromEnv('{crashRate: 1}')).toThrow(/not JSON/)
    expect(() => faultsFromEnv('{"crashRate": 2}')).toThrow(FAULTS_ENV)
    expect(() => faultsFromEnv('{"crashEvery": 2}')).toThrow(FAULTS_ENV)
    expect(faultsFromEnv('{"crashRate":0.01,"seed":42}')).toEqual({ crashRate: 0.01, seed: 42 })
  })
})

describe('timer triggers', () => {
  it('run under the function timeout too: slow requests end a 1 s timer run with the timeout error', async () => {
    const cloud = new LocalCloud({ functionsDir: dir, faults: { delayMs: 400 } })
    try {
      const [trigger] = listTriggers(cloud)
      await expect(fireTrigger(cloud, trigger)).rejects.toMatchObject({ errCode: -504003, reason: 'timeout' })
      expect(cloud.faultCounters()).toMatchObject({ timeouts: 1 })
      expect(cloud.store.count(COLLECTIONS.jobs, { _id: { $regex: '^timer_' } })).toBeLessThanOrEqual(2)
    } finally {
      cloud.close()
    }
  })
})
