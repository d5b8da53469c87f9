/**
 * Course levels and industries end to end through the bundled functions: staff set them (form and
 * import), the catalog filters by them in one query, and a worker's profile names an industry.
 */
import { COLLECTIONS } from '../../server/collections'
import type { CourseDoc } from '../../server/repos/course-repo'
import type { UserDoc } from '../../server/repos/user-repo'
import { importedCourseId } from '../../server/admin/import-programme'
import { IMPORT_COLUMNS, IMPORT_OPTIONAL_COLUMNS, type CourseInput, type ImportResult } from '@core/contracts/admin'
import { INDUSTRIES, LEVELS, type CourseCard, type CourseDetail, type ListCoursesResult } from '@core/contracts/catalog'
import { CONSENT_VERSION, type LoginResult, type ProfileView } from '@core/contracts/user'
import type { LocalCloud } from '../../local-cloud'
import { seedDemo, type DemoProgramme } from '../../local-cloud/seed/demo'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { importTemplateCsv } from '../../src/package-staff/lib/import-template'

const STAFF = 'o_staff_demo'
const WORKER = 'o_worker_001'
const HOUR = 3600_000
const at = (hours: number) => new Date(PINNED_NOW.getTime() + hours * HOUR).toISOString()

let cloud: LocalCloud
let demo: DemoProgramme
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(() => {
  demo = seedDemo(cloud.store, { start: PINNED_NOW })
  pinClock()
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

const list = (data: Record<string, unknown> = {}) =>
  callAs<ListCoursesResult>(cloud, WORKER, 'catalog', 'listCourses', { pageSize: 50, ...data })
const admin = <T = unknown>(action: string, data: Record<string, unknown>, openid = STAFF) =>
  callAs<T>(cloud, openid, 'admin', action, data)
const stored = (id: string) => cloud.store.find(COLLECTIONS.courses, { _id: id })[0] as unknown as CourseDoc
const setCourse = (id: string, op: Record<string, unknown>) =>
  cloud.store.update(COLLECTIONS.courses, { _id: id }, op, { multi: false, merge: true, upsert: false })
/** Every document of every collection, to prove a refused call wrote nothing at all. */
const snapshot = () => cloud.store.db.prepare('SELECT coll, id, data FROM docs ORDER BY coll, id').all()

/** Every page of a filtered catalog. */
async function listAll(filter: Record<string, unknown>): Promise<{ items: CourseCard[]; total: number }> {
  const items: CourseCard[] = []
  for (let page = 1; ; page++) {
    const reply = await list({ ...filter, page })
    if (!reply.ok) throw new Error(reply.error.code)
    items.push(...reply.data.items)
    if (!reply.data.hasMore) return { items, total: reply.data.total }
  }
}

const suits = (c: Pick<CourseDoc, 'industries'>, industry: string) =>
  (c.industries ?? []).length === 0 || (c.industries ?? []).includes(industry as never)

describe('catalog: levels and industries', () => {
  it('shows each course’s level and industries, and lists both for the filter chips', async () => {
    const reply = await list()
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data.levels).toEqual([...LEVELS])
    expect(reply.data.industries).toEqual([...INDUSTRIES])
    for (const card of reply.data.items) {
      const doc = demo.courses.find((c) => c._id === card.id)!
      expect([card.level, card.industries]).toEqual([doc.level, doc.industries])
    }
    const handsOn = demo.courses.find((c) => c.title.startsWith('AI 助手在班组管理中的应用'))!
    const detail = await callAs<CourseDetail>(cloud, WORKER, 'catalog', 'getCourse', { courseId: handsOn._id })
    expect(detail).toMatchObject({ ok: true, data: { level: '实操', industries: ['制造业', '建筑业', '交通物流'] } })
  })

  it.each(LEVELS)('filters by level %s in the query, counting only those courses', async (level) => {
    const { items, total } = await listAll({ level })
    const expected = demo.courses.filter((c) => c.level === level).map((c) => c._id)
    expect(expected.length).toBeGreaterThan(0)
    expect(total).toBe(expected.length)
    expect(items.map((c) => c.id).sort()).toEqual(expected.sort())
  })

  it('适合我的行业: courses listing the industry and courses for every industry, nothing else', async () => {
    const { items, total } = await listAll({ forIndustry: '交通物流' })
    const expected = demo.courses.filter((c) => suits(c, '交通物流')).map((c) => c._id)
    expect(total).toBe(expected.length)
    expect(items.map((c) => c.id).sort()).toEqual(expected.sort())
    // Both kinds are there: an empty list suits every industry.
    expect(items.some((c) => c.industries.length === 0)).toBe(true)
    expect(items.some((c) => c.industries.includes('交通物流'))).toBe(true)
    expect(items.every((c) => c.industries.length === 0 || c.industries.includes('交通物流'))).toBe(true)
  })

  it('an industry no course lists still finds the courses for every industry', async () => {
    const { items } = await listAll({ forIndustry: '住宿餐饮' })
    expect(items.length).toBe(demo.courses.filter((c) => c.industries!.length === 0).length)
    expect(items.every((c) => c.industries.length === 0)).toBe(true)
  })

  it('combines category, level and industry in one query', async () => {
    const { items, total } = await listAll({ category: '工业机器人', level: '进阶', forIndustry: '制造业' })
    const expected = demo.courses.filter((c) => c.category === '工业机器人' && c.level === '进阶' && suits(c, '制造业'))
    expect(total).toBe(expected.length)
    expect(total).toBeGreaterThan(0)
    expect(items.map((c) => c.title).every((t) => t.startsWith('工业机器人示教编程'))).toBe(true)
    const none = await list({ category: '工业机器人', forIndustry: '金融' })
    expect(none).toMatchObject({ ok: true, data: { total: 0, items: [] } })
  })

  it('reads a course stored before levels existed as 入门 for every industry, and filters it so', async () => {
    const old = demo.courses.find((c) => c.level === '进阶' && c.industries!.length > 0)!
    setCourse(old._id, { $unset: { level: '', industries: '' } })
    const detail = await callAs<CourseDetail>(cloud, WORKER, 'catalog', 'getCourse', { courseId: old._id })
    expect(detail).toMatchObject({ ok: true, data: { level: '入门', industries: [] } })
    const beginner = await listAll({ level: '入门' })
    expect(beginner.items.map((c) => c.id)).toContain(old._id)
    expect((await listAll({ level: '进阶' })).items.map((c) => c.id)).not.toContain(old._id)
    const forHotels = await listAll({ forIndustry: '住宿餐饮', level: '入门' })
    expect(forHotels.items.map((c) => c.id)).toContain(old._id)
  })

  it('treats an empty filter as no filter', async () => {
    const all = await list({ level: '', forIndustry: '' })
    expect(all).toMatchObject({ ok: true, data: { total: 100 } })
  })

  it.each([
    [{ level: '高级' }, 'CATALOG.BAD_LEVEL', 'level', '没有这个课程难度，请在入门、进阶、实操中选择'],
    [{ level: 'beginner' }, 'CATALOG.BAD_LEVEL', 'level', '没有这个课程难度，请在入门、进阶、实操中选择'],
    [{ forIndustry: '航天' }, 'CATALOG.BAD_INDUSTRY', 'forIndustry', '没有这个行业，请刷新后重新选择'],
  ])('refuses an unknown filter %j with %s, reading nothing', async (data, code, field, message) => {
    const { reply, stats } = await cloud.callWithStats(
      'catalog',
      { action: 'listCourses', ...data },
      { OPENID: WORKER },
    )
    expect(reply).toEqual({ ok: false, error: { code, field, message } })
    expect(stats.requests).toBe(0)
  })

  it.each([[{ level: 3 }], [{ forIndustry: ['制造业'] }], [{ forIndustry: 'x'.repeat(200) }]])(
    'refuses a malformed filter %j as a bad request',
    async (data) => {
      expect(await list(data)).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } })
    },
  )

  it('answers a filtered page with one read and one count, writing nothing', async () => {
    const { reply, stats } = await cloud.callWithStats(
      'catalog',
      { action: 'listCourses', category: '数据分析', level: '入门', forIndustry: '制造业' },
      { OPENID: WORKER },
    )
    expect(reply).toMatchObject({ ok: true })
    expect([stats.requests, stats.writes]).toEqual([2, 0])
  })
})

