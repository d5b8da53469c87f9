/**
 * The staff screens' figures (issue #9, "Staff"): 今日课程, a cancelled course's roster kept for phoning,
 * 已排课 apart from 已开课, and an import file with Chinese headers that previews what it creates and
 * names the wrong cell.
 */
import { COLLECTIONS } from '../../server/collections'
import { IMPORT_COLUMN_LABELS, IMPORT_COLUMNS, type ImportResult, type ProgrammeStats } from '@core/contracts/admin'
import type { RosterResult, TodayLessonsResult } from '@core/contracts/admin'
import type { CheckinCode } from '@core/contracts/checkin'
import type { LocalCloud } from '../../local-cloud'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { fixtureWorker as w, moveOnlyLesson, seedStorm } from '../helpers/enroll-fixture'
import { checkInvariants } from '../helpers/invariants'

const MIN = 60_000
const HOUR = 60 * MIN
const STAFF = 'o_staff_ux'

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(() => {
  cloud.store.clear()
  cloud.store.insert(COLLECTIONS.users, [{ _id: STAFF, role: 'staff', name: '王干事', consent: {} }])
  pinClock()
})
afterEach(() => {
  expect(checkInvariants(cloud.store)).toMatchObject({ oversold: [], ledgerMismatch: [], lostSeats: [], problems: [] })
  jest.useRealTimers()
})
afterAll(() => cloud.close())

const staff = <T>(action: string, data: Record<string, unknown> = {}) => callAs<T>(cloud, STAFF, 'admin', action, data)
const setCourse = (id: string, fields: Record<string, unknown>) =>
  cloud.store.update(COLLECTIONS.courses, { _id: id }, { $set: fields }, { multi: false, merge: true, upsert: false })

describe('admin.todayLessons', () => {
  it("lists today's lessons (Shanghai day) with confirmed seats and check-ins, in two database requests", async () => {
    seedStorm(cloud.store, { courses: 4, capacity: 5, workers: 6, now: PINNED_NOW })
    // PINNED_NOW is 09:00 in Shanghai. s001 at 18:30 today, s002 at 10:00 today, s003 tomorrow 00:30, s004 cancelled today.
    moveOnlyLesson(cloud.store, 's001', new Date(PINNED_NOW.getTime() + 9.5 * HOUR))
    moveOnlyLesson(cloud.store, 's002', new Date(PINNED_NOW.getTime() + 1 * HOUR))
    moveOnlyLesson(cloud.store, 's003', new Date(PINNED_NOW.getTime() + 15.5 * HOUR))
    moveOnlyLesson(cloud.store, 's004', new Date(PINNED_NOW.getTime() + 2 * HOUR))
    setCourse('s001', { title: '无人机操控入门', venue: { name: '市职工服务中心', address: '建设路 88 号' } })
    setCourse('s002', { capacity: 2, seatsLeft: 2 })
    const enroll = (k: number, courseId: string) =>
      callAs(cloud, w(k), 'enrollment', 'enroll', { courseId, joinWaitlist: true })
    for (const k of [1, 2, 3]) expect(await enroll(k, 's001')).toMatchObject({ ok: true })
    for (const k of [4, 5, 6]) expect(await enroll(k, 's002')).toMatchObject({ ok: true })
    // w6 is offered the seat a larger room makes: taken, but not confirmed, so not counted as enrolled.
    expect(await staff('setCapacity', { courseId: 's002', capacity: 3 })).toMatchObject({ data: { offered: 1 } })
    await staff('cancelCourse', { courseId: 's004', reason: '讲师临时出差' })

    // w4 checks in to s002's lesson at 09:55.
    jest.setSystemTime(new Date(PINNED_NOW.getTime() + 55 * MIN))
    const code = await callAs<CheckinCode>(cloud, STAFF, 'checkin', 'issueCheckinCode', { lessonId: 's002_l1' })
    if (!code.ok) throw new Error(code.error.code)
    cloud.store.update(
      COLLECTIONS.lessons,
      { _id: 's002_l1' },
      { $set: { presence: 'none' } },
      { multi: false, merge: true, upsert: false },
    )
    const checked = await callAs(cloud, w(4), 'checkin', 'checkIn', { code: code.data.token })
    expect(checked).toMatchObject({ ok: true })

    const { reply, stats } = await cloud.callWithStats(
      'admin',
      { action: 'todayLessons' },
      { OPENID: STAFF, SOURCE: 'wx_client' },
    )
    const today = reply as { ok: true; data: TodayLessonsResult }
    expect(today.ok).toBe(true)
    expect(today.data.day).toBe('2026-12-01')
    expect(today.data.lessons).toEqual([
      expect.objectContaining({
        lessonId: 's002_l1',
        courseId: 's002',
        index: 1,
        lessonCount: 1,
        capacity: 3,
        enrolled: 2,
        checkedIn: 1,
      }),
      expect.objectContaining({
        lessonId: 's001_l1',
        courseTitle: '无人机操控入门',
        venueName: '市职工服务中心',
        startsAt: '2026-12-01T10:30:00.000Z',
        enrolled: 3,
        checkedIn: 0,
      }),
    ])
    // The caller's role, the lessons joined with their courses, the check-ins: nothing per lesson.
    expect(stats.requests).toBeLessThanOrEqual(3)
  })

  it('refuses a worker', async () => {
    seedStorm(cloud.store, { courses: 1, capacity: 2, workers: 1, now: PINNED_NOW })
    expect(await callAs(cloud, w(1), 'admin', 'todayLessons')).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
  })
})

