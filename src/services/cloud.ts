import Taro from '@tarojs/taro'
import type { ActionOf, FunctionName, Reply, RequestOf, ResultOf } from '@core'
import { getDevOpenId, isH5 } from './dev-identity'

const NETWORK_FAILURE = {
  ok: false,
  error: { code: 'COMMON.INTERNAL', message: '网络不太好，请稍后重试' },
} as const satisfies Reply<never>

/** Pages never see a thrown network error: a lost connection is one more refusal to show. */
function networkFailure<T>(): Reply<T> {
  return { ok: false, error: { ...NETWORK_FAILURE.error } }
}

function isReply<T>(value: unknown): value is Reply<T> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

let cloudReady = false

/**
 * Idempotent. Taro runs the app's onLaunch hook only after the first page has mounted, so a page's first
 * call can come before it; every cloud call therefore makes sure the SDK is initialised.
 */
export function initCloud(): void {
  // Only the weapp has a cloud; the H5 demo reaches the local cloud over HTTP.
  if (process.env.TARO_ENV !== 'weapp' || cloudReady) return
  // An empty env id means "the default environment", which is what a fresh checkout should get.
  Taro.cloud.init({ env: process.env.TARO_APP_CLOUD_ENV || undefined, traceUser: true })
  cloudReady = true
}

async function callOverHttp<T>(fn: FunctionName, request: object): Promise<Reply<T>> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  const openid = getDevOpenId()
  if (openid) headers['X-OpenID'] = openid
  const res = await fetch(`/api/${fn}`, { method: 'POST', headers, body: JSON.stringify(request) })
  const body: unknown = await res.json()
  return isReply<T>(body) ? body : networkFailure<T>()
}

async function callCloud<T>(fn: FunctionName, request: object): Promise<Reply<T>> {
  initCloud()
  const res = await Taro.cloud.callFunction({ name: fn, data: request as Record<string, unknown> })
  const body: unknown = (res as { result?: unknown }).result
  return isReply<T>(body) ? body : networkFailure<T>()
}

/**
 * Calls one action of one cloud function; request and result types come from the shared contracts.
 * The `& { action: A }` gives TypeScript a place to infer the action from, which `Extract` alone does not.
 */
export async function call<F extends FunctionName, A extends ActionOf<F>>(
  fn: F,
  request: RequestOf<F, A> & { action: A },
): Promise<Reply<ResultOf<F, A>>> {
  try {
    return isH5() ? await callOverHttp<ResultOf<F, A>>(fn, request) : await callCloud<ResultOf<F, A>>(fn, request)
  } catch {
    return networkFailure()
  }
}
