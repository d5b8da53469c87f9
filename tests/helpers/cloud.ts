/**
 * Test harness: a private local cloud (in-memory SQLite unless a file is given) running the bundled
 * functions on the real wx-server-sdk, with helpers to call them as a given worker.
 */
import { LocalCloud } from '../../local-cloud'
import { buildFunctions } from '../../scripts/build-functions'
import { seedDemo, type DemoProgramme } from '../../local-cloud/seed/demo'
import type { Reply } from '@core/reply'
/** A timer API jest may fake, as its own useFakeTimers names it. */
type FakeableAPI = NonNullable<
  Extract<Parameters<typeof jest.useFakeTimers>[0], { doNotFake?: unknown }>['doNotFake']
>[number]

let built: Promise<string[]> | null = null

export async function startTestCloud(options: { dbFile?: string; seed?: boolean; start?: Date } = {}): Promise<{
  cloud: LocalCloud
  demo: DemoProgramme | null
}> {
  built ??= buildFunctions()
  await built
  const cloud = new LocalCloud({ dbFile: options.dbFile ?? ':memory:' })
  const demo = options.seed ? seedDemo(cloud.store, { start: options.start }) : null
  return { cloud, demo }
}

/** Calls `fn` with `{ action, ...data }` as the worker `openid`, as the mini-program would. */
export function callAs<T = unknown>(
  cloud: LocalCloud,
  openid: string | undefined,
  fn: string,
  action: string,
  data: Record<string, unknown> = {},
): Promise<Reply<T>> {
  return cloud.call<Reply<T>>(fn, { ...data, action }, { OPENID: openid, SOURCE: 'wx_client' })
}

/** A fixed instant in Shanghai for tests that pin the clock: 2026-12-01 09:00 (UTC+8). */
export const PINNED_NOW = new Date('2026-12-01T01:00:00.000Z')

/**
 * Pins Date for the test while leaving real timers alone: the SDK and SQLite work asynchronously and
 * must keep running; only "now" is fixed.
 */
export function pinClock(at: Date = PINNED_NOW, alsoReal: FakeableAPI[] = []): void {
  jest.useFakeTimers({
    now: at,
    doNotFake: [
      ...alsoReal,
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  })
}
