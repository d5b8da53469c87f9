/**
 * One weapp journey file = one phone: a private local cloud with the demo programme, the compiled app
 * booted once against it, and a script for the phone's person (`openid`) that each test can change.
 * Other people in a journey act through the same functions directly (`callAs`).
 */
import type { LocalCloud } from '../../local-cloud'
import type { DemoProgramme } from '../../local-cloud/seed/demo'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { moveLessonTo } from '../helpers/enroll-fixture'
import { bootWeapp, openPage, type WeappPage } from './harness'
import { newScript, type Script } from './wx'

export interface WeappEnv {
  cloud: LocalCloud
  demo: DemoProgramme
  script: Script
  /** Opens a page; every page opened is closed after the test. */
  open(url: string): WeappPage
  /** Calls a function as someone else (not the phone's person). */
  as<T>(openid: string, fn: string, action: string, data?: Record<string, unknown>): Promise<T>
  /** Moves the pinned clock. */
  setNow(at: Date): void
}

/**
 * Fixes "now" for the app and the functions alike while every timer stays real (the SDK, SQLite and
 * Taro's rendering all run on them).
 */
function pinNow(at: Date): void {
  pinClock(at, ['requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback'])
}

export function useWeapp(openid: string, start: Date = PINNED_NOW): WeappEnv {
  const pages: WeappPage[] = []
  const env = { script: newScript(openid) } as WeappEnv
  beforeAll(async () => {
    pinNow(start)
    const { cloud, demo } = await startTestCloud({ seed: true, start })
    Object.assign(env, { cloud, demo: demo as DemoProgramme })
    bootWeapp(cloud, env.script)
  })
  afterEach(() => {
    for (const page of pages.splice(0)) page.close()
  })
  afterAll(() => {
    env.cloud?.close()
    jest.useRealTimers()
  })
  env.open = (url) => {
    const page = openPage(url)
    pages.push(page)
    return page
  }
  env.as = async <T>(who: string, fn: string, action: string, data: Record<string, unknown> = {}) => {
    const reply = await callAs<T>(env.cloud, who, fn, action, data)
    if (!reply.ok) throw new Error(`${fn}.${action} as ${who}: ${reply.error.code}`)
    return reply.data
  }
  env.setNow = (at) => jest.setSystemTime(at)
  return env
}

/** A demo course taking sign-ups at `now` whose first lesson is more than `leadHours` away. */
export function openCourse(env: WeappEnv, now: Date, leadHours = 0, skip: string[] = []): string {
  const t = now.getTime()
  const course = env.demo.courses.find(
    (c) =>
      !skip.includes(String(c._id)) &&
      new Date(c.enrollOpensAt).getTime() <= t &&
      new Date(c.enrollClosesAt).getTime() > t &&
      new Date(c.firstLessonAt).getTime() - t > leadHours * 3600_000,
  )
  if (!course) throw new Error(`no demo course open at ${now.toISOString()} starting ${leadHours} h later`)
  return String(course._id)
}

/** One stored document, as the functions see it. */
export function stored(env: WeappEnv, collection: string, id: string): Record<string, unknown> | undefined {
  return env.cloud.store.find(collection, { _id: id }, { limit: 1 })[0]
}

/** Moves a lesson to start `minutes` after `now` (check-in opens 30 minutes before a lesson). */
export function moveLesson(env: WeappEnv, lessonId: string, now: Date, minutes: number, length = 120): void {
  moveLessonTo(env.cloud.store, lessonId, new Date(now.getTime() + minutes * 60_000), length)
}
