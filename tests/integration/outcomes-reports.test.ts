import ExcelJS from 'exceljs'
import { COLLECTIONS } from '../../server/collections'
import type { LocalCloud } from '../../local-cloud'
import type { ProgrammeOutcomes, Workbook } from '@core/contracts/outcomes'
import { inShanghai } from '@core/time'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { seedFinishedCourse, seedWorkers } from '../helpers/outcomes-fixture'

const STAFF = 'o_staff_reports'
const ADMIN = 'o_admin_reports'
const HOUR = 3600_000
const DAY = 24 * HOUR
const worker = (n: number) => `o_rep_${String(n).padStart(3, '0')}`
const WORKERS = Array.from({ length: 150 }, (_, i) => worker(i + 1))

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
  seed()
  pinClock()
  // Certificates and ratings through the functions, as in production.
  for (const courseId of ['r1', 'r2']) await callAs(cloud, STAFF, 'outcomes', 'settleCourse', { courseId })
  for (let i = 0; i < 40; i++)
    await callAs(cloud, WORKERS[i], 'outcomes', 'evaluateCourse', { courseId: 'r1', rating: 1 + (i % 5) })
  jest.useRealTimers()
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

/**
 * A big finished course (120 workers × 10 lessons: over a thousand check-ins), a small one, one still
 * running with a waitlist and a lapsed offer, and a cancelled one.
 */
function seed() {
  cloud.store.clear()
  seedWorkers(cloud.store, WORKERS, PINNED_NOW)
  cloud.store.insert(COLLECTIONS.users, [
    { _id: STAFF, role: 'staff', name: '王芳', consent: {} },
    { _id: ADMIN, role: 'admin', name: '赵敏', consent: {} },
  ])
  const big = Object.fromEntries(
    WORKERS.slice(0, 120).map((o, i) => [
      o,
      Array.from({ length: 10 }, (_, k) => k + 1)
        .filter((k) => (i + k) % 6 !== 0)
        .map((k) => (k % 4 === 0 ? -k : k)),
    ]),
  )
  seedFinishedCourse(cloud.store, {
    courseId: 'r1',
    title: '焊接实操',
    category: '智能制造',
    lessons: 10,
    lastEndsAt: new Date(PINNED_NOW.getTime() - 2 * HOUR),
    attendance: big,
  })
  seedFinishedCourse(cloud.store, {
    courseId: 'r2',
    title: '短视频运营',
    category: '数字技能',
    lessons: 2,
    lastEndsAt: new Date(PINNED_NOW.getTime() - 3 * DAY),
    attendance: { [worker(121)]: [1, 2], [worker(122)]: [2], [worker(1)]: [] },
  })
  seedFinishedCourse(cloud.store, {
    courseId: 'r3',
    title: '无人机入门',
    category: '数字技能',
    lessons: 3,
    lastEndsAt: new Date(PINNED_NOW.getTime() + 2 * DAY),
    attendance: { [worker(130)]: [1], [worker(131)]: [] },
    capacity: 2,
  })
  seedFinishedCourse(cloud.store, {
    courseId: 'r4',
    title: '已取消的课',
    category: '智能制造',
    lessons: 1,
    lastEndsAt: new Date(PINNED_NOW.getTime() - DAY),
    attendance: { [worker(140)]: [] },
  })
  const opts = { multi: false, merge: true, upsert: false }
  cloud.store.update(
    COLLECTIONS.courses,
    { _id: 'r3' },
    { $set: { waitlist: [worker(132), worker(133)], waitlistLength: 2 } },
    opts,
  )
  cloud.store.update(COLLECTIONS.courses, { _id: 'r4' }, { $set: { status: 'cancelled' } }, opts)
  cloud.store.insert(COLLECTIONS.enrollments, [
    {
      _id: `r3_${worker(134)}`,
      courseId: 'r3',
      openid: worker(134),
      status: 'expired',
      createdAt: PINNED_NOW,
      updatedAt: PINNED_NOW,
    },
    {
      _id: `r3_${worker(132)}`,
      courseId: 'r3',
      openid: worker(132),
      status: 'waitlisted',
      createdAt: PINNED_NOW,
      updatedAt: PINNED_NOW,
    },
    {
      _id: `r3_${worker(133)}`,
      courseId: 'r3',
      openid: worker(133),
      status: 'waitlisted',
      createdAt: PINNED_NOW,
      updatedAt: PINNED_NOW,
    },
  ])
}

async function workbookOf(reply: { ok: boolean; data?: Workbook; error?: { code: string } }) {
  if (!reply.ok || !reply.data) throw new Error(reply.error?.code)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(reply.data.base64, 'base64') as unknown as ArrayBuffer)
  return { wb, data: reply.data }
}

