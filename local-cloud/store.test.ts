/**
 * The document store as the cloud functions see it: every call goes through the real wx-server-sdk,
 * whose transport the local cloud redirects to SQLite. What these tests pin down is the behaviour the
 * server code relies on in WeChat's cloud database (page caps, `stats.updated`, duplicate ids, ...).
 */
import { LocalCloud } from './index'

type SdkError = { errCode: number; errMsg: string }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>
type Stats = { updated: number; removed: number; created: number }

const lc = new LocalCloud()
// These tests probe the store's query semantics on made-up fields, not the app's queries.
lc.store.strictIndexes = false
const cloud = lc.sdk()
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
const db = cloud.database()
const _ = db.command
const courses = db.collection('courses')

// wx-server-sdk's typings mix in callback overloads this project never uses; these read the promise results.
const list = async (query: { get(): unknown }) => ((await query.get()) as { data: Row[] }).data
const idsOf = async (query: { get(): unknown }) => (await list(query)).map((d) => d._id as string)
const byId = async (id: string) => ((await courses.doc(id).get()) as { data: Row }).data
const total = async (query: { count(): unknown }) => ((await query.count()) as { total: number }).total
const stats = async (result: unknown) => ((await result) as { stats: Stats }).stats
const add = async (data: Row) => (await courses.add({ data })) as { _id: string }
const serverDate = db.serverDate as (options?: { offset: number }) => ReturnType<typeof db.serverDate>

async function caught(promise: unknown): Promise<SdkError> {
  try {
    await promise
  } catch (err) {
    return err as SdkError
  }
  throw new Error('expected the call to be refused')
}

async function addAll(docs: Record<string, unknown>[]): Promise<void> {
  await Promise.all(docs.map((data) => courses.add({ data })))
}

beforeEach(() => lc.store.clear())
afterAll(() => lc.close())

describe('add', () => {
  it('generates a 32-hex-character id when none is given', async () => {
    const { _id } = await add({ title: 'A' })
    expect(_id).toMatch(/^[0-9a-f]{32}$/)
    expect(await byId(_id)).toEqual({ _id, title: 'A' })
  })

  it('keeps an id the caller passes', async () => {
    const { _id } = await add({ _id: 'c001', title: 'A' })
    expect(_id).toBe('c001')
    expect(await byId('c001')).toMatchObject({ title: 'A' })
  })

  it('refuses a second document with the same id and leaves the first untouched', async () => {
    await courses.add({ data: { _id: 'c001', title: 'first' } })
    const err = await caught(courses.add({ data: { _id: 'c001', title: 'second' } }))
    expect(err.errCode).toBe(-502001)
    expect(err.errMsg).toMatch(/duplicate key/)
    expect(await byId('c001')).toEqual({ _id: 'c001', title: 'first' })
    expect(await total(courses)).toBe(1)
  })

  it('stores db.serverDate() as a real Date taken on the server', async () => {
    const before = Date.now()
    await courses.add({ data: { _id: 'c1', createdAt: db.serverDate(), later: serverDate({ offset: 60_000 }) } })
    const after = Date.now()
    const data = await byId('c1')
    expect(data.createdAt).toBeInstanceOf(Date)
    expect(data.createdAt.getTime()).toBeGreaterThanOrEqual(before)
    expect(data.createdAt.getTime()).toBeLessThanOrEqual(after)
    expect(data.later.getTime() - data.createdAt.getTime()).toBe(60_000)
  })

  it('refuses to write to a collection that does not exist', async () => {
    const err = await caught(db.collection('not_a_collection').add({ data: { a: 1 } }))
    expect(err.errCode).toBe(-502005)
  })
})

