/**
 * Browser journeys on the H5 build: a private local cloud on a temporary SQLite file with the demo
 * programme, the gateway serving dist-h5 and /api on a free port, and Chromium, Chrome or Edge (see
 * browser.ts) with a phone-sized, touch-enabled context per worker. Builds nothing but the cloud
 * functions (milliseconds): the H5 app comes from `npm run build:h5`, which `npm test` runs before jest.
 */
import { moveLessonTo } from '../helpers/enroll-fixture'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { LocalCloud } from '../../local-cloud'
import { startGateway, type Gateway } from '../../local-cloud/gateway'
import { demoWorkerOpenId, seedDemo, type DemoProgramme } from '../../local-cloud/seed/demo'
import { buildFunctions } from '../../scripts/build-functions'
import { findBrowser } from './browser'

// E2E_H5_DIR: a copy of the build to test while another build rewrites dist-h5 (several people, one tree).
export const H5_DIR = process.env.E2E_H5_DIR ?? path.resolve(__dirname, '../../dist-h5')
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]
/** The dev identity the H5 build reads (src/services/dev-identity.ts). */
const DEV_OPENID_KEY = 'xz.devOpenId'

export interface E2eEnv {
  cloud: LocalCloud
  demo: DemoProgramme
  gateway: Gateway
  browser: Browser
  /** Base URL of the app, ending in '/'. */
  url: string
  /** A fresh phone (browser context); signed in as `openid` when given, else at the login page. */
  phone(openid?: string): Promise<Page>
  close(): Promise<void>
}

/** The browser to drive; throws one line saying what to install when there is none. */
function requirePrerequisites(): string {
  if (!fs.existsSync(path.join(H5_DIR, 'index.html'))) {
    throw new Error(`${H5_DIR}/index.html is missing: run \`npm run build:h5\` first (npm test does this).`)
  }
  return findBrowser()
}