function courseInput(overrides: Partial<CourseInput> = {}): CourseInput {
  return {
    title: '工业机器人示教编程（冬季班）',
    category: '工业机器人',
    summary: '点位示教、程序结构与常用指令。',
    instructor: '蒋文斌',
    venue: { name: '萧山区职工技能实训基地', address: '杭州市萧山区市心中路 818 号' },
    capacity: 30,
    enrollOpensAt: at(-1),
    enrollClosesAt: at(24 * 6),
    lessons: [{ startsAt: at(24 * 7), endsAt: at(24 * 7 + 3) }],
    ...overrides,
  }
}
const upsert = (course: CourseInput, openid = STAFF) => admin<{ courseId: string }>('upsertCourse', { course }, openid)

describe('admin.upsertCourse: level and industries', () => {
  it('stores them on a new course, and the catalog shows them', async () => {
    const reply = await upsert(courseInput({ level: '进阶', industries: ['制造业', '交通物流'] }))
    if (!reply.ok) throw new Error(reply.error.code)
    expect(stored(reply.data.courseId)).toMatchObject({ level: '进阶', industries: ['制造业', '交通物流'] })
    const card = await callAs<CourseDetail>(cloud, WORKER, 'catalog', 'getCourse', { courseId: reply.data.courseId })
    expect(card).toMatchObject({ ok: true, data: { level: '进阶', industries: ['制造业', '交通物流'] } })
  })

  it('gives a course created without them 入门 for every industry', async () => {
    const reply = await upsert(courseInput())
    if (!reply.ok) throw new Error(reply.error.code)
    expect(stored(reply.data.courseId)).toMatchObject({ level: '入门', industries: [] })
  })

  it('accepts every industry at once', async () => {
    const reply = await upsert(courseInput({ industries: [...INDUSTRIES] }))
    if (!reply.ok) throw new Error(reply.error.code)
    expect(stored(reply.data.courseId).industries).toEqual([...INDUSTRIES])
  })

  it('changes them on an edit, to fewer industries and then to none, and keeps them when an edit leaves them out', async () => {
    const created = await upsert(courseInput({ level: '进阶', industries: ['制造业', '交通物流'] }))
    if (!created.ok) throw new Error(created.error.code)
    const id = created.data.courseId
    expect(await upsert(courseInput({ id, level: '实操', industries: ['金融'] }))).toMatchObject({ ok: true })
    expect(stored(id)).toMatchObject({ level: '实操', industries: ['金融'] })
    expect(await upsert(courseInput({ id, capacity: 40 }))).toMatchObject({ ok: true })
    expect(stored(id)).toMatchObject({ level: '实操', industries: ['金融'], capacity: 40 })
    expect(await upsert(courseInput({ id, industries: [] }))).toMatchObject({ ok: true })
    expect(stored(id)).toMatchObject({ level: '实操', industries: [] })
  })

  it.each([
    [{ level: '高级' as never }, 'ADMIN.BAD_LEVEL', 'course.level', /「高级」不是可选的课程难度/],
    [{ level: '' as never }, 'ADMIN.BAD_LEVEL', 'course.level', /课程难度应为：入门、进阶、实操/],
    [{ industries: ['制造业', '航天' as never] }, 'ADMIN.BAD_INDUSTRY', 'course.industries', /「航天」不是可选的行业/],
    [
      { industries: ['制造业', '金融', '制造业'] as never },
      'ADMIN.BAD_INDUSTRY',
      'course.industries',
      /「制造业」重复/,
    ],
  ])('refuses %j with %s naming the field, and writes nothing', async (overrides, code, field, message) => {
    const before = snapshot()
    // The cases hold values the type forbids on purpose: the server must refuse what a hand-made request sends.
    const reply = await upsert(courseInput(overrides as Partial<CourseInput>))
    expect(reply).toMatchObject({ ok: false, error: { code, field, message: expect.stringMatching(message) } })
    expect(snapshot()).toEqual(before)
  })

  it('refuses a bad level on an edit and leaves the course as it was', async () => {
    const created = await upsert(courseInput({ level: '进阶', industries: ['制造业'] }))
    if (!created.ok) throw new Error(created.error.code)
    const before = snapshot()
    const reply = await upsert(courseInput({ id: created.data.courseId, level: '专家' as never, capacity: 50 }))
    expect(reply).toMatchObject({ ok: false, error: { code: 'ADMIN.BAD_LEVEL' } })
    expect(snapshot()).toEqual(before)
  })

  it('refuses a worker before looking at the course', async () => {
    const before = snapshot()
    const reply = await upsert(courseInput({ level: '进阶' }), WORKER)
    expect(reply).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    expect(snapshot()).toEqual(before)
  })
})