describe('a cancelled course keeps its roster', () => {
  it('lists every worker it held, with what they held and 已取消, so staff can phone them', async () => {
    seedStorm(cloud.store, { courses: 1, capacity: 2, workers: 5, now: PINNED_NOW })
    const enroll = (k: number) => callAs(cloud, w(k), 'enrollment', 'enroll', { courseId: 's001', joinWaitlist: true })
    for (const k of [1, 2, 3, 4, 5]) await enroll(k)
    // w5 leaves the waitlist before the union cancels: not someone to phone.
    await callAs(cloud, w(5), 'enrollment', 'cancelEnrollment', { courseId: 's001' })

    const before = await staff<RosterResult>('roster', { courseId: 's001' })
    if (!before.ok) throw new Error(before.error.code)
    expect(before.data.entries.map((e) => e.status)).toEqual(['enrolled', 'enrolled', 'waitlisted', 'waitlisted'])

    const cancelled = await staff<{ notified: number }>('cancelCourse', { courseId: 's001', reason: '场地维修' })
    expect(cancelled).toMatchObject({ ok: true, data: { notified: 4 } })

    const after = await staff<RosterResult>('roster', { courseId: 's001' })
    if (!after.ok) throw new Error(after.error.code)
    expect(after.data).toMatchObject({ cancelled: true, seatsTaken: 0, waitlistLength: 0, nextCursor: null })
    expect(after.data.entries.map((e) => [e.name, e.status, e.formerStatus])).toEqual([
      ['职工1', 'cancelled', 'enrolled'],
      ['职工2', 'cancelled', 'enrolled'],
      ['职工3', 'cancelled', 'waitlisted'],
      ['职工4', 'cancelled', 'waitlisted'],
    ])
    expect(after.data.entries.every((e) => e.phone === '13800000000')).toBe(true)

    // A second cancel call (a retry) changes nothing about who was held.
    await staff('cancelCourse', { courseId: 's001', reason: '场地维修' })
    const again = await staff<RosterResult>('roster', { courseId: 's001' })
    expect(again.ok && again.data.entries.map((e) => e.formerStatus)).toEqual([
      'enrolled',
      'enrolled',
      'waitlisted',
      'waitlisted',
    ])
  })
})

