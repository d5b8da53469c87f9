/** Finding a browser for the journeys on Linux, macOS and Windows, or saying what to install. */
import { findBrowser, INSTALL_HINT } from './browser'

const only =
  (...files: string[]) =>
  (file: string) =>
    files.includes(file)

describe('findBrowser', () => {
  it('takes CHROME_PATH first, and says so when it points nowhere', () => {
    expect(findBrowser('linux', { CHROME_PATH: '/x/chrome' }, only('/x/chrome', '/usr/bin/chromium'))).toBe('/x/chrome')
    expect(() => findBrowser('linux', { CHROME_PATH: '/x/chrome' }, only())).toThrow(
      'CHROME_PATH=/x/chrome does not exist',
    )
  })

  it("finds Debian's Chromium, or a Chrome on the PATH", () => {
    expect(findBrowser('linux', {}, only('/usr/bin/chromium'))).toBe('/usr/bin/chromium')
    expect(findBrowser('linux', { PATH: '/usr/local/bin:/opt/bin' }, only('/opt/bin/google-chrome'))).toBe(
      '/opt/bin/google-chrome',
    )
  })

  it('finds Chrome or Edge where macOS and Windows install them', () => {
    const mac = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    expect(findBrowser('darwin', {}, only(mac))).toBe(mac)
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'
    expect(findBrowser('win32', { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' }, only(edge))).toBe(edge)
  })

  it('says in one line what to install when there is no browser', () => {
    expect(() => findBrowser('darwin', {}, only())).toThrow(INSTALL_HINT)
    expect(INSTALL_HINT).not.toContain('\n')
  })
})
