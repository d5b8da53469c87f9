/**
 * The one place that initialises wx-server-sdk. DYNAMIC_CURRENT_ENV makes each function use the
 * environment it is deployed in, so no environment id lives in code.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import cloud from 'wx-server-sdk'

let initialised = false

export function getCloud(): typeof cloud {
  if (!initialised) {
    // The typings say string; the SDK accepts its own symbol here.
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}

export type Db = ReturnType<typeof cloud.database>

export function getDb(): Db {
  return countingRequests(getCloud().database())
}

/** Per-call tally of database requests, for the entry's log line. */
const tally = new AsyncLocalStorage<{ requests: number }>()

/** Runs `fn` counting the database requests it makes through getDb(); concurrent calls count apart. */
export async function countDbRequests<T>(fn: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const counter = { requests: 0 }
  const result = await tally.run(counter, fn)
  return { result, requests: counter.requests }
}

const BUILDER_METHODS = ['get', 'end', 'where', 'doc', 'add', 'count']

/**
 * Wraps the SDK's query builders so that every method returning a promise (get, count, update, set,
 * remove, add, end) counts as one request. Builders are called on their real objects, so the SDK's
 * internals never see the wrapper; values such as commands and server dates pass through untouched.
 */
function countingRequests<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop) {
      const value = Reflect.get(obj, prop, obj) as unknown
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        const out = (value as (...a: unknown[]) => unknown).apply(obj, args)
        if (out && typeof (out as { then?: unknown }).then === 'function') {
          const counter = tally.getStore()
          if (counter) counter.requests++
          return out
        }
        const isBuilder =
          out !== null &&
          typeof out === 'object' &&
          BUILDER_METHODS.some((m) => typeof (out as Record<string, unknown>)[m] === 'function')
        return isBuilder ? countingRequests(out as object) : out
      }
    },
  })
}

/** The cloud reports a duplicate `_id` as a generic request failure; the message tells them apart. */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { errCode?: number; errMsg?: string; message?: string } | null
  return !!e && /duplicate key|E11000/i.test(`${e.errMsg ?? ''} ${e.message ?? ''}`)
}

/*
 * wx-server-sdk's typings describe callback overloads that this project never uses; these narrow the
 * promise results to what the SDK really returns.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Gettable = { get(...args: any[]): unknown }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Countable = { count(...args: any[]): unknown }

export async function rows<T>(query: Gettable): Promise<T[]> {
  return ((await query.get()) as { data: T[] }).data
}

export async function total(query: Countable): Promise<number> {
  return ((await query.count()) as { total: number }).total
}

/** How many documents an update really changed: the only proof a conditional write took effect. */
export async function updatedCount(result: unknown): Promise<number> {
  return ((await result) as { stats: { updated: number } }).stats.updated
}
