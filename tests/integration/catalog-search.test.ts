/** The catalog's search, its 只看可报名 toggle and the caller's own place on each card, all in the one list query. */
import type { ListCoursesResult, ListedCourse } from '@core/contracts/catalog'
import { COLLECTIONS } from '../../server/collections'
import type { LocalCloud } from '../../local-cloud'
import type { DemoProgramme } from '../../local-cloud/seed/demo'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'

let cloud: LocalCloud
let demo: DemoProgramme
beforeAll(async () => {
  const started = await startTestCloud({ seed: true, start: PINNED_NOW })
  cloud = started.cloud
  demo = started.demo!
})
beforeEach(() => pinClock())
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

async function listAll(openid: string, filter: Record<string, unknown>): Promise<ListedCourse[]> {
  const items: ListedCourse[] = []
  for (let page = 1; ; page++) {
    const reply = await callAs<ListCoursesResult>(cloud, openid, 'catalog', 'listCourses', {
      ...filter,
      page,
      pageSize: 50,
    })
    if (!reply.ok) throw new Error(reply.error.code)
    items.push(...reply.data.items)
    if (!reply.data.hasMore) return items
  }
}

const ids = (list: { id?: string; _id?: string }[]) => list.map((c) => c.id ?? c._id).sort()

describe('catalog search', () => {
  it('finds courses by a word of the title, the instructor or the venue, whatever the letter case', async () => {
    const sample = demo.courses[7]
    const byTitle = await listAll('o_worker_001', { search: sample.title.slice(0, 4) })
    expect(ids(byTitle)).toEqual(ids(demo.courses.filter((c) => c.title.includes(sample.title.slice(0, 4)))))
    expect(byTitle.length).toBeGreaterThan(0)

    const byInstructor = await listAll('o_worker_001', { search: ` ${sample.instructor} ` })
    expect(ids(byInstructor)).toEqual(
      ids(demo.courses.filter((c) => [c.title, c.instructor, c.venue.name].some((f) => f.includes(sample.instructor)))),
    )

    const byVenue = await listAll('o_worker_001', { search: sample.venue.name })
    expect(byVenue.map((c) => c.id)).toContain(sample._id)
    expect(byVenue.every((c) => [c.title, c.instructor, c.venue.name].some((f) => f.includes(sample.venue.name)))).toBe(
      true,
    )
  })

  it('matches Latin letters regardless of case and takes regex characters literally', async () => {
    cloud.store.update(
      COLLECTIONS.courses,
      { _id: demo.courses[3]._id },
      { $set: { title: 'QuantumX 办公实战 (C++)' } },
      { multi: false, merge: true, upsert: false },
    )
    expect((await listAll('o_worker_001', { search: 'quantumx' })).map((c) => c.id)).toEqual([demo.courses[3]._id])
    expect((await listAll('o_worker_001', { search: '(c++)' })).map((c) => c.id)).toEqual([demo.courses[3]._id])
    // ".*" as a pattern would match everything; typed by a worker it matches only those characters.
    expect(await listAll('o_worker_001', { search: '.*' })).toEqual([])
  })

  it('refuses search text over 20 characters with CATALOG.BAD_SEARCH, and treats blank text as no search', async () => {
    const long = await callAs(cloud, 'o_worker_001', 'catalog', 'listCourses', { search: '人'.repeat(21) })
    expect(long).toMatchObject({
      ok: false,
      error: { code: 'CATALOG.BAD_SEARCH', message: '搜索内容太长，请输入不超过 20 个字' },
    })
    const blank = await callAs<ListCoursesResult>(cloud, 'o_worker_001', 'catalog', 'listCourses', { search: '   ' })
    expect(blank).toMatchObject({ ok: true, data: { total: 100 } })
  })
})

describe('只看可报名', () => {
  it('lists exactly the courses open now with a seat left, and counts them', async () => {
    const now = PINNED_NOW.getTime()
    const expected = demo.courses.filter(
      (c) =>
        new Date(c.enrollOpensAt).getTime() <= now &&
        new Date(c.enrollClosesAt).getTime() > now &&
        c.seatsLeft > 0 &&
        new Date(c.lastLessonAt).getTime() >= now,
    )
    const open = await listAll('o_worker_001', { openOnly: true })
    expect(ids(open)).toEqual(ids(expected))
    expect(open.length).toBeGreaterThan(0)
    expect(open.length).toBeLessThan(100)
    expect(open.every((c) => c.enrollState === 'open')).toBe(true)
  })
})

describe('the caller’s own place on each card', () => {
  const setLedger = (courseId: string, seats: Record<string, string>, waitlist: string[]) =>
    cloud.store.update(
      COLLECTIONS.courses,
      { _id: courseId },
      { $set: { seats, waitlist, seatsTaken: Object.keys(seats).length, waitlistLength: waitlist.length } },
      { multi: false, merge: true, upsert: false },
    )

  it('says enrolled, offered or the waitlist position from the ledger, and nothing for other courses', async () => {
    const [a, b] = [demo.courses[10]._id, demo.courses[11]._id]
    setLedger(a, { o_worker_050: 'enrolled', o_worker_051: 'offered' }, ['o_worker_052', 'o_worker_053'])
    setLedger(b, { o_worker_053: 'enrolled' }, [])
    const ownOn = async (openid: string) =>
      new Map((await listAll(openid, {})).filter((c) => c.own).map((c) => [c.id, c.own]))
    expect(await ownOn('o_worker_050')).toEqual(new Map([[a, { status: 'enrolled', waitlistPosition: null }]]))
    expect(await ownOn('o_worker_051')).toEqual(new Map([[a, { status: 'offered', waitlistPosition: null }]]))
    expect(await ownOn('o_worker_052')).toEqual(new Map([[a, { status: 'waitlisted', waitlistPosition: 1 }]]))
    expect(await ownOn('o_worker_053')).toEqual(
      new Map([
        [a, { status: 'waitlisted', waitlistPosition: 2 }],
        [b, { status: 'enrolled', waitlistPosition: null }],
      ]),
    )
    // Nobody else's place, nor the member lists, leak into the reply.
    const reply = await callAs(cloud, 'o_worker_052', 'catalog', 'listCourses', { pageSize: 50 })
    expect(JSON.stringify(reply)).not.toMatch(/o_worker_05[013]|"seats"|"waitlist"/)
  })

  it('gives a worker without places no own status anywhere', async () => {
    const cards = await listAll('o_worker_001', {})
    expect(cards).toHaveLength(100)
    expect(cards.every((c) => c.own === null)).toBe(true)
  })
})
