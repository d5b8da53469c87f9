import { createJobRepo } from '../../server/repos/job-repo'
import fs from 'node:fs'
import path from 'node:path'
import { COLLECTIONS } from '../../server/collections'
import { importedCourseId, importProgramme } from '../../server/admin/import-programme'
import type { AdminDeps } from '../../server/admin/deps'
import { createCourseRepo, type CourseDoc } from '../../server/repos/course-repo'
import { createLessonRepo } from '../../server/repos/lesson-repo'
import { createEnrollmentRepo } from '../../server/repos/enrollment-repo'
import { createNoticeRepo } from '../../server/repos/notice-repo'
import { createAttendanceRepo } from '../../server/repos/attendance-repo'
import { createUserRepo } from '../../server/repos/user-repo'
import type { Db } from '../../server/cloud'
import { IMPORT_COLUMNS, type ImportResult } from '@core/contracts/admin'
import type { CourseDetail, ListCoursesResult } from '@core/contracts/catalog'
import type { LocalCloud } from '../../local-cloud'
import { seedDemo } from '../../local-cloud/seed/demo'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { checkInvariants } from '../helpers/invariants'

const STAFF = 'o_staff_demo'
const SAMPLE = fs.readFileSync(path.resolve(__dirname, '../../docs/sample-programme.csv'), 'utf8')
const HEADER = IMPORT_COLUMNS.join(',')

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(() => {
  seedDemo(cloud.store, { start: PINNED_NOW })
  pinClock()
})
afterEach(() => {
  expect(checkInvariants(cloud.store)).toMatchObject({ oversold: [], ledgerMismatch: [], lostSeats: [], problems: [] })
  jest.useRealTimers()
})
afterAll(() => cloud.close())

const importCsv = (csv: string, extra: Record<string, unknown> = {}) =>
  callAs<ImportResult>(cloud, STAFF, 'admin', 'importProgramme', { csv, ...extra })
const snapshot = () => cloud.store.db.prepare('SELECT coll, id, data FROM docs ORDER BY coll, id').all()
const courseCount = () => cloud.store.count(COLLECTIONS.courses, {})
const getCourse = (courseId: string) =>
  callAs<CourseDetail>(cloud, 'o_worker_001', 'catalog', 'getCourse', { courseId })
/** Shanghai wall-clock time as an ISO instant, the way the catalog reports it. */
const sh = (local: string) => new Date(`${local}+08:00`).toISOString()

/** One lesson row; course columns default to a valid AI course. */
function row(fields: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {}): string {
  const values: Record<string, string> = {
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
    ...fields,
  }
  return IMPORT_COLUMNS.map((c) => values[c]).join(',')
}
const file = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n'

