/**
 * The one structured line each function call logs: what ran, how it ended, how long it took and how
 * many database requests it cost, and nothing a worker typed.
 */
import { CONSENT_VERSION } from '@core/contracts/user'
import type { LocalCloud } from '../local-cloud'
import { callAs, startTestCloud } from '../tests/helpers/cloud'

let cloud: LocalCloud
let lines: string[]
let spy: jest.SpyInstance

beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(() => {
  cloud.store.clear()
  lines = []
  process.env.CALL_LOG = 'on'
  spy = jest.spyOn(console, 'log').mockImplementation((line: unknown) => void lines.push(String(line)))
})
afterEach(() => {
  spy.mockRestore()
  process.env.CALL_LOG = 'off'
})
afterAll(() => cloud.close())

const dbRequests = () =>
  [...cloud.requestCounts.entries()].filter(([a]) => a.startsWith('database.')).reduce((n, [, v]) => n + v, 0)

const profile = {
  name: '张建国',
  phone: '13800138000',
  employer: '杭州钱江精密机械有限公司',
  memberNo: 'HZ330100001',
  consentVersion: CONSENT_VERSION,
}

describe('the per-call log line', () => {
  it('names the function, action and outcome, counts the database requests, and holds no personal data', async () => {
    const before = dbRequests()
    const reply = await callAs(cloud, 'o_log', 'user', 'saveProfile', profile)
    expect(reply).toMatchObject({ ok: true })
    expect(lines).toHaveLength(1)
    const line = JSON.parse(lines[0]) as Record<string, unknown>
    expect(line).toEqual({
      log: 'call',
      function: 'user',
      action: 'saveProfile',
      outcome: 'OK',
      ms: expect.any(Number),
      dbRequests: dbRequests() - before,
    })
    expect(line.dbRequests).toBeGreaterThan(0)
    for (const secret of [profile.name, profile.phone, profile.memberNo, 'o_log'])
      expect(lines[0]).not.toContain(secret)
  })

  it('logs a refusal by its code and an unknown action without echoing it', async () => {
    await callAs(cloud, 'o_log', 'enrollment', 'enroll', { courseId: 'nope' })
    await callAs(cloud, 'o_log', 'user', '13800138000')
    const [refused, unknown] = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(refused).toMatchObject({
      function: 'enrollment',
      action: 'enroll',
      outcome: expect.stringMatching(/^[A-Z]+\.[A-Z_]+$/),
    })
    expect(refused.outcome).not.toBe('OK')
    expect(unknown).toMatchObject({ function: 'user', action: '?', outcome: 'COMMON.UNKNOWN_ACTION', dbRequests: 0 })
    expect(lines[1]).not.toContain('13800138000')
  })

  it('counts concurrent calls apart', async () => {
    await Promise.all(['o_a', 'o_b', 'o_c'].map((o) => callAs(cloud, o, 'user', 'login')))
    const counts = lines.map((l) => (JSON.parse(l) as { dbRequests: number }).dbRequests)
    expect(counts).toHaveLength(3)
    expect(new Set(counts)).toEqual(new Set([counts[0]]))
    expect(counts[0]).toBeGreaterThan(0)
  })
})
