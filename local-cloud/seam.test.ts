import { PINNED_SDK_VERSION, verifySeam } from './seam'

describe('the transport seam check', () => {
  const requester = { request: async () => ({}) }

  it('accepts the pinned SDK with request() where it was verified', () => {
    expect(verifySeam(PINNED_SDK_VERSION, '/x/tcbapirequester.js', requester)).toBe(requester)
  })

  it('refuses another SDK version, naming both', () => {
    expect(() => verifySeam('4.1.0', '/x/tcbapirequester.js', requester)).toThrow(
      /wx-server-sdk 4\.1\.0 is installed.*verified on 4\.0\.2/,
    )
  })

  it('refuses when the requester module is gone or no longer exports request()', () => {
    expect(() => verifySeam(PINNED_SDK_VERSION, null, null)).toThrow(/seam has moved/)
    expect(() => verifySeam(PINNED_SDK_VERSION, '/x/tcbapirequester.js', { request: 'nope' })).toThrow(
      /no longer exports request\(\)/,
    )
  })
})
