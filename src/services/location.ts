import Taro from '@tarojs/taro'
import type { PhonePosition } from '@core'

/** Why no position came back: the worker (or the phone's system settings) said no, or no fix in time. */
export type LocateFailure = 'denied' | 'unavailable'
type Outcome = { ok: true; position: PhonePosition } | { ok: false; reason: LocateFailure }
/** With how long the phone took (`ms`): the cost of the location step, shown in the bench and tests. */
export type Located = Outcome & { ms: number }

const TIMEOUT_MS = 10_000

/**
 * The phone's position for a check-in. In WeChat: `getLocation` in GCJ-02, the system venues are stored
 * in (the map pickers staff use give GCJ-02 too), high accuracy asked for but not waited on past a few
 * seconds. In the H5 build (laptop demo and browser tests) the browser's geolocation, which is WGS-84:
 * the two differ by a few hundred metres in China, so H5 is not a channel for real workers.
 */
export async function locate(): Promise<Located> {
  const started = Date.now()
  const done = (r: Outcome): Located => ({ ...r, ms: Date.now() - started })
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
      return done({ ok: true, position: { latitude: r.latitude, longitude: r.longitude, accuracy: r.accuracy } })
    } catch (err) {
      const msg = String((err as { errMsg?: string })?.errMsg ?? err)
      return done({ ok: false, reason: /auth|deny|denied|permission/i.test(msg) ? 'denied' : 'unavailable' })
    }
  }
  const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined
  if (!geo) return done({ ok: false, reason: 'unavailable' })
  return new Promise<Located>((resolve) => {
    geo.getCurrentPosition(
      (p) =>
        resolve(
          done({
            ok: true,
            position: { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy },
          }),
        ),
      (e) => resolve(done({ ok: false, reason: e.code === 1 ? 'denied' : 'unavailable' })),
      { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 30_000 },
    )
  })
}

/** WeChat's settings page for this mini-program, where a worker who said no can allow location. */
export async function openLocationSettings(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return
  try {
    await Taro.openSetting()
  } catch {
    // Closed without a change: the worker can still be let in by 反扫.
  }
}
