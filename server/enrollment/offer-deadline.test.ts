import { shanghaiInstant } from '@core/time'
import { offerDeadline } from './lifecycle'

const at = (date: string, time: string) => shanghaiInstant(date, time)
const farLesson = { firstLessonAt: at('2026-12-20', '19:00') }
const deadline = (date: string, time: string, course: Parameters<typeof offerDeadline>[1] = farLesson) =>
  offerDeadline(at(date, time), course).toISOString()

describe('offerDeadline: the hold counts waking hours only (08:00–22:00 北京时间)', () => {
  it('keeps a 12 h hold made in the morning as it was: 09:00 → 21:00 the same day', () => {
    expect(deadline('2026-12-01', '09:00')).toBe(at('2026-12-01', '21:00').toISOString())
  })

  it('ends exactly at 22:00 when the hold runs out then (made at 10:00)', () => {
    expect(deadline('2026-12-01', '10:00')).toBe(at('2026-12-01', '22:00').toISOString())
  })

  it('carries the rest of a hold over the night: 21:00 → 1 h tonight + 11 h from 08:00 = 19:00 tomorrow', () => {
    expect(deadline('2026-12-01', '21:00')).toBe(at('2026-12-02', '19:00').toISOString())
  })

  it('one minute after 10:00 already runs into the next morning (08:01)', () => {
    expect(deadline('2026-12-01', '10:01')).toBe(at('2026-12-02', '08:01').toISOString())
  })

  it('starts counting at 08:00 for an offer made in the night, before or after midnight', () => {
    expect(deadline('2026-12-01', '23:30')).toBe(at('2026-12-02', '20:00').toISOString())
    expect(deadline('2026-12-02', '00:10')).toBe(at('2026-12-02', '20:00').toISOString())
    expect(deadline('2026-12-02', '07:59')).toBe(at('2026-12-02', '20:00').toISOString())
    expect(deadline('2026-12-01', '22:00')).toBe(at('2026-12-02', '20:00').toISOString())
  })

  it('spreads a long hold over several days, skipping each night', () => {
    // 30 h of waking time from 20:00: 2 h, then 14 h on the 2nd, then 14 h on the 3rd → 22:00 on the 3rd.
    expect(deadline('2026-12-01', '20:00', { ...farLesson, offerHoldHours: 30 })).toBe(
      at('2026-12-03', '22:00').toISOString(),
    )
    expect(deadline('2026-12-01', '21:30', { ...farLesson, offerHoldHours: 2 })).toBe(
      at('2026-12-02', '09:30').toISOString(),
    )
  })

  it('never runs past the first lesson, even when that is inside the quiet hours', () => {
    const early = { firstLessonAt: at('2026-12-02', '07:00') }
    expect(deadline('2026-12-01', '21:00', early)).toBe(at('2026-12-02', '07:00').toISOString())
    const noon = { firstLessonAt: at('2026-12-02', '12:00') }
    expect(deadline('2026-12-01', '21:00', noon)).toBe(at('2026-12-02', '12:00').toISOString())
  })
})