/** A sheet's rows below the header, as plain values (empty cells as null). */
function rowsOf(wb: ExcelJS.Workbook, name: string): unknown[][] {
  const ws = wb.getWorksheet(name)
  if (!ws) throw new Error(`no sheet ${name}`)
  const width = ws.getRow(1).cellCount
  const out: unknown[][] = []
  ws.eachRow((row, n) => {
    if (n === 1) return
    out.push(Array.from({ length: width }, (_, i) => row.getCell(i + 1).value ?? null))
  })
  return out
}

type Doc = Record<string, unknown>
/** Every matching record, paging the store directly (its pages hold 100, like the cloud's). */
const find = (coll: string, where: Doc = {}) => {
  const out: Doc[] = []
  for (let offset = 0; ; offset += 100) {
    const page = cloud.store.find(coll, where, { offset, limit: 100, order: { _id: 1 } }) as Doc[]
    out.push(...page)
    if (page.length < 100) return out
  }
}
const ratio = (a: number, b: number) => (b > 0 ? a / b : null)

/** The course sheet computed straight from the records, independently of the function's aggregations. */
function expectedCourseRows(now: Date) {
  return find(COLLECTIONS.courses)
    .sort((a, b) => new Date(a.firstLessonAt as Date).getTime() - new Date(b.firstLessonAt as Date).getTime())
    .map((c) => {
      const lessons = find(COLLECTIONS.lessons, { courseId: c._id })
      const held = c.status === 'cancelled' ? [] : lessons.filter((l) => new Date(l.endsAt as Date) <= now)
      const reached = find(COLLECTIONS.enrollments, { courseId: c._id, status: 'enrolled' }).length
      const marks = find(COLLECTIONS.attendance, { courseId: c._id }).filter((a) =>
        held.some((l) => l._id === a.lessonId),
      )
      const certs = find(COLLECTIONS.certificates, { courseId: c._id, status: 'valid' }).length
      const ratings = find(COLLECTIONS.evaluations, { courseId: c._id }).map((e) => e.rating as number)
      const sum = ratings.reduce((s, r) => s + r, 0)
      return [
        c.title,
        c.category,
        c.instructor,
        c.status === 'cancelled' ? '已取消' : '已发布',
        inShanghai(c.firstLessonAt as Date).format('YYYY-MM-DD'),
        c.capacity,
        c.seatsTaken,
        reached,
        c.waitlistLength,
        find(COLLECTIONS.enrollments, { courseId: c._id, status: 'expired' }).length,
        lessons.length,
        held.length,
        held.length * reached,
        marks.length,
        marks.filter((m) => m.late).length,
        ratio(marks.length, held.length * reached),
        certs,
        ratio(certs, reached),
        ratings.length,
        ratings.length ? Math.round((sum / ratings.length) * 10) / 10 : null,
      ]
    })
}

it('writes the programme workbook whose every cell matches a count made straight from the records', async () => {
  pinClock()
  expect(find(COLLECTIONS.attendance).length).toBeGreaterThan(1000)
  const { wb, data } = await workbookOf(await callAs<Workbook>(cloud, STAFF, 'outcomes', 'programmeWorkbook'))
  expect(data.filename).toMatch(/^新质课堂-项目报表-\d{8}-\d{4}\.xlsx$/)
  const courses = rowsOf(wb, '课程')
  expect(courses).toEqual(expectedCourseRows(PINNED_NOW))

  const employers = new Map<string, number[]>()
  for (const u of find(COLLECTIONS.users).filter((u) => u.employer)) {
    const row = employers.get(u.employer as string) ?? [0, 0, 0, 0]
    row[0]++
    if (find(COLLECTIONS.enrollments, { openid: u._id, status: 'enrolled' }).length) row[1]++
    row[2] += find(COLLECTIONS.attendance, { openid: u._id }).length
    employers.set(u.employer as string, row)
  }
  for (const c of find(COLLECTIONS.certificates, { status: 'valid' })) employers.get(c.employer as string)![3]++
  const expected = [...employers.entries()].map(([name, [w, r, ci, ce]]) => [name, w, r, ratio(r, w), ci, ce])
  expect(rowsOf(wb, '单位').sort()).toEqual(expected.sort())

  const days = new Map<string, number[]>()
  for (const l of find(COLLECTIONS.lessons).filter(
    (l) => new Date(l.endsAt as Date) <= PINNED_NOW && l.courseId !== 'r4',
  )) {
    const day = inShanghai(l.startsAt as Date).format('YYYY-MM-DD')
    const row = days.get(day) ?? [0, 0, 0]
    row[0]++
    row[1] += find(COLLECTIONS.enrollments, { courseId: l.courseId, status: 'enrolled' }).length
    row[2] += find(COLLECTIONS.attendance, { lessonId: l._id }).length
    days.set(day, row)
  }
  expect(rowsOf(wb, '每日')).toEqual([...days.entries()].sort().map(([d, [n, e, c]]) => [d, n, e, c, ratio(c, e)]))
  expect(rowsOf(wb, '未满足需求')).toEqual([['无人机入门', '数字技能', 2, 2, 1]])
  // Each category's counts are the sums of its courses' (the rates and means are not summed).
  const counts = [5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 18]
  const sums = new Map<string, number[]>()
  for (const c of courses) {
    const row = sums.get(c[1] as string) ?? counts.map(() => 0)
    counts.forEach((col, k) => (row[k] += c[col] as number))
    sums.set(c[1] as string, row)
  }
  expect(rowsOf(wb, '分类').map((r) => [r[0], ...counts.map((col) => r[col - 4])])).toEqual(
    [...sums.entries()].map(([name, row]) => [name, ...row]),
  )
})

