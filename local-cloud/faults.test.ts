/**
 * Per-call faults, time limits and request accounting: an invocation that crashes or runs out of time
 * leaves exactly what it had written, its caller hears the platform's timeout, and nothing more of it
 * reaches the store.
 */
import fs from 'node:fs'
import { COLLECTIONS } from '../server/collections'
import { LocalCloud, FunctionTimeoutError, type InvocationStats } from './index'
import type { InvokeOptions } from './functions'
import { writeProbeFunctions, type ProbeReply } from './probe-functions'

const dir = writeProbeFunctions()
let cloud: LocalCloud
beforeAll(() => {
  cloud = new LocalCloud({ functionsDir: dir })
})
afterAll(() => {
  cloud.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const ids = (tag: string) =>
  cloud.store
    .find(COLLECTIONS.jobs, { _id: { $regex: `^${tag}_` } })
    .map((d) => d._id)
    .sort()

/** Calls the probe and also waits for its code to end, even when the caller was answered earlier. */
async function probe(event: Record<string, unknown>, options: InvokeOptions = {}) {
  let finished: (stats: InvocationStats) => void = () => undefined
  const ended = new Promise<InvocationStats>((resolve) => (finished = resolve))
  const result = await cloud.callWithStats<ProbeReply>('probe', event, {}, { ...options, onFinished: finished })
  return { ...result, ended: await ended }
}

describe('accounting', () => {
  it('counts each database request of an invocation, and which were reads and writes', async () => {
    const { reply, stats } = await probe({ tag: 'acc', writes: 2, count: true })
    expect(reply).toEqual({ wrote: [1, 2], failed: [], total: 2 })
    expect(stats).toMatchObject({ requests: 3, reads: 1, writes: 2, failed: 0, refused: 0, outcome: 'returned' })
    expect(stats.byAction).toEqual({ 'database.insertDocument': 2, 'database.calculateDocument': 1 })
  })

  it('counts a transaction: start, read, write and commit', async () => {
    cloud.store.insert(COLLECTIONS.jobs, [{ _id: 'txn', n: 1 }])
    const { stats } = await probe({ tag: 'txn', transaction: true })
    expect(stats).toMatchObject({ requests: 4, reads: 1, writes: 1 })
    expect(cloud.store.find(COLLECTIONS.jobs, { _id: 'txn' })[0]).toMatchObject({ n: 2 })
  })

  it('gives the same counts for the same call, whatever runs beside it', async () => {
    const runs = await Promise.all(
      ['d1', 'd2', 'd3'].map((tag, k) => probe({ tag, writes: k + 1, count: true }, { faults: { delayMs: [0, 5] } })),
    )
    expect(runs.map((r) => [r.stats.requests, r.stats.writes, r.stats.reads])).toEqual([
      [2, 1, 1],
      [3, 2, 1],
      [4, 3, 1],
    ])
  })
})

describe('crashAfter', () => {
  it('lets request N take effect, answers the caller with the timeout error, and refuses the rest', async () => {
    const run = await probe({ tag: 'crash', writes: 5 }, { faults: { crashAfter: 2 } })
    expect(run.reply).toBeUndefined()
    expect(run.died).toBeInstanceOf(FunctionTimeoutError)
    expect(run.died).toMatchObject({ errCode: -504003, reason: 'crash' })
    expect(run.died?.errMsg).toMatch(/errCode: -504003 .*Invoking task timed out after 1 seconds/)
    expect(run.ended).toMatchObject({ outcome: 'crashed', crashedAfter: 2, requests: 2, refused: 1 })
    expect(ids('crash')).toEqual(['crash_1', 'crash_2'])
  })

  it('rejects call() itself the way wx.cloud.callFunction does', async () => {
    await expect(cloud.call('probe', { tag: 'crash0', writes: 1 }, {}, { faults: { crashAfter: 0 } })).rejects.toEqual(
      expect.objectContaining({ errCode: -504003, reason: 'crash' }),
    )
    expect(ids('crash0')).toEqual([])
  })

  it('does nothing when the invocation makes fewer requests than N', async () => {
    const run = await probe({ tag: 'short', writes: 2 }, { faults: { crashAfter: 3 } })
    expect(run.died).toBeNull()
    expect(run.stats).toMatchObject({ outcome: 'returned', crashedAfter: null })
  })

  it('crashes inside a transaction without committing it', async () => {
    cloud.store.insert(COLLECTIONS.jobs, [{ _id: 'txn2', n: 1 }])
    const run = await probe({ tag: 'txn2', transaction: true }, { faults: { crashAfter: 3 } })
    expect(run.died).toMatchObject({ reason: 'crash' })
    // Refused: the update, then the SDK's rollback.
    expect(run.ended).toMatchObject({ requests: 3, refused: 2 })
    expect(cloud.store.find(COLLECTIONS.jobs, { _id: 'txn2' })[0]).toMatchObject({ n: 1 })
  })

  it('says nothing more once dead, and leaves no unhandled rejection behind', async () => {
    const seen: unknown[] = []
    const onRejection = (reason: unknown) => seen.push(reason)
    process.on('unhandledRejection', onRejection)
    const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      const run = await probe({ tag: 'quiet', writes: 4 }, { faults: { crashAfter: 1, delayMs: 1 } })
      expect(run.ended).toMatchObject({ outcome: 'crashed', refused: 1 })
      await new Promise<void>((resolve) => setImmediate(resolve))
      // The probe logs its refused write; a dead instance's log never shows.
      expect(errorLog).not.toHaveBeenCalled()
      // The console is handed back once no dead code runs.
      expect(console.error).toBe(errorLog)
    } finally {
      errorLog.mockRestore()
      process.off('unhandledRejection', onRejection)
    }
    expect(seen).toEqual([])
  })
})

describe('failAt', () => {
  it('fails request N like the platform (-502001) without writing it, and the invocation goes on', async () => {
    const run = await probe({ tag: 'fail', writes: 4, count: true }, { faults: { failAt: [2, 4] } })
    expect(run.reply).toEqual({
      wrote: [1, 3],
      failed: [
        { i: 2, errCode: -502001 },
        { i: 4, errCode: -502001 },
      ],
      total: 2,
    })
    expect(run.stats).toMatchObject({ requests: 5, failed: 2, outcome: 'returned' })
    expect(ids('fail')).toEqual(['fail_1', 'fail_3'])
    expect(cloud.faultCounters().failures).toBeGreaterThanOrEqual(2)
  })
})

describe('time limits', () => {
  it("enforces config.json's timeout: a 1 s function whose requests take 300 ms each dies at 1 s", async () => {
    const run = await probe({ tag: 'slow', writes: 10 }, { faults: { delayMs: 300 } })
    expect(run.died).toMatchObject({ errCode: -504003, reason: 'timeout', timeoutMs: 1000 })
    // At most three requests fit in the second; the one waiting when time ran out never arrived.
    expect(run.ended).toMatchObject({ outcome: 'timedOut', refused: 1 })
    expect(run.ended.requests).toBeGreaterThanOrEqual(1)
    expect(run.ended.requests).toBeLessThanOrEqual(3)
    expect(ids('slow')).toEqual(Array.from({ length: run.ended.requests }, (_, i) => `slow_${i + 1}`))
  })

  it('takes a shorter limit per call, and tells the function its limit', async () => {
    const run = await probe({ tag: 'short-limit', writes: 5 }, { timeoutMs: 250, faults: { delayMs: 100 } })
    expect(run.died).toMatchObject({ reason: 'timeout', timeoutMs: 250 })
    expect(run.ended.requests).toBeLessThanOrEqual(2)
    expect(ids('short-limit')).toHaveLength(run.ended.requests)
    await expect(cloud.call('plain', {}, {}, { timeoutMs: 250 })).resolves.toEqual({ limit: 250 })
  })

  it('gives a function without a timeout the platform default of 3 s', async () => {
    await expect(cloud.call('plain', {})).resolves.toEqual({ limit: 3000 })
    expect(cloud.functions.timeoutMs('probe')).toBe(1000)
  })

  it('counts crashes and timeouts for the run', () => {
    expect(cloud.faultCounters()).toMatchObject({
      crashes: expect.any(Number),
      timeouts: expect.any(Number),
    })
    expect(cloud.faultCounters().crashes).toBeGreaterThanOrEqual(4)
    expect(cloud.faultCounters().timeouts).toBeGreaterThanOrEqual(2)
  })
})
