import {
  acceptedWindow,
  digitsFor,
  readToken,
  readWorkerCode,
  sameDigits,
  signToken,
  signWorkerCode,
  workerRef,
} from './token'

const SECRET = 'a-test-secret-of-enough-length'
const SHORT = 'AbCd_-12'

describe('the 6-digit code', () => {
  it('is 6 digits, the same for the same lesson and minute, and differs across minutes, lessons and secrets', () => {
    const d = digitsFor(SECRET, SHORT, 1000)
    expect(d).toMatch(/^\d{6}$/)
    expect(digitsFor(SECRET, SHORT, 1000)).toBe(d)
    const others = [
      digitsFor(SECRET, SHORT, 1001),
      digitsFor(SECRET, 'ZZZZ_-99', 1000),
      digitsFor('x'.repeat(30), SHORT, 1000),
    ]
    expect(others.filter((o) => o === d)).toHaveLength(0)
  })

  it('spreads over the whole range, leading zeros kept (2,000 minutes)', () => {
    const codes = Array.from({ length: 2000 }, (_, w) => digitsFor(SECRET, SHORT, w))
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true)
    expect(new Set(codes).size).toBeGreaterThan(1990)
    const firstDigits = new Set(codes.map((c) => c[0]))
    expect(firstDigits.size).toBe(10)
  })

  it('compares in constant time and refuses a different length', () => {
    expect(sameDigits('012345', '012345')).toBe(true)
    expect(sameDigits('012345', '012346')).toBe(false)
    expect(sameDigits('012345', '12345')).toBe(false)
  })
})

describe('accepted windows', () => {
  const W = 15_000
  it('takes the current window, and the previous one only within the grace', () => {
    const start = 100 * W
    expect(acceptedWindow(100, start, W, 5000)).toBe(true)
    expect(acceptedWindow(99, start + 4999, W, 5000)).toBe(true)
    expect(acceptedWindow(99, start + 5000, W, 5000)).toBe(false)
    expect(acceptedWindow(98, start, W, 5000)).toBe(false)
    expect(acceptedWindow(101, start, W, 5000)).toBe(false)
  })
})

describe("the worker's personal code", () => {
  const ref = workerRef(SECRET, 'c001_l1', 'o_worker_001')

  it('carries the lesson, window and an opaque handle, never the openid', () => {
    const code = signWorkerCode(SECRET, SHORT, 123456, ref)
    expect(code).toMatch(/^W[A-Za-z0-9_-]{36}$/)
    expect(code).not.toContain('o_worker_001')
    expect(readWorkerCode(SECRET, code)).toEqual({ shortId: SHORT, window: 123456, ref })
  })

  it('is refused when any character changes, when signed elsewhere, or when it is a class code', () => {
    const code = signWorkerCode(SECRET, SHORT, 123456, ref)
    for (let i = 1; i < code.length; i++) {
      const changed = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1)
      expect(readWorkerCode(SECRET, changed)).toBeNull()
    }
    expect(readWorkerCode('another-secret-of-enough-length', code)).toBeNull()
    expect(readWorkerCode(SECRET, signToken(SECRET, SHORT, 123456))).toBeNull()
    expect(readToken(SECRET, code)).toBeNull()
  })
})
