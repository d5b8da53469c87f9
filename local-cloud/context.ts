/**
 * Who is calling. WeChat fills getWXContext() from the invocation; locally many calls run at once in
 * one process, so each keeps its identity in async-local storage instead of process.env.
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

const storage = new AsyncLocalStorage<CallerIdentity>()

export function runAs<T>(identity: Partial<CallerIdentity>, fn: () => T): T {
  return storage.run({ APPID: LOCAL_APPID, ENV: LOCAL_ENV_ID, SOURCE: 'wx_client', ...identity }, fn)
}

export function currentIdentity(): CallerIdentity {
  return storage.getStore() ?? { APPID: LOCAL_APPID, ENV: LOCAL_ENV_ID, SOURCE: 'wx_unknown' }
}
