/**
 * The `wx` the compiled weapp sees in the simulator. `wx.cloud.callFunction` reaches the local cloud's
 * real bundled functions as the worker `script.openid` (request and reply through JSON, as over the
 * wire); the device APIs a journey depends on (scanCode, getLocation, requestSubscribeMessage, showModal) answer as
 * the test's script says; every other API succeeds quietly, the way a phone answers an app that asks
 * for nothing unusual.
 */
import type { LocalCloud } from '../../local-cloud'

export interface Script {
  openid: string
  /** What the camera reads on the next wx.scanCode; null means the worker closed the scanner. */
  scan: () => { result: string; path?: string } | null
  /** Where wx.getLocation says the phone is (GCJ-02); 'deny' when the worker refuses location. */
  location: () => { latitude: number; longitude: number; accuracy: number } | 'deny'
  /** The worker's answer per template id to wx.requestSubscribeMessage. */
  subscribe: (templateId: string) => 'accept' | 'reject'
  /** The button the worker taps in a wx.showModal, given its content. */
  modal: (content: string) => 'confirm' | 'cancel'
  seen: { toasts: string[]; modals: string[]; navigations: string[]; calls: string[]; subscribeAsks: string[][] }
}

export function newScript(openid: string): Script {
  return {
    openid,
    scan: () => null,
    location: () => 'deny',
    subscribe: () => 'accept',
    modal: () => 'confirm',
    seen: { toasts: [], modals: [], navigations: [], calls: [], subscribeAsks: [] },
  }
}

type Callbacks = { success?: (res: unknown) => void; fail?: (res: unknown) => void; complete?: (res: unknown) => void }

/** Answers like WeChat: callbacks later, never inside the call. */
function answer(options: Callbacks | undefined, res: Record<string, unknown>, ok = true): void {
  setTimeout(() => {
    if (ok) options?.success?.(res)
    else options?.fail?.(res)
    options?.complete?.(res)
  }, 0)
}

/** A chainable stand-in for wx.createSelectorQuery(): measurements come back empty. */
function selectorQuery(): unknown {
  const query: unknown = new Proxy(() => query, {
    get: (_t, prop) => (prop === 'exec' ? (cb?: (r: unknown[]) => void) => setTimeout(() => cb?.([]), 0) : () => query),
  })
  return query
}

/**
 * APIs the app calls that need no script. Taro builds `Taro.x` only for names it finds on `wx` when
 * the app loads, so they must exist as properties, not just answer when called.
 */
const QUIET_APIS = [
  'setKeepScreenOn',
  'setNavigationBarTitle',
  'setClipboardData',
  'previewImage',
  'saveImageToPhotosAlbum',
  'canvasToTempFilePath',
  'stopPullDownRefresh',
  'showLoading',
  'hideLoading',
  'hideToast',
  'vibrateShort',
  'pageScrollTo',
  'getSetting',
  'openSetting',
  'authorize',
]

const roundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T

export function createWx(cloud: LocalCloud, script: Script): Record<string, unknown> {
  const storage = new Map<string, unknown>()
  const system = { platform: 'devtools', windowWidth: 375, windowHeight: 812, pixelRatio: 2, SDKVersion: '3.4.0' }
  const navigate = (kind: string) => (o: Callbacks & { url?: string; delta?: number }) => {
    script.seen.navigations.push(`${kind} ${o.url ?? o.delta ?? ''}`.trim())
    answer(o, { errMsg: `${kind}:ok` })
  }
  const known: Record<string, unknown> = {
    cloud: {
      init: () => void script.seen.calls.push('cloud.init'),
      async callFunction({ name, data }: { name: string; data: Record<string, unknown> }) {
        script.seen.calls.push(`${name}.${String(data.action)}`)
        const result = await cloud.call(name, roundTrip(data), { OPENID: script.openid, SOURCE: 'wx_client' })
        return { result: roundTrip(result), errMsg: 'cloud.callFunction:ok' }
      },
    },
    getSystemInfoSync: () => system,
    getWindowInfo: () => system,
    getDeviceInfo: () => system,
    getAppBaseInfo: () => system,
    getMenuButtonBoundingClientRect: () => ({ top: 24, bottom: 56, left: 281, right: 368, width: 87, height: 32 }),
    canIUse: () => true,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    getStorageSync: (key: string) => storage.get(key) ?? '',
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    createSelectorQuery: selectorQuery,
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    switchTab: navigate('switchTab'),
    reLaunch: navigate('reLaunch'),
    navigateBack: navigate('navigateBack'),
    showToast(o: Callbacks & { title: string }) {
      script.seen.toasts.push(o.title)
      answer(o, { errMsg: 'showToast:ok' })
    },
    showModal(o: Callbacks & { content?: string; title?: string }) {
      const content = o.content ?? o.title ?? ''
      script.seen.modals.push(content)
      const tapped = script.modal(content)
      answer(o, { errMsg: 'showModal:ok', confirm: tapped === 'confirm', cancel: tapped === 'cancel' })
    },
    scanCode(o: Callbacks) {
      const read = script.scan()
      if (!read) answer(o, { errMsg: 'scanCode:fail cancel' }, false)
      else answer(o, { errMsg: 'scanCode:ok', scanType: 'QR_CODE', charSet: 'utf-8', rawData: '', ...read })
    },
    getLocation(o: Callbacks & { type?: string }) {
      script.seen.calls.push(`getLocation.${o.type ?? 'wgs84'}`)
      const where = script.location()
      if (where === 'deny') answer(o, { errMsg: 'getLocation:fail auth deny' }, false)
      else answer(o, { errMsg: 'getLocation:ok', ...where, speed: 0, altitude: 0 })
    },
    requestSubscribeMessage(o: Callbacks & { tmplIds: string[] }) {
      script.seen.subscribeAsks.push(o.tmplIds)
      const answers = Object.fromEntries(o.tmplIds.map((id) => [id, script.subscribe(id)]))
      // WeChat itself keeps the credit an 允许 earns; subscribeMessage.send spends it.
      for (const id of o.tmplIds) if (answers[id] === 'accept') cloud.openapi.grantSubscription(script.openid, id)
      answer(o, { errMsg: 'requestSubscribeMessage:ok', ...answers })
    },
  }
  for (const name of QUIET_APIS) known[name] = (o?: Callbacks) => answer(o, { errMsg: `${name}:ok` })
  return new Proxy(known, {
    has: () => true,
    get(target, prop) {
      if (typeof prop !== 'string') return undefined
      if (prop in target) return target[prop]
      // Bundle bookkeeping that webpack keeps on wx (webpackJsonp) must start out absent.
      if (/webpack|^__/.test(prop)) return undefined
      if (/^(on|off)[A-Z]/.test(prop) || prop.endsWith('Sync')) return () => undefined
      return (o?: Callbacks) => answer(o, { errMsg: `${prop}:ok` })
    },
  })
}