describe('programme figures', () => {
  it('counts a course as 已开课 only once its first lesson has begun; scheduled ones are 已排课', async () => {
    seedStorm(cloud.store, { courses: 3, capacity: 2, workers: 1, now: PINNED_NOW })
    moveOnlyLesson(cloud.store, 's001', new Date(PINNED_NOW.getTime() - 2 * HOUR))
    moveOnlyLesson(cloud.store, 's002', new Date(PINNED_NOW.getTime() + HOUR))
    const first = await staff<ProgrammeStats>('programmeStats')
    expect(first).toMatchObject({ ok: true, data: { courses: { published: 3, started: 1 } } })

    jest.setSystemTime(new Date(PINNED_NOW.getTime() + HOUR + MIN))
    const later = await staff<ProgrammeStats>('programmeStats')
    expect(later).toMatchObject({ ok: true, data: { courses: { published: 3, started: 2 } } })
  })
})

describe('import with Chinese headers', () => {
  const labels = IMPORT_COLUMNS.map((c) => IMPORT_COLUMN_LABELS[c])
  const values = (over: Partial<Record<(typeof IMPORT_COLUMNS)[number], string>> = {}) =>
    IMPORT_COLUMNS.map(
      (c) =>
        ({
          course_key: 'ZH1',
          title: '工业机器人编程',
          category: '工业机器人',
          instructor: '周师傅',
          summary: '示教器基础',
          venue_name: '技师学院实训楼',
          venue_address: '杭州市下城区 1 号',
          capacity: '24',
          enroll_opens: '2026-12-01 09:00',
          enroll_closes: '2026-12-14 17:00',
          lesson_date: '2026-12-15',
          lesson_start: '19:00',
          lesson_end: '21:00',
          ...over,
        })[c],
    ).join(',')
  const importCsv = (csv: string, dryRun: boolean) => staff<ImportResult>('importProgramme', { csv, dryRun })

  it('reads 课程名称, 分类, 讲师, … 级别, 适合行业 and previews what it would create, writing nothing', async () => {
    const csv = [
      [...labels, '级别', '适合行业'].join(','),
      `${values()},实操,制造业、交通物流`,
      `${values({ lesson_date: '2026-12-16' })},,`,
      `${values({ course_key: 'ZH2', title: '数据看板', category: '数据分析', capacity: '30' })},入门,`,
    ].join('\n')
    const dry = await importCsv(csv, true)
    if (!dry.ok) throw new Error(dry.error.code)
    expect(dry.data.errors).toEqual([])
    expect(dry.data.preview).toEqual([
      {
        title: '工业机器人编程',
        category: '工业机器人',
        instructor: '周师傅',
        capacity: 24,
        lessonCount: 2,
        firstLessonAt: '2026-12-15T11:00:00.000Z',
        venueName: '技师学院实训楼',
        alreadyImported: false,
      },
      expect.objectContaining({ title: '数据看板', lessonCount: 1, capacity: 30 }),
    ])
    expect(cloud.store.count(COLLECTIONS.courses, {})).toBe(0)

    const real = await importCsv(csv, false)
    expect(real).toMatchObject({ ok: true, data: { imported: 2, errors: [] } })
    const course = cloud.store.find(COLLECTIONS.courses, { title: '工业机器人编程' })[0] as Record<string, unknown>
    expect(course).toMatchObject({ level: '实操', industries: ['制造业', '交通物流'], lessonCount: 2 })
  })

  it('names only the wrong cell: its line and its column as the file calls it', async () => {
    const csv = [labels.join(','), values(), values({ course_key: 'ZH2', lesson_start: '7点' })].join('\n')
    const reply = await importCsv(csv, true)
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data.errors).toEqual([{ line: 3, field: 'lesson_start', message: expect.stringMatching(/HH:mm/) }])
    expect(reply.data.preview ?? []).toEqual([])
  })

  it('says which Chinese column is missing, by its Chinese name', async () => {
    const header = labels.filter((l) => l !== '结束时间').join(',')
    const row = values().split(',').slice(0, -1).join(',')
    const reply = await importCsv([header, row].join('\n'), true)
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data.errors).toEqual([
      { line: 1, field: 'lesson_end', message: expect.stringContaining('「结束时间」') },
    ])
  })
})
