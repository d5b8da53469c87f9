/** WeChat's 7-field timer crons, evaluated in Shanghai time as the cloud does. */
import { nextRuns, toCroner } from './timers'

describe('toCroner', () => {
  it('drops the year field of a WeChat cron', () => {
    const converted = toCroner('0 */5 * * * * *')
    expect(converted.split(' ')).toHaveLength(6)
    expect(converted).toBe('0 */5 * * * *')
  })

  it('refuses a cron with six fields', () => {
    expect(() => toCroner('0 */5 * * * *')).toThrow(/7 fields/)
  })

  it('refuses a cron that restricts the year', () => {
    expect(() => toCroner('0 0 9 * * * 2027')).toThrow(/year/)
  })
})

describe('nextRuns', () => {
  it('fires a 09:00 trigger at 09:00 Shanghai time, which is 01:00 UTC', () => {
    const runs = nextRuns(
      { functionName: 'x', triggerName: 't', cron: '0 0 9 * * * *' },
      new Date('2026-12-01T00:30:00Z'),
      2,
    )
    expect(runs.map((d) => d.toISOString())).toEqual(['2026-12-01T01:00:00.000Z', '2026-12-02T01:00:00.000Z'])
  })

  it('runs an every-5-minutes trigger on the five-minute marks', () => {
    const runs = nextRuns(
      { functionName: 'x', triggerName: 't', cron: '0 */5 * * * * *' },
      new Date('2026-12-01T00:31:10Z'),
      3,
    )
    expect(runs.map((d) => d.toISOString())).toEqual([
      '2026-12-01T00:35:00.000Z',
      '2026-12-01T00:40:00.000Z',
      '2026-12-01T00:45:00.000Z',
    ])
  })
})
