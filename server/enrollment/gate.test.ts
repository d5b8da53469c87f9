import { fail, ok } from '@core/reply'
import { createAdmissionGate } from './gate'

const code = (r: { ok: boolean; error?: { code: string } } | null) => (r ? (r.ok ? 'ok' : r.error!.code) : null)
/** A full course as read: w1 seated, w2 waiting. */
const c1 = { _id: 'c1', seats: { w1: 'enrolled' as const }, waitlist: ['w2'] }

describe('the admission gate', () => {
  let t = 0
  const gate = () => createAdmissionGate(() => t, 1000)
  beforeEach(() => (t = 0))

  it('knows nothing of a course it has not heard from', () => {
    expect(gate().recall('c1', 'w9', false)).toBeNull()
  })

  it('answers "full" for a moment after hearing it, to taps that do not ask for the waitlist', () => {
    const g = gate()
    g.note(c1, fail('ENROLL.FULL'))
    expect(code(g.recall('c1', 'w9', false))).toBe('ENROLL.FULL')
    // The waitlist may still have room: a tap that asks for it goes to the database.
    expect(g.recall('c1', 'w9', true)).toBeNull()
    expect(g.recall('c2', 'w9', false)).toBeNull()
    t = 999
    expect(code(g.recall('c1', 'w9', false))).toBe('ENROLL.FULL')
    t = 1000
    expect(g.recall('c1', 'w9', false)).toBeNull()
  })

  it('sends a worker who held a place to the database, for their own answer', () => {
    const g = gate()
    g.note(c1, fail('ENROLL.WAITLIST_FULL'))
    expect(g.recall('c1', 'w1', false)).toBeNull()
    expect(g.recall('c1', 'w2', true)).toBeNull()
    expect(code(g.recall('c1', 'w9', true))).toBe('ENROLL.WAITLIST_FULL')
  })

  it('answers both kinds of tap after "waitlist full", and learns "seats gone" from a waitlist place', () => {
    const g = gate()
    g.note(c1, fail('ENROLL.WAITLIST_FULL'))
    expect(code(g.recall('c1', 'w9', true))).toBe('ENROLL.WAITLIST_FULL')
    expect(code(g.recall('c1', 'w9', false))).toBe('ENROLL.FULL')
    g.note({ ...c1, _id: 'c2' }, ok({ status: 'waitlisted', waitlistPosition: null }))
    expect(code(g.recall('c2', 'w9', false))).toBe('ENROLL.FULL')
    expect(g.recall('c2', 'w9', true)).toBeNull()
  })

  it('remembers nothing from a seat, from a worker’s own answer, or from a course not open yet', () => {
    const g = gate()
    for (const reply of [
      ok({ status: 'enrolled', waitlistPosition: null }),
      fail('ENROLL.ALREADY'),
      fail('ENROLL.LIMIT_REACHED'),
      fail('ENROLL.NOT_OPEN'),
      fail('COMMON.BUSY'),
    ]) {
      expect(g.note(c1, reply)).toBe(reply)
    }
    expect(g.recall('c1', 'w9', false)).toBeNull()
    expect(g.recall('c1', 'w9', true)).toBeNull()
  })
})