describe('reading', () => {
  beforeEach(() =>
    addAll([
      { _id: 'a', category: '人工智能', capacity: 30, title: 'DeepSeek 办公', tags: ['ai'] },
      { _id: 'b', category: '人工智能', capacity: 50, title: '提示词写作', tags: ['ai', 'writing'] },
      { _id: 'c', category: '无人机', capacity: 40, title: '无人机航拍', tags: ['drone'] },
      { _id: 'd', category: '数据分析', capacity: 80, title: 'Excel 透视表', tags: [] },
      { _id: 'e', category: '无人机', capacity: 60, title: 'deepseek 巡检报告', tags: ['drone', 'ai'] },
    ]),
  )

  it('filters with where and sorts with orderBy on several keys', async () => {
    expect(await idsOf(courses.where({ category: '人工智能' }).orderBy('capacity', 'desc'))).toEqual(['b', 'a'])
    const all = courses.orderBy('category', 'asc').orderBy('capacity', 'desc')
    expect(await idsOf(all)).toEqual(['b', 'a', 'd', 'e', 'c'])
  })

  it('pages with skip and limit over a stable order', async () => {
    expect(await idsOf(courses.orderBy('capacity', 'asc').skip(1).limit(2))).toEqual(['c', 'b'])
  })

  it('returns only the requested fields plus _id', async () => {
    expect(await list(courses.where({ _id: 'a' }).field({ title: true }))).toEqual([
      { _id: 'a', title: 'DeepSeek 办公' },
    ])
  })

  it('reads one document by id and refuses a missing one', async () => {
    expect(await byId('c')).toMatchObject({ _id: 'c', capacity: 40 })
    const err = await caught(courses.doc('zzz').get())
    expect(err.errMsg).toMatch(/does not exist/)
  })

  it('counts matching documents', async () => {
    expect(await total(courses)).toBe(5)
    expect(await total(courses.where({ category: '无人机' }))).toBe(2)
    expect(await total(courses.where({ capacity: _.gt(100) }))).toBe(0)
  })

  it('matches with comparison and set operators', async () => {
    const ids = (q: object) => idsOf(courses.where(q).orderBy('_id', 'asc'))
    expect(await ids({ capacity: _.gte(50) })).toEqual(['b', 'd', 'e'])
    expect(await ids({ capacity: _.lt(40) })).toEqual(['a'])
    expect(await ids({ capacity: _.lte(40) })).toEqual(['a', 'c'])
    expect(await ids({ category: _.in(['无人机', '数据分析']) })).toEqual(['c', 'd', 'e'])
    expect(await ids({ category: _.nin(['无人机', '数据分析']) })).toEqual(['a', 'b'])
    expect(await ids({ category: _.neq('人工智能') })).toEqual(['c', 'd', 'e'])
    expect(await ids({ capacity: _.gt(30).and(_.lt(60)) })).toEqual(['b', 'c'])
  })

  it('matches an array field by any of its elements, as the cloud does', async () => {
    expect(await idsOf(courses.where({ tags: 'ai' }).orderBy('_id', 'asc'))).toEqual(['a', 'b', 'e'])
    expect(await idsOf(courses.where({ tags: 'ai', category: '无人机' }))).toEqual(['e'])
    await courses.doc('d').update({ data: { sessions: [1, 2], open: true } })
    expect(await idsOf(courses.where({ sessions: 2 }))).toEqual(['d'])
    expect(await idsOf(courses.where({ open: true }))).toEqual(['d'])
  })

  it('combines conditions with _.and and _.or', async () => {
    const or = courses.where(_.or([{ capacity: _.lt(35) }, { capacity: _.gt(70) }])).orderBy('_id', 'asc')
    expect(await idsOf(or)).toEqual(['a', 'd'])
    const and = courses.where(_.and([{ category: '无人机' }, { capacity: _.gt(50) }]))
    expect(await idsOf(and)).toEqual(['e'])
  })

  it('matches text with db.RegExp and with a native case-insensitive regex', async () => {
    const viaDb = courses.where({ title: db.RegExp({ regexp: '^deepseek', options: 'i' }) }).orderBy('_id', 'asc')
    expect(await idsOf(viaDb)).toEqual(['a', 'e'])
    expect(await idsOf(courses.where({ title: /DEEPSEEK/i }).orderBy('_id', 'asc'))).toEqual(['a', 'e'])
    expect(await idsOf(courses.where({ title: /^DeepSeek/ }))).toEqual(['a'])
  })

  it('aggregates with match, group and sort', async () => {
    const $ = db.command.aggregate
    const result = await courses
      .aggregate()
      .match({ capacity: _.gte(40) })
      .group({ _id: '$category', seats: $.sum('$capacity'), n: $.sum(1) })
      .sort({ seats: -1 })
      .end()
    expect((result as { list: Row[] }).list).toEqual([
      { _id: '无人机', seats: 100, n: 2 },
      { _id: '数据分析', seats: 80, n: 1 },
      { _id: '人工智能', seats: 50, n: 1 },
    ])
  })

  it('refuses to read a collection that does not exist', async () => {
    const err = await caught(db.collection('not_a_collection').get())
    expect(err.errCode).toBe(-502005)
    expect(err.errMsg).toMatch(/not_a_collection/)
  })
})

