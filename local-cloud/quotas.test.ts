/**
 * The platform's quotas: past them a request is refused at once with the platform's error, never
 * queued; the counts are shared by every process on the file and freed when a process is gone.
 */
import Database from 'better-sqlite3'
import { startTestCloud, pinClock } from '../tests/helpers/cloud'
import { LocalCloud, InstanceLimitError } from './index'
import { QuotaGate, quotasFromEnv, BASE_QUOTA } from './quotas'

afterEach(() => jest.useRealTimers())

function sdkOf(cloud: LocalCloud) {
  const sdk = cloud.sdk()
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
  return sdk.database()
}

it('refuses database requests past the concurrent connections with -501004, and frees them after', async () => {
  const cloud = new LocalCloud({ latencyMs: [20, 20], quotas: { dbConnections: 2 } })
  const db = sdkOf(cloud)
  const reads = await Promise.allSettled([1, 2, 3, 4].map(() => db.collection('courses').limit(1).get()))
  const codes = reads.map((r) => (r.status === 'fulfilled' ? 0 : (r.reason as { errCode: number }).errCode))
  expect(codes.sort()).toEqual([-501004, -501004, 0, 0])
  await expect(db.collection('courses').limit(1).get()).resolves.toBeDefined()
  expect(cloud.quotaRefusals).toBe(2)
  cloud.close()
})

it('refuses requests past the QPS within one second with -501003, and serves the next second', async () => {
  pinClock(new Date('2026-12-01T01:00:00.000Z'))
  const cloud = new LocalCloud({ quotas: { dbQps: 3 } })
  const db = sdkOf(cloud)
  for (let i = 0; i < 3; i++) await db.collection('courses').limit(1).get()
  await expect(db.collection('courses').limit(1).get()).rejects.toMatchObject({ errCode: -501003 })
  jest.setSystemTime(new Date('2026-12-01T01:00:01.000Z'))
  await expect(db.collection('courses').limit(1).get()).resolves.toBeDefined()
  cloud.close()
})

it('refuses an invocation past the instance quota of its function, not of another function', async () => {
  const { cloud: plain } = await startTestCloud()
  plain.close()
  const cloud = new LocalCloud({ latencyMs: [30, 30], quotas: { functionInstances: 1 } })
  const calls = [
    cloud.call('catalog', { action: 'listCourses' }, { OPENID: 'o_a' }),
    cloud.call('catalog', { action: 'listCourses' }, { OPENID: 'o_b' }),
    cloud.call('enrollment', { action: 'myEnrollments' }, { OPENID: 'o_c' }),
  ]
  const [first, second, other] = await Promise.allSettled(calls)
  expect(first.status).toBe('fulfilled')
  expect(second).toMatchObject({ status: 'rejected', reason: expect.any(InstanceLimitError) })
  expect((second as PromiseRejectedResult).reason).toMatchObject({ errCode: -501004 })
  expect(other.status).toBe('fulfilled')
  await expect(cloud.call('catalog', { action: 'listCourses' }, { OPENID: 'o_b' })).resolves.toBeDefined()
  cloud.close()
})

it('shares the counts between processes on one file and forgets a process that is gone', () => {
  const file = new Database(':memory:')
  const mine = new QuotaGate(file, { dbConnections: 1 }, process.pid)
  // A pid that cannot exist holds the only connection: a crashed process.
  const gone = new QuotaGate(file, { dbConnections: 1 }, 2 ** 22 + 12345)
  expect(gone.enterDatabase()).toBeNull()
  expect(mine.enterDatabase()).toBeNull()
  expect(mine.enterDatabase()).toMatchObject({ code: 'EXCEED_CONCURRENT_REQUEST_LIMIT' })
  const parent = new QuotaGate(file, { dbConnections: 1 }, process.ppid)
  mine.leaveDatabase()
  expect(parent.enterDatabase()).toBeNull()
  expect(mine.enterDatabase()).toMatchObject({ code: 'EXCEED_CONCURRENT_REQUEST_LIMIT' })
  file.close()
})

it('reads the preset or figures from LOCAL_CLOUD_QUOTAS and refuses anything else', () => {
  expect(quotasFromEnv('base')).toEqual(BASE_QUOTA)
  expect(quotasFromEnv('{"dbQps":100}')).toEqual({ dbQps: 100 })
  expect(quotasFromEnv(undefined)).toEqual({})
  expect(() => quotasFromEnv('{"qps":1}')).toThrow(/LOCAL_CLOUD_QUOTAS/)
  expect(() => quotasFromEnv('fast')).toThrow(/LOCAL_CLOUD_QUOTAS/)
})
