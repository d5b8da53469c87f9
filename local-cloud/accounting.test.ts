/**
 * Request accounting on the deployable bundles: what a budget test reads is exact and repeatable.
 */
import { startTestCloud } from '../tests/helpers/cloud'
import type { DemoProgramme } from './seed/demo'
import type { LocalCloud } from './index'

let cloud: LocalCloud
let demo: DemoProgramme
beforeAll(async () => {
  const started = await startTestCloud({ seed: true })
  cloud = started.cloud
  demo = started.demo as DemoProgramme
})
afterAll(() => cloud.close())

it('counts the same reads and no writes for the same catalog call, every time', async () => {
  const courseId = demo.courses.find((c) => c.status === 'published')?._id
  const worker = { OPENID: 'o_worker_001', SOURCE: 'wx_client' }
  const first = await cloud.callWithStats('catalog', { action: 'getCourse', courseId }, worker)
  const again = await cloud.callWithStats('catalog', { action: 'getCourse', courseId }, worker)
  expect(first.reply).toMatchObject({ ok: true })
  expect(first.stats).toMatchObject({ function: 'catalog', action: 'getCourse', writes: 0, outcome: 'returned' })
  expect(first.stats.reads).toBeGreaterThan(0)
  expect(first.stats.reads).toBe(first.stats.requests)
  expect(again.stats).toEqual(first.stats)
})
