import fs from 'node:fs'
import path from 'node:path'

/**
 * Checks the weapp build that `npm test` produces before jest runs. WeChat refuses to upload a main
 * package over 2 MB; we keep a wide margin (0.8 MB) so enrolment, check-in and reminders still fit.
 */
const DIST = path.resolve(__dirname, '../../dist')
const STAFF_ROOT = 'package-staff'
const MAIN_PACKAGE_LIMIT = 0.8 * 1024 * 1024

interface AppJson {
  pages: string[]
  tabBar?: { list: { pagePath: string; text: string }[] }
  subPackages?: { root: string; pages: string[] }[]
  subpackages?: { root: string; pages: string[] }[]
}

function sizeOf(dir: string, skip: (rel: string) => boolean, rel = ''): number {
  let total = 0
  for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const child = path.posix.join(rel, entry.name)
    if (skip(child)) continue
    total += entry.isDirectory() ? sizeOf(dir, skip, child) : fs.statSync(path.join(dir, child)).size
  }
  return total
}

function readAppJson(): AppJson {
  const file = path.join(DIST, 'app.json')
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run build:weapp\` first (npm test does this).`)
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson
}

describe('weapp build', () => {
  it('declares the worker pages, both tabs and the staff subpackage', () => {
    const app = readAppJson()
    expect(app.pages[0]).toBe('pages/catalog/index')
    expect(app.pages).toEqual(
      expect.arrayContaining(['pages/me/index', 'pages/course/index', 'pages/profile/index', 'pages/login/index']),
    )
    expect(app.tabBar?.list.map((t) => t.text)).toEqual(['课程', '我的'])
    const subPackages = app.subPackages ?? app.subpackages ?? []
    const staff = subPackages.find((p) => p.root.replace(/\/$/, '') === STAFF_ROOT)
    expect(staff?.pages).toContain('pages/home/index')
  })

  it('keeps staff pages out of the main package', () => {
    readAppJson()
    expect(fs.existsSync(path.join(DIST, STAFF_ROOT))).toBe(true)
    expect(fs.existsSync(path.join(DIST, 'pages', 'home'))).toBe(false)
  })

  it(`keeps the main package under ${MAIN_PACKAGE_LIMIT / 1024 / 1024} MB`, () => {
    readAppJson()
    // Source maps are not uploaded to WeChat, so they do not count.
    const mainBytes = sizeOf(DIST, (rel) => rel === STAFF_ROOT || rel.endsWith('.map'))
    expect(mainBytes).toBeLessThan(MAIN_PACKAGE_LIMIT)
  })
})
