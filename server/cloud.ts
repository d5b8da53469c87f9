/**
 * The one place that initialises wx-server-sdk. DYNAMIC_CURRENT_ENV makes each function use the
 * environment it is deployed in, so no environment id lives in code.
 */
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
  return getCloud().database()
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
