/**
 * Runs the compiled weapp (dist/) in miniprogram-simulate against the local cloud's real bundled
 * functions: Taro's runtime, our services calling wx.cloud.callFunction, React committing into the data
 * tree Taro hands to setData. The simulator cannot draw Taro's recursive base.wxml templates, so pages
 * are read from that data tree, and a tap is what WeChat would do after the tap lands: call the page's
 * `eh` (Taro's event handler) for the tapped node and each ancestor, as native bubbling does.
 */
import './dom'
import fs from 'node:fs'
import path from 'node:path'
import type { LocalCloud } from '../../local-cloud'
import { createWx, type Script } from './wx'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS-only package without types
const simulate = require('miniprogram-simulate') as {
  load: (componentPath: string, options: { rootPath: string; compiler: string }) => string
  render: (id: string) => {
    attach: (parent: Element) => void
    detach: () => void
    data: Record<string, unknown>
    instance: Record<string, (...args: unknown[]) => unknown>
  }
}

export const DIST = path.resolve(__dirname, '../../dist')

/** One node of the tree Taro sends to setData: `sid` its id, `v` a text's value, `cn` its children. */
export interface TaroNode {
  sid?: string
  uid?: string
  v?: string
  cl?: string
  nn?: string
  cn?: TaroNode[]
  [prop: string]: unknown
}

export interface WeappPage {
  route: string
  root(): TaroNode
  /** Every text on the page, in document order. */
  texts(): string[]
  /** Resolves once `text` is on the page; fails naming what was there instead. */
  waitForText(text: string | RegExp): Promise<void>
  /** Taps the innermost node with a text that is `text` (or matches the RegExp), e.g. a button's label. */
  tap(text: string | RegExp, options?: { within?: string }): Promise<void>
  /** Fires a component event (e.g. `getphonenumber` of a Button) with `detail` on the node holding `text`. */
  fire(type: string, text: string | RegExp, detail: Record<string, unknown>): Promise<void>
  /** Sets an Input's value as typing would (its `input` event), the node found by its placeholder. */
  type(placeholder: string, value: string): Promise<void>
  close(): void
}

let app: Record<string, (...args: unknown[]) => void> = {}
const stack: { route: string; options: Record<string, string> }[] = []
let nextRoute: { route: string; query: Record<string, string> } | null = null
const loaded: Record<string, string> = {}

/** Loads dist/app.js once per test file, with `wx` calling `cloud` as the worker `script.openid`. */
export function bootWeapp(cloud: LocalCloud, script: Script): void {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`${DIST}/app.js is missing: run \`npm run build:weapp\` first (npm test does this).`)
  }
  const g = globalThis as Record<string, unknown>
  g.wx = createWx(cloud, script)
  g.App = (config: typeof app) => {
    app = config
  }
  g.getApp = () => app
  g.getCurrentPages = () => stack.map((p) => ({ route: p.route, options: p.options }))
  // Taro registers pages with Page(); the simulator knows Component() only: run the page hooks on attach.
  g.Page = (options: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
    ;(g.Component as (o: unknown) => void)({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, (...args: unknown[]) => void> & { route?: string; __route__?: string }) {
          const target = nextRoute ?? { route: 'pages/catalog/index', query: {} }
          this.route = target.route
          this.__route__ = target.route
          stack.push({ route: target.route, options: target.query })
          this.onLoad(target.query)
          this.onShow?.()
          this.onReady?.()
        },
        detached(this: Record<string, (...args: unknown[]) => void> & { route?: string }) {
          this.onUnload?.()
          const at = stack.map((p) => p.route).lastIndexOf(this.route ?? '')
          if (at >= 0) stack.splice(at, 1)
        },
      },
    })
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build output is CommonJS, loaded at runtime
  require(path.join(DIST, 'app.js'))
  app.onLaunch?.({})
}

function texts(node: TaroNode | undefined, out: string[] = []): string[] {
  if (!node) return out
  if (typeof node.v === 'string') out.push(node.v)
  node.cn?.forEach((child) => texts(child, out))
  return out
}