type Cells = Partial<Record<(typeof IMPORT_COLUMNS)[number] | (typeof IMPORT_OPTIONAL_COLUMNS)[number], string>>
const BASE_ROW: Cells = {
  course_key: 'K1',
  title: '提示词写作入门',
  category: '人工智能',
  instructor: '林晓雯',
  summary: '掌握四段式提示词',
  venue_name: '杭州市职工文化中心',
  venue_address: '杭州市拱墅区中山北路 580 号',
  capacity: '30',
  enroll_opens: '2026-12-01 09:00',
  enroll_closes: '2026-12-14 17:00',
  lesson_date: '2026-12-15',
  lesson_start: '19:00',
  lesson_end: '21:00',
}
/** A CSV with the given columns; each row's cells default to a valid course. */
function csv(columns: readonly string[], ...rows: Cells[]): string {
  const lines = rows.map((r) => columns.map((c) => ({ ...BASE_ROW, ...r })[c as keyof Cells] ?? '').join(','))
  return [columns.join(','), ...lines].join('\n') + '\n'
}
const WITH_FIT = [...IMPORT_COLUMNS, ...IMPORT_OPTIONAL_COLUMNS]
const importCsv = (text: string) => admin<ImportResult>('importProgramme', { csv: text })

describe('admin.importProgramme: level and industries columns', () => {
  it('imports a file without the new columns as before: 入门, every industry', async () => {
    const reply = await importCsv(csv(IMPORT_COLUMNS, {}))
    expect(reply).toMatchObject({ ok: true, data: { imported: 1, errors: [] } })
    expect(stored(importedCourseId('K1'))).toMatchObject({ level: '入门', industries: [] })
  })

  it('reads level and industries separated by 、 ; or |, a blank later row meaning "as above"', async () => {
    const text = csv(
      WITH_FIT,
      { course_key: 'A', level: '进阶', industries: '制造业、交通物流' },
      { course_key: 'A', lesson_date: '2026-12-22' },
      { course_key: 'B', level: '实操', industries: '信息技术;金融|教育' },
      { course_key: 'C', level: '', industries: '' },
    )
    const reply = await importCsv(text)
    expect(reply).toMatchObject({ ok: true, data: { imported: 3, errors: [] } })
    expect(stored(importedCourseId('A'))).toMatchObject({ level: '进阶', industries: ['制造业', '交通物流'] })
    expect(stored(importedCourseId('B'))).toMatchObject({ level: '实操', industries: ['信息技术', '金融', '教育'] })
    expect(stored(importedCourseId('C'))).toMatchObject({ level: '入门', industries: [] })
    // The same file again is a retry: nothing new, nothing refused.
    expect(await importCsv(text)).toMatchObject({ ok: true, data: { imported: 0, alreadyImported: 3 } })
  })

  it('imports the template staff download from the app, with its level and industries', async () => {
    // The template's example lies in November 2026; import it a month before.
    pinClock(new Date('2026-10-20T01:00:00.000Z'))
    const reply = await importCsv(importTemplateCsv())
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data).toMatchObject({ imported: 1, errors: [] })
    expect(stored(reply.data.courseIds[0])).toMatchObject({ level: '入门', industries: ['制造业', '交通物流'] })
  })

  it('accepts the columns in any order', async () => {
    const columns = ['industries', ...IMPORT_COLUMNS, 'level']
    const reply = await importCsv(csv(columns, { level: '进阶', industries: '金融' }))
    expect(reply).toMatchObject({ ok: true, data: { imported: 1 } })
    expect(stored(importedCourseId('K1'))).toMatchObject({ level: '进阶', industries: ['金融'] })
  })

  it('names the cell of every bad level or industry, and imports nothing', async () => {
    const before = snapshot()
    const reply = await importCsv(
      csv(
        WITH_FIT,
        { course_key: 'A', level: '高级' },
        { course_key: 'B', industries: '制造业、航天' },
        { course_key: 'C', industries: '金融|金融' },
        { course_key: 'D', level: '进阶' },
        { course_key: 'D', level: '实操', lesson_date: '2026-12-22' },
      ),
    )
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data.imported).toBe(0)
    expect(reply.data.errors).toEqual([
      { line: 2, field: 'level', message: expect.stringMatching(/「高级」不是可选的课程难度/) },
      { line: 3, field: 'industries', message: expect.stringMatching(/「航天」不是可选的行业/) },
      { line: 4, field: 'industries', message: expect.stringMatching(/「金融」重复/) },
      { line: 6, field: 'level', message: expect.stringMatching(/与第 5 行.*不一致/) },
    ])
    expect(snapshot()).toEqual(before)
  })

  it('refuses a re-import that changes a course’s level, as it refuses any other change', async () => {
    expect(await importCsv(csv(WITH_FIT, { level: '进阶' }))).toMatchObject({ ok: true, data: { imported: 1 } })
    const reply = await importCsv(csv(WITH_FIT, { level: '实操' }))
    expect(reply).toMatchObject({ ok: true, data: { imported: 0, errors: [{ line: 2, field: 'course_key' }] } })
    expect(stored(importedCourseId('K1')).level).toBe('进阶')
  })
})