describe('admin.importProgramme', () => {
  it('imports the sample programme: five courses with their lessons, visible in the catalog', async () => {
    const before = courseCount()
    const reply = await importCsv(SAMPLE)
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data).toMatchObject({ dryRun: false, imported: 5, alreadyImported: 0, errors: [] })
    expect(reply.data.courseIds).toEqual(
      ['2027W-AI-01', '2027W-UAV-01', '2027W-EC-01', '2027W-ROB-01', '2027W-DATA-01'].map(importedCourseId),
    )
    expect(courseCount()).toBe(before + 5)

    const [ai, , ec, robot, data] = reply.data.courseIds
    const detail = await getCourse(ai)
    if (!detail.ok) throw new Error(detail.error.code)
    expect(detail.data).toMatchObject({
      title: 'DeepSeek 办公实战（冬季班）',
      category: '人工智能',
      capacity: 40,
      seatsLeft: 40,
      lessonCount: 3,
      enrollState: 'not_open',
      enrollOpensAt: sh('2026-12-07T10:00'),
      enrollClosesAt: sh('2026-12-14T17:00'),
      venue: { name: '杭州市职工文化中心', address: '杭州市拱墅区中山北路 580 号' },
    })
    expect(detail.data.lessons.map((l) => [l.id, l.startsAt, l.endsAt])).toEqual([
      [`${ai}_l1`, sh('2026-12-15T19:00'), sh('2026-12-15T21:00')],
      [`${ai}_l2`, sh('2026-12-17T19:00'), sh('2026-12-17T21:00')],
      [`${ai}_l3`, sh('2026-12-19T09:30'), sh('2026-12-19T12:00')],
    ])
    const ecDetail = await getCourse(ec)
    expect(ecDetail).toMatchObject({
      ok: true,
      data: { lessonCount: 4, summary: expect.stringContaining('的"上架"。') },
    })
    expect(await getCourse(robot)).toMatchObject({ ok: true, data: { lessonCount: 3, capacity: 20 } })
    const dataCourse = await getCourse(data)
    expect(dataCourse).toMatchObject({ ok: true, data: { summary: expect.stringContaining('月报。\n第三次课') } })

    const list = await callAs<ListCoursesResult>(cloud, 'o_worker_001', 'catalog', 'listCourses', {
      category: '工业机器人',
      pageSize: 50,
    })
    expect(list.ok && list.data.items.map((c) => c.id)).toContain(robot)
  })

  it('treats the same file imported again as a retry: nothing duplicated', async () => {
    const first = await importCsv(SAMPLE)
    const before = snapshot()
    const again = await importCsv(SAMPLE)
    expect(again).toEqual({
      ok: true,
      data: {
        dryRun: false,
        imported: 0,
        alreadyImported: 5,
        courseIds: first.ok ? first.data.courseIds : [],
        errors: [],
      },
    })
    expect(snapshot()).toEqual(before)
  })

  it('checks without writing on a dry run', async () => {
    const before = snapshot()
    const reply = await importCsv(SAMPLE, { dryRun: true })
    expect(reply).toMatchObject({ ok: true, data: { dryRun: true, imported: 5, errors: [] } })
    expect(snapshot()).toEqual(before)
  })

  it('reads a file as Excel saves it: byte-order mark, CRLF, slashed dates, blank cells meaning "as above"', async () => {
    const csv =
      '\ufeff' +
      [
        HEADER,
        row({ lesson_date: '2026/12/15', lesson_start: '9:30', lesson_end: '11:30' }),
        row({
          title: '',
          category: '',
          instructor: '',
          summary: '',
          venue_name: '',
          venue_address: '',
          capacity: '',
          enroll_opens: '',
          enroll_closes: '',
          lesson_date: '2026-12-16',
          lesson_start: '19：00',
        }),
        ',,,,,,,,,,,,',
        '',
      ].join('\r\n')
    const reply = await importCsv(csv)
    expect(reply).toMatchObject({ ok: true, data: { imported: 1, errors: [] } })
    const detail = await getCourse(importedCourseId('K1'))
    if (!detail.ok) throw new Error(detail.error.code)
    expect(detail.data.lessons.map((l) => l.startsAt)).toEqual([sh('2026-12-15T09:30'), sh('2026-12-16T19:00')])
    expect(detail.data.title).toBe('提示词写作入门')
  })

  it('changes nothing when any row is wrong, and lists every error by line and column', async () => {
    const csv = file(
      row({ course_key: 'K1' }),
      row({ course_key: 'K1', title: '提示词写作进阶', lesson_date: '2026-12-16' }),
      row({ course_key: 'K2', category: '烹饪', capacity: 'abc', lesson_date: '2026-02-30' }),
      row({
        course_key: 'K3',
        title: '',
        enroll_opens: '2026-12-10 09:00',
        enroll_closes: '2026-12-05 09:00',
        lesson_end: '18:00',
      }),
      row({ course_key: 'K4', lesson_start: '25:00', enroll_opens: '2026-12-07' }),
      '  K5,只有三列,人工智能',
      row({ course_key: 'K6', enroll_closes: '2026-12-15 20:00' }),
      row({ course_key: 'K7', summary: '简'.repeat(501), capacity: '0' }),
    )
    const before = snapshot()
    const reply = await importCsv(csv)
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data).toMatchObject({ imported: 0, courseIds: [] })
    expect(reply.data.errors.map((e) => `${e.line}:${e.field}`).sort()).toEqual(
      [
        '3:title',
        '4:category',
        '4:capacity',
        '4:lesson_date',
        '5:title',
        '5:enroll_closes',
        '5:lesson_end',
        '6:enroll_opens',
        '6:lesson_start',
        '7:',
        '8:enroll_closes',
        '9:summary',
        '9:capacity',
      ].sort(),
    )
    for (const e of reply.data.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(reply.data.errors.find((e) => e.line === 3)!.message).toMatch(/第 2 行/)
    expect(reply.data.errors.find((e) => e.field === 'lesson_date')!.message).toMatch(/YYYY-MM-DD/)
    expect(snapshot()).toEqual(before)
  })

  it('explains a header that is not the expected one', async () => {
    const csv = ['course_key,title,category,price', row()].join('\n')
    const reply = await importCsv(csv)
    if (!reply.ok) throw new Error(reply.error.code)
    const fields = reply.data.errors.map((e) => e.field)
    expect(reply.data.errors.every((e) => e.line === 1)).toBe(true)
    expect(fields).toContain('instructor')
    expect(fields).toContain('lesson_end')
    expect(fields).toContain('price')
  })

  it('reports an empty file, a header alone and an unclosed quote', async () => {
    for (const csv of ['', `${HEADER}\n`]) {
      const reply = await importCsv(csv)
      expect(reply).toMatchObject({ ok: true, data: { imported: 0, errors: [{ line: 1 }] } })
    }
    const quoted = await importCsv(file(row(), row({ course_key: 'K2', summary: '"没有结束的引号' })))
    expect(quoted).toMatchObject({ ok: true, data: { imported: 0, errors: [{ line: 3 }] } })
  })

  it('refuses a course_key already used for a different course', async () => {
    await importCsv(file(row()))
    const before = snapshot()
    const reply = await importCsv(file(row({ title: '另一门课' })))
    expect(reply).toMatchObject({
      ok: true,
      data: { imported: 0, errors: [{ line: 2, field: 'course_key', message: expect.stringContaining('K1') }] },
    })
    expect(snapshot()).toEqual(before)
  })

  it('replaces an invisible draft a failed import left behind', async () => {
    const id = importedCourseId('K1')
    cloud.store.insert(COLLECTIONS.courses, [{ _id: id, status: 'draft', title: '旧的草稿' }])
    const reply = await importCsv(file(row(), row({ lesson_date: '2026-12-16' })))
    expect(reply).toMatchObject({ ok: true, data: { imported: 1 } })
    expect(await getCourse(id)).toMatchObject({ ok: true, data: { title: '提示词写作入门', lessonCount: 2 } })
  })

  it('refuses files over 90 KB or 500 rows, and a request too big to be a file', async () => {
    const big = await importCsv(`${HEADER}\n${row({ summary: '课'.repeat(31 * 1024) })}\n`)
    expect(big).toMatchObject({ ok: false, error: { code: 'ADMIN.IMPORT_TOO_LARGE', field: 'csv' } })
    const rows = Array.from({ length: 501 }, (_, i) => row({ course_key: `K${i}` }))
    const long = await importCsv(file(...rows))
    expect(long).toMatchObject({ ok: false, error: { code: 'ADMIN.IMPORT_TOO_LARGE' } })
    // Past WeChat's 100 KB per request the platform refuses the call before the function runs.
    await expect(importCsv('x'.repeat(400_000))).rejects.toThrow(/over the limit/)
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['a csv that is not text', { csv: 42 }, 'csv'],
    ['no csv', { csv: undefined }, 'csv'],
    ['dryRun as a string', { csv: SAMPLE, dryRun: 'yes' }, 'dryRun'],
    ['an unknown field', { csv: SAMPLE, overwrite: true }, 'overwrite'],
  ])('refuses %s with COMMON.BAD_REQUEST', async (_case, data, field) => {
    const before = snapshot()
    const reply = await callAs(cloud, STAFF, 'admin', 'importProgramme', data)
    expect(reply).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST', field } })
    expect(snapshot()).toEqual(before)
  })

  it('removes what it wrote when a write fails midway, and a retry then imports everything', async () => {
    const sdk = cloud.sdk()
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
    const db = sdk.database() as Db
    const courses = createCourseRepo(db)
    let inserts = 0
    const deps: AdminDeps = {
      users: createUserRepo(db),
      lessons: createLessonRepo(db),
      enrollments: createEnrollmentRepo(db),
      notices: createNoticeRepo(db),
      jobs: createJobRepo(db),
      attendance: createAttendanceRepo(db),
      courses: {
        ...courses,
        async insert(doc: CourseDoc) {
          if (++inserts === 4) throw new Error('simulated: request failed (-502001)')
          return courses.insert(doc)
        },
      },
    }
    const errorLog = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const before = snapshot()
    const reply = await importProgramme(deps, { csv: SAMPLE }, new Date())
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'COMMON.INTERNAL', message: expect.stringContaining('撤销') },
    })
    expect(snapshot()).toEqual(before)
    errorLog.mockRestore()

    expect(await importCsv(SAMPLE)).toMatchObject({ ok: true, data: { imported: 5 } })
  })
})