export async function startE2e(options: { start?: Date } = {}): Promise<E2eEnv> {
  const executablePath = requirePrerequisites()
  await buildFunctions()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xz-e2e-'))
  const cloud = new LocalCloud({ dbFile: path.join(dir, 'e2e.sqlite') })
  const demo = seedDemo(cloud.store, { start: options.start })
  const gateway = await startGateway(cloud, { port: 0, staticDir: H5_DIR })
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true })
  const contexts: BrowserContext[] = []

  return {
    cloud,
    demo,
    gateway,
    browser,
    url: gateway.url,
    async phone(openid) {
      const context = await browser.newContext({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        // NutUI buttons act on touchend in H5, so the phone must have touch.
        hasTouch: true,
        isMobile: true,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
      })
      context.setDefaultTimeout(10_000)
      contexts.push(context)
      if (openid) {
        await context.addInitScript(
          ([key, value]) => {
            if (!localStorage.getItem(key)) localStorage.setItem(key, value)
          },
          [DEV_OPENID_KEY, openid] as const,
        )
      }
      return context.newPage()
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => {})
      await browser.close().catch(() => {})
      await gateway.close()
      cloud.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * One browser environment per test file: started before its tests, closed after them. The returned
 * object stands for the environment once it has started.
 */
export function useE2e(options: { start?: Date } = {}): E2eEnv {
  let current: E2eEnv | undefined
  beforeAll(async () => {
    current = await startE2e(options)
  })
  afterAll(async () => {
    await current?.close()
  })
  return new Proxy({} as E2eEnv, {
    get(_target, prop) {
      if (!current) throw new Error('the browser environment is used before beforeAll started it')
      return Reflect.get(current, prop)
    },
  })
}

/**
 * A demo course taking sign-ups now, optionally with its first lesson at least `leadHours` away (a
 * worker may cancel only until 24 h before it).
 */
export function openCourse(env: E2eEnv, leadHours = 0): string {
  const now = Date.now()
  const course = env.demo.courses.find(
    (c) =>
      new Date(c.enrollOpensAt).getTime() <= now &&
      new Date(c.enrollClosesAt).getTime() > now &&
      new Date(c.firstLessonAt).getTime() - now > leadHours * 3600_000,
  )
  if (!course) throw new Error(`the demo programme has no open course starting more than ${leadHours} h ahead`)
  return String(course._id)
}

/**
 * An open demo course a staff screen can be asked for by name: its title is shared by no other course,
 * enrolment stays open at least another hour, its first lesson is more than a day away, and it is not
 * among `taken` (courses another test of the file already changed).
 */
export function openCourseByTitle(env: E2eEnv, taken: ReadonlySet<string> = new Set()): { id: string; title: string } {
  const now = Date.now()
  const titles = env.demo.courses.map((c) => c.title)
  const course = env.demo.courses.find(
    (c) =>
      !taken.has(c._id) &&
      c.enrollOpensAt.getTime() <= now &&
      c.enrollClosesAt.getTime() > now + 3600_000 &&
      c.firstLessonAt.getTime() > now + 24 * 3600_000 &&
      titles.filter((t) => t === c.title).length === 1,
  )
  if (!course) throw new Error('the demo programme has no open course with a unique title left')
  return { id: course._id, title: course.title }
}

/** Demo worker `n` takes a seat (or a waitlist place) through the real function, as the app would. */
export async function enrollDemoWorker(env: E2eEnv, n: number, courseId: string): Promise<void> {
  const reply = await env.cloud.call<{ ok: boolean }>(
    'enrollment',
    { action: 'enroll', courseId, joinWaitlist: true },
    { OPENID: demoWorkerOpenId(n), SOURCE: 'wx_client' },
  )
  if (!reply.ok) throw new Error(`worker ${n} could not enroll in ${courseId}: ${JSON.stringify(reply)}`)
}

/** Hash routes: `route('/pages/course/index?id=c001')`. */
export function at(env: E2eEnv, route: string): string {
  return `${env.url}#${route}`
}

/**
 * The visible native-style dialog (Taro.showModal on H5). Its wrapper has no box of its own (the mask and
 * the panel are fixed), so visibility is the panel's; Taro keeps one hidden modal around after the first.
 */
export function modal(page: Page): Locator {
  return page.locator('.taro-modal__content:visible')
}

/** Waits for the dialog, checks it says `text`, and taps its confirm (or cancel) button. */
export async function answerModal(page: Page, answer: 'confirm' | 'cancel', text?: string | RegExp): Promise<string> {
  const dialog = modal(page)
  await dialog.waitFor({ state: 'visible' }).catch(async (err) => {
    await shot(page, 'failed-no-dialog')
    throw err
  })
  const content = (await dialog.locator('.taro-modal__text').textContent()) ?? ''
  if (text !== undefined && !(typeof text === 'string' ? content.includes(text) : text.test(content))) {
    throw new Error(`dialog says "${content}", expected ${String(text)}`)
  }
  await dialog.locator(answer === 'confirm' ? '.taro-model__confirm' : '.taro-model__cancel').tap()
  await dialog.waitFor({ state: 'hidden' })
  return content
}

/** A button (NutUI or Taro) by its visible text, scoped to `within`. */
export function button(scope: Page | Locator, text: string): Locator {
  return scope.locator('.nut-button', { hasText: text })
}

/** Saves /tmp/e2e-<name>.png: the journeys' screens, for a person to look at. */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(os.tmpdir(), `e2e-${name}.png`) })
}

/** One stored document by id, as the functions see it. */
export function storedDoc(env: E2eEnv, collection: string, id: string): Record<string, unknown> | undefined {
  return env.cloud.store.find(collection, { _id: id }, { limit: 1 })[0]
}

/**
 * Moves a lesson so that it starts `startsInMinutes` from now and lasts `lengthMinutes`: check-in opens
 * 30 minutes before a lesson, so a start 10 minutes ahead makes its code scannable right away.
 */
export function moveLesson(env: E2eEnv, lessonId: string, startsInMinutes: number, lengthMinutes = 120): void {
  moveLessonTo(env.cloud.store, lessonId, new Date(Date.now() + startsInMinutes * 60_000), lengthMinutes)
}

/**
 * Reads a rotating check-in code off the staff screen the moment it turns over, so whoever scans it has
 * the whole window and its grace (20 s), however slow the runner: a code read a second before its window
 * ends would expire while a phone's page loads.
 */
export async function readFreshCheckinQr(image: Locator): Promise<string> {
  const shown = await image.getAttribute('src')
  const element = await image.elementHandle()
  await image
    .page()
    .waitForFunction(([el, old]) => (el as Element).getAttribute('src') !== old, [element, shown] as const, {
      timeout: 20_000,
    })
  return readQrImage(image)
}

/** Reads the QR code drawn by an <img> on the page (its src a data:image/png URL) back to its text. */
export async function readQrImage(image: Locator): Promise<string> {
  const src = (await image.getAttribute('src')) ?? ''
  const prefix = 'data:image/png;base64,'
  if (!src.startsWith(prefix)) throw new Error(`the code image is not an inline PNG: ${src.slice(0, 40)}`)
  const png = PNG.sync.read(Buffer.from(src.slice(prefix.length), 'base64'))
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
  if (!code) throw new Error('no QR code found in the image')
  return code.data
}
