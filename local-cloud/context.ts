/**
 * Who is calling, and which invocation a request belongs to. WeChat fills getWXContext() from the
 * invocation; locally many calls run at once in one process, so each keeps its identity (and its
 * invocation: request accounting, injected faults, time limit) in async-local storage instead of
 * process.env.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

export interface CallerIdentity {
  OPENID?: string
  APPID: string
  UNIONID?: string
  ENV: string
  SOURCE: string
  CLIENTIP?: string
}

export const LOCAL_ENV_ID = 'local-dev'
export const LOCAL_APPID = 'wx_local_dev_app'

/** What the transport needs of an invocation (implemented in faults.ts). */
export interface Invocation {
  /** The function this invocation runs (its config.json decides which open APIs it may call). */
  readonly functionName: string
  /** True once the invocation crashed or ran out of time: it may not reach the cloud again. */
  readonly dead: boolean
  /** Sends one SDK request on the invocation's behalf: counted, delayed, failed or refused as planned. */
  send(action: string, serve: () => unknown): Promise<unknown>
}

interface CallScope {
  identity: CallerIdentity
  invocation: Invocation | null
}

const storage = new AsyncLocalStorage<CallScope>()

/** Runs `fn` as `identity`; SDK requests made inside are charged to `invocation` when one is given. */
export function runAs<T>(identity: Partial<CallerIdentity>, fn: () => T, invocation: Invocation | null = null): T {
  const full = { APPID: LOCAL_APPID, ENV: LOCAL_ENV_ID, SOURCE: 'wx_client', ...identity }
  return storage.run({ identity: full, invocation }, fn)
}

export function currentIdentity(): CallerIdentity {
  return storage.getStore()?.identity ?? { APPID: LOCAL_APPID, ENV: LOCAL_ENV_ID, SOURCE: 'wx_unknown' }
}

/** The function invocation the running code belongs to, or null outside any (a test's direct SDK use). */
export function currentInvocation(): Invocation | null {
  return storage.getStore()?.invocation ?? null
}