it('masks phones in a course workbook unless the caller is an admin, and records every export', async () => {
  pinClock()
  const before = find(COLLECTIONS.exports).length
  const staff = await workbookOf(await callAs<Workbook>(cloud, STAFF, 'outcomes', 'courseWorkbook', { courseId: 'r2' }))
  const admin = await workbookOf(await callAs<Workbook>(cloud, ADMIN, 'outcomes', 'courseWorkbook', { courseId: 'r2' }))
  const phone = String(find(COLLECTIONS.users, { _id: worker(121) })[0].phone)
  const rosterOf = (wb: ExcelJS.Workbook) => rowsOf(wb, '名单').find((r) => r[0] === '测试职工121')
  expect(staff.data.masked).toBe(true)
  expect(rosterOf(staff.wb)?.[1]).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`)
  expect(rosterOf(admin.wb)?.[1]).toBe(phone)
  expect(rosterOf(admin.wb)?.slice(4, 8)).toEqual(['已报名', 2, 0, '是'])
  expect(rowsOf(staff.wb, '考勤')).toEqual(
    expect.arrayContaining([
      ['测试职工122', '缺勤', '出勤'],
      ['测试职工001', '缺勤', '缺勤'],
    ]),
  )
  const logs = find(COLLECTIONS.exports, { kind: 'course' })
  expect(logs.map((l) => [l.by, l.kind, l.courseId, l.masked]).sort()).toEqual([
    [ADMIN, 'course', 'r2', false],
    [STAFF, 'course', 'r2', true],
  ])
  expect(await callAs(cloud, worker(1), 'outcomes', 'programmeWorkbook')).toMatchObject({
    ok: false,
    error: { code: 'AUTH.FORBIDDEN' },
  })
  expect(find(COLLECTIONS.exports).length).toBe(before + 2)
})

it('gives the staff page reach per employer, unmet demand and the programme rating', async () => {
  pinClock()
  const reply = await callAs<ProgrammeOutcomes>(cloud, STAFF, 'outcomes', 'programmeOutcomes')
  if (!reply.ok) throw new Error(reply.error.code)
  expect(reply.data.rating).toEqual({ count: 40, average: 3 })
  expect(reply.data.certificates).toBe(find(COLLECTIONS.certificates, { status: 'valid' }).length)
  expect(reply.data.unmet).toEqual([
    { courseId: 'r3', title: '无人机入门', category: '数字技能', capacity: 2, waitlisted: 2, expiredOffers: 1 },
  ])
  expect(reply.data.employers.reduce((s, e) => s + e.workers, 0)).toBe(150)
})

it('serves the page the figures computed within the last 35 minutes, and fresh ones on refresh', async () => {
  pinClock()
  const outcomes = async (as: string, data: Record<string, unknown> = {}) => {
    const reply = await callAs<ProgrammeOutcomes>(cloud, as, 'outcomes', 'programmeOutcomes', data)
    if (!reply.ok) throw new Error(reply.error.code)
    return reply.data
  }
  const first = await outcomes(STAFF, { refresh: true })
  expect(first.asOf).toBe(PINNED_NOW.toISOString())
  await callAs(cloud, worker(121), 'outcomes', 'evaluateCourse', { courseId: 'r2', rating: 5 })
  jest.setSystemTime(new Date(PINNED_NOW.getTime() + 34 * 60_000))
  expect(await outcomes(STAFF)).toEqual(first)
  const refreshed = await outcomes(STAFF, { refresh: true })
  expect(refreshed.rating.count).toBe(first.rating.count + 1)
  jest.setSystemTime(new Date(PINNED_NOW.getTime() + 70 * 60_000))
  await callAs(cloud, worker(122), 'outcomes', 'evaluateCourse', { courseId: 'r2', rating: 4 })
  expect((await outcomes(STAFF)).rating.count).toBe(first.rating.count + 2)
})
