import { formatWhen } from './time'

describe('formatWhen', () => {
  // 2026-12-03 23:10 in Shanghai.
  const now = new Date('2026-12-03T15:10:00.000Z')

  it('says today for a time later the same Shanghai day', () => {
    expect(formatWhen(new Date('2026-12-03T15:30:00.000Z'), now)).toBe('今天 23:30')
  })

  it('names the day, its weekday and says tomorrow just after midnight in Shanghai, though it is still the 3rd in UTC', () => {
    expect(formatWhen(new Date('2026-12-03T16:30:00.000Z'), now)).toBe('12月4日 周五（明天）00:30')
    expect(formatWhen(new Date('2026-12-04T10:30:00.000Z'), now)).toBe('12月4日 周五（明天）18:30')
  })

  it('names the day and its weekday further ahead', () => {
    expect(formatWhen(new Date('2026-12-06T10:30:00.000Z'), now)).toBe('12月6日 周日 18:30')
  })
})