const matches = (value: string, want: string | RegExp) =>
  typeof want === 'string' ? value.includes(want) : want.test(value)

/** The path from the root to the innermost node satisfying `test`. */
function pathTo(root: TaroNode, test: (node: TaroNode) => boolean): TaroNode[] | null {
  for (const child of root.cn ?? []) {
    const below = pathTo(child, test)
    if (below) return [root, ...below]
  }
  return test(root) ? [root] : null
}

/** Polls until `check` holds; generous, because a shared CI machine can be slow to render. */
export async function waitUntil(check: () => boolean, what: () => string): Promise<void> {
  for (let tick = 0; tick < 1500; tick++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  throw new Error(`gave up waiting for ${what()}`)
}

/** Lets the reply of a cloud call and React's commit reach the data tree. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 30))

/** Opens a page of dist/ (e.g. 'pages/course/index') with its query, as WeChat does on navigation. */
export function openPage(url: string): WeappPage {
  const [route, search = ''] = url.replace(/^\//, '').split('?')
  nextRoute = { route, query: Object.fromEntries(new URLSearchParams(search)) }
  // A page's script runs (and calls Page()) once; later visits render the same definition again.
  const id = (loaded[route] ??= simulate.load(path.join(DIST, route), { rootPath: DIST, compiler: 'simulate' }))
  const component = simulate.render(id)
  component.attach(document.createElement('parent-wrapper'))
  nextRoute = null
  const root = () => (component.data.root as TaroNode | undefined) ?? {}
  const lookUp = (want: string | RegExp, within?: string) => {
    const scope = within ? pathTo(root(), (n) => (n.cl ?? '').split(' ').includes(within))?.at(-1) : root()
    // A label is matched whole (a hint such as 「可加入候补…」 must not catch the tap meant for 加入候补).
    const label = (v: string) => (typeof want === 'string' ? v.trim() === want : want.test(v))
    return scope ? pathTo(scope, (n) => (n.cn ?? []).some((c) => typeof c.v === 'string' && label(c.v))) : null
  }
  /** Waits for the node to be rendered, as a person waits to see a button before tapping it. */
  const find = async (want: string | RegExp, within?: string) => {
    let found: TaroNode[] | null = null
    await waitUntil(
      () => (found = lookUp(want, within)) !== null,
      () => `"${String(want)}"${within ? ` in .${within}` : ''} on ${route}; it shows: ${texts(root()).join(' | ')}`,
    )
    return found as unknown as TaroNode[]
  }
  const dispatch = async (chain: TaroNode[], type: string, detail: Record<string, unknown>) => {
    const target = chain[chain.length - 1]
    const info = (n: TaroNode) => ({ id: n.uid ?? n.sid, dataset: { sid: n.sid } })
    // Native bubbling: the innermost node first, then every ancestor; Taro runs the listeners.
    for (const node of [...chain].reverse()) {
      component.instance.eh({ type, timeStamp: Date.now(), target: info(target), currentTarget: info(node), detail })
    }
    await settle()
  }
  return {
    route,
    root,
    texts: () => texts(root()),
    async waitForText(want) {
      await waitUntil(
        () => texts(root()).some((t) => matches(t, want)),
        () => `"${String(want)}" on ${route}; it shows: ${texts(root()).join(' | ')}`,
      )
    },
    async tap(want, options = {}) {
      await dispatch(await find(want, options.within), 'tap', { x: 1, y: 1 })
    },
    async fire(type, want, detail) {
      await dispatch(await find(want), type, detail)
    },
    async type(placeholder, value) {
      const chain = pathTo(root(), (n) => Object.values(n).includes(placeholder))
      if (!chain) throw new Error(`no input "${placeholder}" on ${route}`)
      await dispatch(chain, 'input', { value, cursor: value.length })
    },
    close() {
      component.detach()
    },
  }
}