describe('dates', () => {
  it('compares stored Dates with Date conditions', async () => {
    await addAll([
      { _id: 'past', startsAt: new Date('2026-11-30T11:00:00Z') },
      { _id: 'soon', startsAt: new Date('2026-12-01T11:00:00Z') },
      { _id: 'later', startsAt: new Date('2026-12-08T11:00:00Z') },
    ])
    const now = new Date('2026-12-01T01:00:00Z')
    const week = new Date('2026-12-08T01:00:00Z')
    expect(await idsOf(courses.where({ startsAt: _.gte(now).and(_.lt(week)) }))).toEqual(['soon'])
    const data = await byId('later')
    expect(data.startsAt).toEqual(new Date('2026-12-08T11:00:00Z'))
  })
})

describe('the 100-record page cap', () => {
  beforeEach(() => addAll(Array.from({ length: 150 }, (_unused, i) => ({ _id: `p${String(i).padStart(3, '0')}`, i }))))

  it('returns at most 100 records per get, even when asked for more', async () => {
    expect(await list(courses)).toHaveLength(100)
    expect(await list(courses.limit(1000))).toHaveLength(100)
    expect(await total(courses)).toBe(150)
  })

  it('hands out the remaining records on the next page', async () => {
    const first = await list(courses.orderBy('i', 'asc'))
    const rest = await list(courses.orderBy('i', 'asc').skip(100))
    expect(rest).toHaveLength(50)
    const seen = new Set([...first, ...rest].map((d) => d.i))
    expect(seen.size).toBe(150)
    expect(rest[0].i).toBe(100)
  })
})

