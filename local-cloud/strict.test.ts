/**
 * Where the platform refuses, the local cloud refuses too: MongoDB's update rules, aggregate()'s
 * default page, open APIs a function's config.json does not list, and events over the size limit.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalCloud } from './index'
import { EventTooLargeError } from './functions'

type SdkError = { errCode?: number; errMsg?: string }

async function caught(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise
  } catch (err) {
    return err as SdkError
  }
  throw new Error('expected the call to be refused')
}

/** One function calling subscribeMessage.send, deployed twice: with and without the permission. */
function writeSenders(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'strict-functions-'))
  const code = `
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async () => {
  try {
    await cloud.openapi.subscribeMessage.send({ touser: 'o_1', templateId: 't', data: { thing1: { value: '课程' } } })
    return { sent: true }
  } catch (err) {
    return { errCode: err.errCode, errMsg: err.errMsg }
  }
}`
  for (const [name, openapi] of [
    ['allowed', ['subscribeMessage.send']],
    ['denied', []],
  ] as const) {
    fs.mkdirSync(path.join(dir, name))
    fs.writeFileSync(path.join(dir, name, 'index.js'), code)
    fs.writeFileSync(path.join(dir, name, 'config.json'), JSON.stringify({ permissions: { openapi } }))
  }
  return dir
}

const dir = writeSenders()
const lc = new LocalCloud({ functionsDir: dir })
const cloud = lc.sdk()
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
const db = cloud.database()
const _ = db.command
const courses = db.collection('courses')

beforeEach(async () => {
  lc.store.clear()
  await courses.add({ data: { _id: 'c', seats: { o_1: { status: 'seated' } }, venue: null, n: 0 } })
})
afterAll(() => {
  lc.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const stored = () => lc.store.find('courses', { _id: 'c' })[0]

describe('updates follow MongoDB rules', () => {
  it('refuses a path together with a path inside it, and writes nothing', async () => {
    const data = { seats: _.set({}), 'seats.o_2': { status: 'seated' } }
    const err = await caught(courses.doc('c').update({ data }) as Promise<unknown>)
    expect(err.errMsg).toMatch(/would create a conflict at 'seats'/)
    expect(stored().seats).toEqual({ o_1: { status: 'seated' } })
  })

  it('refuses one path under two operators', async () => {
    const err = await caught(courses.doc('c').update({ data: { n: _.inc(1), 'n.x': _.remove() } }) as Promise<unknown>)
    expect(err.errMsg).toMatch(/conflict/)
    expect(stored().n).toBe(0)
  })

  it('refuses to set a field inside a null parent, and still sets one inside a missing parent', async () => {
    const err = await caught(courses.doc('c').update({ data: { 'venue.name': '杭州' } }) as Promise<unknown>)
    expect(err.errMsg).toMatch(/Cannot create field 'name' in element \{"venue":null\}/)
    expect(stored().venue).toBeNull()
    await courses.doc('c').update({ data: { 'extra.note': 'x' } })
    expect(stored().extra).toEqual({ note: 'x' })
  })
})

describe('aggregate()', () => {
  beforeEach(() => {
    lc.store.insert(
      'courses',
      Array.from({ length: 30 }, (_x, i) => ({ _id: `k${String(i).padStart(2, '0')}`, n: i })),
    )
  })

  it('returns the first 20 rows when the pipeline sets no limit, as the platform does', async () => {
    const { list } = (await courses.aggregate().sort({ _id: 1 }).end()) as { list: unknown[] }
    expect(list).toHaveLength(20)
  })

  it('returns what the pipeline asks for with limit()', async () => {
    const { list } = (await courses.aggregate().sort({ _id: 1 }).limit(31).end()) as { list: unknown[] }
    expect(list).toHaveLength(31)
  })
})

describe('cloud functions', () => {
  it('refuse an open API their config.json does not list (-604101), and allow one it lists', async () => {
    expect(await lc.call('allowed', {})).not.toHaveProperty('errCode', -604101)
    expect(await lc.call('denied', {})).toMatchObject({ errCode: -604101 })
  })

  it('refuse an event over the platform size limit before the function starts', async () => {
    const before = lc.faultCounters().invocations
    const big = { text: 'x'.repeat(100 * 1024) }
    await expect(lc.call('allowed', big)).rejects.toBeInstanceOf(EventTooLargeError)
    await expect(lc.call('allowed', big)).rejects.toMatchObject({ errCode: -504001 })
    // Neither call started an invocation.
    expect(lc.faultCounters().invocations).toBe(before)
  })
})