const profile = (extra: Record<string, unknown> = {}) => ({
  name: '张建国',
  phone: '13800138000',
  employer: '杭州钱江精密机械有限公司',
  consentVersion: CONSENT_VERSION,
  ...extra,
})
const saveProfile = (openid: string, extra: Record<string, unknown> = {}) =>
  callAs<ProfileView>(cloud, openid, 'user', 'saveProfile', profile(extra))
const userDoc = (openid: string) => cloud.store.find(COLLECTIONS.users, { _id: openid })[0] as unknown as UserDoc

describe('user profile: industry', () => {
  it('saves an industry, shows it in the profile and at login, and clears it when left out', async () => {
    expect(await saveProfile('o_new', { industry: '交通物流' })).toMatchObject({
      ok: true,
      data: { industry: '交通物流' },
    })
    expect(userDoc('o_new').industry).toBe('交通物流')
    expect(await callAs<LoginResult>(cloud, 'o_new', 'user', 'login')).toMatchObject({
      ok: true,
      data: { profileComplete: true, industry: '交通物流' },
    })
    expect(await callAs(cloud, 'o_new', 'user', 'getProfile')).toMatchObject({
      ok: true,
      data: { industry: '交通物流' },
    })
    expect(await saveProfile('o_new', { industry: '' })).toMatchObject({ ok: true, data: { industry: null } })
    expect(userDoc('o_new').industry).toBeNull()
    await saveProfile('o_new', { industry: '金融' })
    expect(await saveProfile('o_new')).toMatchObject({ ok: true, data: { industry: null } })
  })

  it('reads a profile stored before industries existed as having none', async () => {
    cloud.store.update(
      COLLECTIONS.users,
      { _id: 'o_worker_002' },
      { $unset: { industry: '' } },
      { multi: false, merge: true, upsert: false },
    )
    expect(await callAs(cloud, 'o_worker_002', 'user', 'getProfile')).toMatchObject({
      ok: true,
      data: { industry: null },
    })
    expect(await callAs(cloud, 'o_worker_002', 'user', 'login')).toMatchObject({ ok: true, data: { industry: null } })
  })

  it.each([['航天'], ['制造'], ['其他 其他']])('refuses the industry %s and writes nothing', async (industry) => {
    await saveProfile('o_new', { industry: '金融' })
    const before = snapshot()
    const reply = await saveProfile('o_new', { industry, name: '李四海' })
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'USER.BAD_INDUSTRY', field: 'industry', message: '请从列表中选择您所在的行业' },
    })
    expect(snapshot()).toEqual(before)
  })

  it('refuses a malformed industry as a bad request', async () => {
    expect(await saveProfile('o_new', { industry: ['金融'] })).toMatchObject({
      ok: false,
      error: { code: 'COMMON.BAD_REQUEST', field: 'industry' },
    })
  })

  it('erases the industry with the rest of the profile', async () => {
    await saveProfile('o_new', { industry: '金融' })
    // A no-show on record keeps the standing, so the record stays with its personal fields erased.
    cloud.store.update(
      COLLECTIONS.users,
      { _id: 'o_new' },
      { $set: { noShows: [{ lessonId: 'x_l1', at: PINNED_NOW }], noShowCount: 1 } },
      { multi: false, merge: true, upsert: false },
    )
    expect(await callAs(cloud, 'o_new', 'user', 'deleteProfile', { confirm: true })).toMatchObject({ ok: true })
    expect(userDoc('o_new')).toMatchObject({ name: '', industry: null, noShowCount: 1 })
  })

  it('gives the demo workers an industry, and leaves every fifth without one', () => {
    const workers = demo.users.filter((u) => u.role === 'worker')
    expect(workers.find((u) => u._id === WORKER)!.industry).toBe('制造业')
    expect(workers.find((u) => u._id === 'o_worker_005')!.industry).toBeNull()
    expect(workers.every((u) => u.industry === null || INDUSTRIES.includes(u.industry as never))).toBe(true)
  })
})