describe('update operators', () => {
  beforeEach(() =>
    courses.add({
      data: { _id: 'c', n: 4, tags: ['ai', 'office'], venue: { name: '文化中心', geo: { lat: 30, lng: 120 } } },
    }),
  )
  const read = () => byId('c')

  it('increments and multiplies numbers', async () => {
    await courses.doc('c').update({ data: { n: _.inc(3) } })
    expect((await read()).n).toBe(7)
    await courses.doc('c').update({ data: { n: _.mul(2) } })
    expect((await read()).n).toBe(14)
    await courses.doc('c').update({ data: { n: _.inc(-20) } })
    expect((await read()).n).toBe(-6)
  })

  it('keeps the smaller or larger value with _.min and _.max', async () => {
    await courses.doc('c').update({ data: { n: _.min(10) } })
    expect((await read()).n).toBe(4)
    await courses.doc('c').update({ data: { n: _.min(2) } })
    expect((await read()).n).toBe(2)
    await courses.doc('c').update({ data: { n: _.max(9) } })
    expect((await read()).n).toBe(9)
  })

  it('merges a plain nested object but replaces it whole with _.set', async () => {
    await courses.doc('c').update({ data: { venue: { geo: { lat: 31 } } } })
    expect((await read()).venue).toEqual({ name: '文化中心', geo: { lat: 31, lng: 120 } })
    await courses.doc('c').update({ data: { venue: _.set({ name: '职工学校' }) } })
    expect((await read()).venue).toEqual({ name: '职工学校' })
  })

  it('appends with _.push, adds once with _.addToSet and takes out with _.pull', async () => {
    await courses.doc('c').update({ data: { tags: _.push(['drone', 'ai']) } })
    expect((await read()).tags).toEqual(['ai', 'office', 'drone', 'ai'])
    await courses.doc('c').update({ data: { tags: _.pull('ai') } })
    expect((await read()).tags).toEqual(['office', 'drone'])
    await courses.doc('c').update({ data: { tags: _.addToSet('office') } })
    expect((await read()).tags).toEqual(['office', 'drone'])
    await courses.doc('c').update({ data: { tags: _.addToSet('robot') } })
    expect((await read()).tags).toEqual(['office', 'drone', 'robot'])
  })

  it('deletes a field with _.remove()', async () => {
    await courses.doc('c').update({ data: { n: _.remove() } })
    const doc = await read()
    expect(doc).not.toHaveProperty('n')
    expect(doc.tags).toEqual(['ai', 'office'])
  })

  it('reports 0 updated for a document that does not exist and does not create it', async () => {
    expect((await stats(courses.doc('ghost').update({ data: { n: _.inc(1) } }))).updated).toBe(0)
    expect(await total(courses.where({ _id: 'ghost' }))).toBe(0)
  })
})

describe('stats.updated on conditional writes', () => {
  it('takes the last seat, then refuses the next', async () => {
    const capacity = 5
    await courses.add({ data: { _id: 'c', capacity, seatsTaken: 0 } })
    const takeSeat = () =>
      stats(courses.where({ _id: 'c', seatsTaken: _.lt(capacity) }).update({ data: { seatsTaken: _.inc(1) } }))
    // Racing more callers than seats: the condition and the increment must act as one step.
    const results = await Promise.all(Array.from({ length: capacity + 3 }, takeSeat))
    expect(results.map((r) => r.updated).reduce((a, b) => a + b, 0)).toBe(capacity)
    expect((await takeSeat()).updated).toBe(0)
    expect((await byId('c')).seatsTaken).toBe(capacity)
  })

  it('counts every document a where().update() changed', async () => {
    await addAll([
      { _id: 'a', status: 'draft' },
      { _id: 'b', status: 'draft' },
      { _id: 'c', status: 'published' },
    ])
    const res = await stats(courses.where({ status: 'draft' }).update({ data: { status: 'published' } }))
    expect(res.updated).toBe(2)
    expect(await total(courses.where({ status: 'published' }))).toBe(3)
  })
})

describe('set', () => {
  it('replaces the whole document', async () => {
    await courses.add({ data: { _id: 'c', title: 'old', capacity: 30 } })
    expect((await stats(courses.doc('c').set({ data: { title: 'new' } }))).updated).toBe(1)
    expect(await byId('c')).toEqual({ _id: 'c', title: 'new' })
  })

  it('creates the document when it is missing', async () => {
    expect((await stats(courses.doc('fresh').set({ data: { title: 'created' } }))).created).toBe(1)
    expect(await byId('fresh')).toEqual({ _id: 'fresh', title: 'created' })
  })
})

describe('remove', () => {
  beforeEach(() =>
    addAll([
      { _id: 'a', status: 'draft' },
      { _id: 'b', status: 'draft' },
      { _id: 'c', status: 'published' },
    ]),
  )

  it('removes one document by id', async () => {
    expect((await stats(courses.doc('a').remove())).removed).toBe(1)
    expect(await idsOf(courses.orderBy('_id', 'asc'))).toEqual(['b', 'c'])
  })

  it('removes every matching document with where().remove()', async () => {
    expect((await stats(courses.where({ status: 'draft' }).remove())).removed).toBe(2)
    expect(await idsOf(courses)).toEqual(['c'])
  })
})
