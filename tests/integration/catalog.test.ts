import type { CourseDetail, ListCoursesResult } from '@core/contracts/catalog'
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

const list = (data: Record<string, unknown> = {}) =>
  callAs<ListCoursesResult>(cloud, 'o_worker_001', 'catalog', 'listCourses', data)

describe('catalog.listCourses', () => {
  it('pages through the whole programme, soonest first, without repeats', async () => {
    const seen: string[] = []
    let page = 1
    let last = ''
    for (;;) {
      const reply = await list({ page, pageSize: 30 })
      if (!reply.ok) throw new Error(reply.error.code)
      expect(reply.data.total).toBe(100)
      for (const c of reply.data.items) {
        expect(c.firstLessonAt >= last).toBe(true)
        last = c.firstLessonAt
        seen.push(c.id)
      }
      if (!reply.data.hasMore) break
      page++
    }
    expect(page).toBe(4)
    expect(new Set(seen).size).toBe(100)
  })

  it('filters by category and reports seats and the enrollment state', async () => {
    const reply = await list({ category: '无人机', pageSize: 50 })
    if (!reply.ok) throw new Error(reply.error.code)
    const expected = demo.courses.filter((c) => c.category === '无人机')
    expect(reply.data.total).toBe(expected.length)
    expect(reply.data.items.every((c) => c.category === '无人机')).toBe(true)
    const first = reply.data.items[0]
    expect(first.seatsLeft).toBe(first.capacity - first.seatsTaken)
    expect(['open', 'not_open', 'closed', 'full']).toContain(first.enrollState)
    expect(reply.data.categories).toContain('人工智能')
  })

  it('shows enrollment as open, not yet open or closed from the pinned clock', async () => {
    const reply = await list({ pageSize: 50 })
    if (!reply.ok) throw new Error(reply.error.code)
    const states = new Set(reply.data.items.map((c) => c.enrollState))
    expect(states.has('open')).toBe(true)
    expect(states.has('not_open')).toBe(true)
    for (const c of reply.data.items) {
      const now = PINNED_NOW.getTime()
      if (c.enrollState === 'not_open') expect(new Date(c.enrollOpensAt).getTime()).toBeGreaterThan(now)
      if (c.enrollState === 'open') expect(new Date(c.enrollOpensAt).getTime()).toBeLessThanOrEqual(now)
    }
  })

  it('leaves out drafts and courses that are over', async () => {
    cloud.store.update(
      COLLECTIONS.courses,
      { _id: 'c001' },
      { $set: { status: 'draft' } },
      { multi: false, merge: true, upsert: false },
    )
    const reply = await list({ pageSize: 50 })
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data.total).toBe(99)
    expect(reply.data.items.map((c) => c.id)).not.toContain('c001')
    cloud.store.update(
      COLLECTIONS.courses,
      { _id: 'c001' },
      { $set: { status: 'published' } },
      { multi: false, merge: true, upsert: false },
    )
  })

  it.each([
    [{ page: 0 }, 'page'],
    [{ page: '2' }, 'page'],
    [{ pageSize: 500 }, 'pageSize'],
    [{ category: 7 }, 'category'],
    [{ sort: 'title' }, 'sort'],
  ])('refuses %j with COMMON.BAD_REQUEST naming the field', async (data, field) => {
    const reply = await list(data)
    expect(reply).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST', field } })
  })
})

describe('catalog.getCourse', () => {
  it('returns the course with its lessons in order and the venue filled in', async () => {
    const course = demo.courses.find((c) => c.lessonCount >= 3)!
    const reply = await callAs<CourseDetail>(cloud, 'o_worker_001', 'catalog', 'getCourse', { courseId: course._id })
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data.title).toBe(course.title)
    expect(reply.data.lessons.map((l) => l.index)).toEqual(Array.from({ length: course.lessonCount }, (_, i) => i + 1))
    expect(reply.data.lessons[0].venue.name).toBe(course.venue.name)
    expect(reply.data.lessons[0].startsAt).toBe(reply.data.firstLessonAt)
    const opens =
      new Date(reply.data.lessons[0].startsAt).getTime() - new Date(reply.data.lessons[0].checkinOpensAt).getTime()
    expect(opens).toBe(30 * 60_000)
    expect(JSON.stringify(reply.data)).not.toContain('_id')
  })

  it('keeps a cancelled course readable, with the reason staff gave', async () => {
    const set = (patch: Record<string, unknown>) =>
      cloud.store.update(
        COLLECTIONS.courses,
        { _id: 'c002' },
        { $set: patch },
        { multi: false, merge: true, upsert: false },
      )
    set({ status: 'cancelled', cancelReason: '讲师临时出差，课程顺延' })
    const reply = await callAs<CourseDetail>(cloud, 'o_worker_001', 'catalog', 'getCourse', { courseId: 'c002' })
    expect(reply).toMatchObject({
      ok: true,
      data: { enrollState: 'cancelled', cancelReason: '讲师临时出差，课程顺延' },
    })
    set({ status: 'published', cancelReason: null })
    const open = await callAs<CourseDetail>(cloud, 'o_worker_001', 'catalog', 'getCourse', { courseId: 'c002' })
    expect(open).toMatchObject({ ok: true, data: { cancelReason: null } })
  })

  it('answers CATALOG.NOT_FOUND for a course that does not exist', async () => {
    const reply = await callAs(cloud, 'o_worker_001', 'catalog', 'getCourse', { courseId: 'c999' })
    expect(reply).toMatchObject({ ok: false, error: { code: 'CATALOG.NOT_FOUND', message: '课程不存在或已下线' } })
  })

  it.each([
    [{}],
    [{ courseId: '' }],
    [{ courseId: 'a'.repeat(65) }],
    [{ courseId: { $gt: '' } }],
    [{ courseId: 'c001', x: 1 }],
  ])('refuses a bad course id %j', async (data) => {
    const reply = await callAs(cloud, 'o_worker_001', 'catalog', 'getCourse', data)
    expect(reply).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } })
  })
})
