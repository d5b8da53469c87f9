/**
 * Boots the compiled weapp build (dist/) under miniprogram-simulate and renders the catalog page through
 * the weapp code path: Taro's runtime, our services calling wx.cloud.callFunction, React committing into
 * the data tree that Taro hands to setData. The simulator cannot draw Taro's recursive base.wxml templates,
 * so the test reads that data tree instead of the DOM.
 */
import fs from 'node:fs'
import path from 'node:path'

// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS-only package without types
const simulate = require('miniprogram-simulate') as {
  load: (componentPath: string, options: { rootPath: string; compiler: string }) => string
  render: (id: string) => { attach: (parent: Element) => void; data: Record<string, unknown> }
}

const DIST = path.resolve(__dirname, '../dist')

interface TaroNode {
  v?: string
  cn?: TaroNode[]
}

function texts(node: TaroNode | undefined, out: string[] = []): string[] {
  if (!node) return out
  if (typeof node.v === 'string') out.push(node.v)
  node.cn?.forEach((child) => texts(child, out))
  return out
}

const course = {
  id: 'c1',
  title: '工业机器人操作入门',
  category: '工业机器人',
  instructor: '陈晓峰',
  venue: { name: '南湖职工学校', address: '南湖路 5 号' },
  capacity: 30,
  seatsTaken: 28,
  seatsLeft: 2,
  waitlistLength: 0,
  lessonCount: 4,
  firstLessonAt: '2026-11-28T11:00:00.000Z',
  lastLessonAt: '2026-12-19T11:00:00.000Z',
  enrollOpensAt: '2026-11-01T01:00:00.000Z',
  enrollClosesAt: '2026-11-27T15:00:00.000Z',
  enrollState: 'open',
}

function replyFor(data: { name: string; data: { action: string } }) {
  if (data.name === 'catalog' && data.data.action === 'listCourses') {
    return { ok: true, data: { items: [course], total: 1, page: 1, pageSize: 10, hasMore: false, categories: [] } }
  }
  if (data.name === 'user' && data.data.action === 'login') {
    return { ok: true, data: { role: 'worker', profileComplete: false, consentOutdated: false, name: null } }
  }
  return { ok: false, error: { code: 'COMMON.UNKNOWN_ACTION', message: '暂不支持该操作' } }
}

describe('compiled weapp build', () => {
  const g = globalThis as Record<string, unknown>
  const cloudInit = jest.fn()
  const callFunction = jest.fn((req: { name: string; data: { action: string } }) =>
    Promise.resolve({ result: replyFor(req) }),
  )

  beforeAll(() => {
    if (!fs.existsSync(path.join(DIST, 'app.js'))) {
      throw new Error(`${DIST}/app.js is missing: run \`npm run build:weapp\` first (npm test does this).`)
    }
    let app: Record<string, (...args: unknown[]) => void> = {}
    g.wx = {
      getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
      cloud: { init: cloudInit, callFunction },
      showToast: jest.fn(),
      stopPullDownRefresh: jest.fn(),
      navigateTo: jest.fn(),
    }
    g.App = (config: typeof app) => {
      app = config
    }
    g.getApp = () => app
    g.getCurrentPages = () => []
    // Taro registers pages with Page(); the simulator only knows Component(), so run page hooks on attach.
    g.Page = (options: Record<string, unknown>) => {
      const methods: Record<string, unknown> = {}
      for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value
      ;(g.Component as (o: unknown) => void)({
        data: options.data ?? {},
        methods,
        lifetimes: {
          attached(this: Record<string, (...args: unknown[]) => void> & { route?: string }) {
            this.route = 'pages/catalog/index'
            this.onLoad({})
            this.onShow?.()
          },
        },
      })
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build output is CommonJS, loaded at runtime
    require(path.join(DIST, 'app.js'))
    app.onLaunch?.({})
  })

  async function waitUntil(check: () => boolean, what: string): Promise<void> {
    for (let tick = 0; tick < 500; tick++) {
      if (check()) return
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error(`gave up waiting for ${what}`)
  }

  it('renders the catalog from a cloud function reply', async () => {
    const id = simulate.load(path.join(DIST, 'pages/catalog/index'), { rootPath: DIST, compiler: 'simulate' })
    const page = simulate.render(id)
    page.attach(document.createElement('parent-wrapper'))
    // Taro renders after the reply arrives: wait for that, not for a fixed time.
    await waitUntil(() => texts(page.data.root as TaroNode).includes('工业机器人操作入门'), 'the catalog to render')

    expect(callFunction).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'catalog', data: expect.objectContaining({ action: 'listCourses' }) }),
    )
    // Taro fires onLaunch only after the first page mounts; the SDK must still be initialised first.
    expect(cloudInit).toHaveBeenCalledTimes(1)
    expect(cloudInit).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true }))
    expect(cloudInit.mock.invocationCallOrder[0]).toBeLessThan(callFunction.mock.invocationCallOrder[0])

    const shown = texts(page.data.root as TaroNode).join('|')
    expect(shown).toContain('新质课堂 · 百日百课')
    expect(shown).toContain('全部')
    expect(shown).toContain('工业机器人操作入门')
    expect(shown).toContain('仅剩 2 席')
    expect(shown).toContain('完善个人信息后即可报名课程')
  })
})
