/**
 * Course edits and the lessons workers count on (issue 6, case 8): an edit writes only what changed and
 * keeps each lesson's markers; a held or checked-into lesson stays where it is; a new time or place is
 * announced to the seated and waiting workers; dates lie between now and a year ahead, a lesson at most
 * 12 h — from the staff form and the CSV import alike.
 */
import { COLLECTIONS } from '../../server/collections'
import type { Db } from '../../server/cloud'
import { createRepos } from '../../server/repos'
import { upsertCourse } from '../../server/admin'
import type { LessonDoc } from '../../server/repos/lesson-repo'
import type { NoticeDoc } from '../../server/repos/notice-repo'
import type { AdminResults, CourseInput, ImportResult } from '@core/contracts/admin'
import type { LocalCloud } from '../../local-cloud'
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { fieldProblem } from '../../local-cloud/openapi'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { fixtureWorker as w, seedStorm } from '../helpers/enroll-fixture'

const STAFF = 'o_staff_test'
const HOUR = 3600_000
const UPDATE_ONE = { multi: false, merge: true, upsert: false }
const at = (hours: number) => new Date(PINNED_NOW.getTime() + hours * HOUR).toISOString()

let cloud: LocalCloud
let id: string
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(async () => {
  cloud.store.clear()
  cloud.store.db.exec('DELETE FROM platform_outbox; DELETE FROM platform_subscribe_credits;')
  seedStorm(cloud.store, { courses: 1, capacity: 3, workers: 6, now: PINNED_NOW })
  cloud.store.insert(COLLECTIONS.users, [{ _id: STAFF, role: 'staff', name: '王芳', consent: {} }])
  pinClock()
  const created = await upsert(input())
  if (!created.ok) throw new Error(created.error.code)
  id = created.data.courseId
  // Two seated (w1, w2), one waiting (w3), the rest free.
  await setCapacity(2)
  for (const n of [1, 2, 3]) {
    await callAs(cloud, w(n), 'enrollment', 'enroll', { courseId: id, joinWaitlist: true })
  }
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

function input(overrides: Partial<CourseInput> = {}): CourseInput {
  return {
    title: '数控车床编程入门',
    category: '工业机器人',
    summary: '从图纸到程序，完成第一个零件。',
    instructor: '陈师傅',
    venue: { name: '职工技能实训基地', address: '杭州市萧山区市心中路 818 号' },
    capacity: 3,
    enrollOpensAt: at(-1),
    enrollClosesAt: at(24 * 3),
    lessons: [
      { startsAt: at(24 * 5), endsAt: at(24 * 5 + 2) },
      { startsAt: at(24 * 6), endsAt: at(24 * 6 + 2) },
    ],
    ...overrides,
  }
}
const upsert = (course: CourseInput) =>
  callAs<AdminResults['upsertCourse']>(cloud, STAFF, 'admin', 'upsertCourse', { course })
const setCapacity = (capacity: number) => callAs(cloud, STAFF, 'admin', 'setCapacity', { courseId: id, capacity })
const lessons = () =>
  cloud.store.find(COLLECTIONS.lessons, { courseId: id }, { order: { index: 1 } }) as unknown as LessonDoc[]
const notices = () => cloud.store.find(COLLECTIONS.notices, { kind: 'course_change' }) as unknown as NoticeDoc[]
const snapshot = () => cloud.store.db.prepare('SELECT coll, id, data FROM docs ORDER BY coll, id').all()
const mark = (lessonId: string, fields: Record<string, unknown>) =>
  cloud.store.update(COLLECTIONS.lessons, { _id: lessonId }, { $set: fields }, UPDATE_ONE)
const edited = (overrides: Partial<CourseInput>) => input({ id, capacity: 2, ...overrides })

describe('editing a course', () => {
  it('keeps every lesson and its markers when only the summary changes, and tells nobody', async () => {
    mark(`${id}_l1`, { remindersPlannedAt: PINNED_NOW })
    mark(`${id}_l2`, { noShowsRecordedAt: PINNED_NOW })
    const before = lessons()
    expect(await upsert(edited({ summary: '从图纸到程序，完成第一个零件（含安全规范）。' }))).toMatchObject({
      ok: true,
    })
    expect(lessons()).toEqual(before)
    expect(notices()).toEqual([])
  })

  it('moves a lesson: only that lesson is rewritten, announced again, and every seated or waiting worker is told', async () => {
    mark(`${id}_l1`, { remindersPlannedAt: PINNED_NOW })
    mark(`${id}_l2`, { remindersPlannedAt: PINNED_NOW })
    const moved = edited({
      lessons: [
        { startsAt: at(24 * 5), endsAt: at(24 * 5 + 2) },
        { startsAt: at(24 * 7), endsAt: at(24 * 7 + 2) },
      ],
    })
    expect(await upsert(moved)).toMatchObject({ ok: true })
    const [first, second] = lessons()
    expect(first.remindersPlannedAt).toEqual(PINNED_NOW)
    expect(second.remindersPlannedAt).toBeUndefined()
    expect(second.changeDue).toBeNull()
    expect(second.startsAt).toEqual(new Date(at(24 * 7)))
    expect(
      notices()
        .map((n) => n.openid)
        .sort(),
    ).toEqual([w(1), w(2), w(3)])
    expect(notices()[0]).toMatchObject({ courseId: id, state: 'pending', data: { change: '第2课改期' } })
    expect(notices()[0].data.note).toMatch(/^12月8日 周二 09:00 职工技能实训基地$/)
    // The same edit again (a retry after a timeout) changes and tells nothing more.
    expect(await upsert(moved)).toMatchObject({ ok: true })
    expect(notices()).toHaveLength(3)
  })

  it('tells workers of a new place, and the message fits the template when the timer sends it', async () => {
    const room = { name: '滨江职工服务中心 302 室', address: '杭州市滨江区江南大道 3850 号' }
    const moved = edited({
      lessons: [
        { startsAt: at(24 * 5), endsAt: at(24 * 5 + 2) },
        { startsAt: at(24 * 6), endsAt: at(24 * 6 + 2), venue: room },
      ],
    })
    expect(await upsert(moved)).toMatchObject({ ok: true })
    expect(notices().map((n) => n.data.change)).toEqual(['第2课换地点', '第2课换地点', '第2课换地点'])
    cloud.openapi.grantSubscription(w(1), 'local_tmpl_course_change')
    await callAs(cloud, w(1), 'reminders', 'subscribe', { answers: { local_tmpl_course_change: 'accept' } })
    await fireTrigger(
      cloud,
      listTriggers(cloud).find((t) => t.functionName === 'reminders')!,
    )
    const [sent] = cloud.openapi.outbox()
    expect(sent).toMatchObject({
      touser: w(1),
      templateId: 'local_tmpl_course_change',
      page: `pages/course/index?id=${id}`,
    })
    const data = sent.data as Record<string, { value: string }>
    expect(data.thing2.value).toBe('第2课换地点')
    for (const [key, { value }] of Object.entries(data)) expect(fieldProblem(key, value)).toBeNull()
  })

  it('refuses to move a lesson somebody checked into, and writes nothing', async () => {
    cloud.store.insert(COLLECTIONS.attendance, [
      { _id: `${id}_l1_${w(1)}`, lessonId: `${id}_l1`, courseId: id, openid: w(1), at: PINNED_NOW, late: false },
    ])
    const before = snapshot()
    // An earlier lesson would push the checked-into lesson to index 2.
    const reply = await upsert(
      edited({
        enrollClosesAt: at(24 * 2),
        lessons: [
          { startsAt: at(24 * 3), endsAt: at(24 * 3 + 2) },
          { startsAt: at(24 * 5), endsAt: at(24 * 5 + 2) },
          { startsAt: at(24 * 6), endsAt: at(24 * 6 + 2) },
        ],
      }),
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'ADMIN.LESSON_LOCKED', field: 'course.lessons' } })
    expect(!reply.ok && reply.error.message).toMatch(/第1节课已开始或已有人签到/)
    expect(snapshot()).toEqual(before)
  })

  it('keeps held lessons in the past as they are, but will not move a lesson into the past', async () => {
    // The first lesson was held yesterday.
    cloud.store.update(
      COLLECTIONS.lessons,
      { _id: `${id}_l1` },
      { $set: { startsAt: new Date(at(-24)), endsAt: new Date(at(-22)) } },
      UPDATE_ONE,
    )
    const held = { startsAt: at(-24), endsAt: at(-22) }
    const later = { startsAt: at(24 * 6), endsAt: at(24 * 6 + 2) }
    expect(
      await upsert(
        edited({
          enrollClosesAt: at(-25),
          enrollOpensAt: at(-48),
          title: '数控车床编程（一）',
          lessons: [held, later],
        }),
      ),
    ).toMatchObject({ ok: true })
    const before = snapshot()
    const reply = await upsert(
      edited({
        enrollClosesAt: at(-25),
        enrollOpensAt: at(-48),
        lessons: [held, { startsAt: at(-5), endsAt: at(-3) }],
      }),
    )
    expect(reply).toMatchObject({ ok: false, error: { code: 'ADMIN.BAD_COURSE', field: 'course.lessons.1.startsAt' } })
    expect(!reply.ok && reply.error.message).toMatch(/不能把课安排在过去/)
    expect(snapshot()).toEqual(before)
  })
})

describe('an edit cut short after moving a lesson', () => {
  it('is announced by the reminders timer from the lesson’s mark, once', async () => {
    const sdk = cloud.sdk()
    sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
    const repos = createRepos(sdk.database() as Db)
    // The instance stops at its first notice: the lesson is moved, nobody is told yet.
    const dying = {
      ...repos,
      notices: { ...repos.notices, enqueue: () => Promise.reject(new Error('instance stopped')) },
    }
    const moved = edited({
      lessons: [
        { startsAt: at(24 * 5), endsAt: at(24 * 5 + 2) },
        { startsAt: at(24 * 7), endsAt: at(24 * 7 + 2) },
      ],
    })
    await expect(upsertCourse(dying, moved, PINNED_NOW)).rejects.toThrow('instance stopped')
    expect(lessons()[1]).toMatchObject({ startsAt: new Date(at(24 * 7)), changeDue: { what: 'time' } })
    expect(notices()).toEqual([])

    const timer = listTriggers(cloud).find((t) => t.functionName === 'reminders')!
    await fireTrigger(cloud, timer)
    expect(
      notices()
        .map((n) => [n.openid, n.data.change])
        .sort(),
    ).toEqual([
      [w(1), '第2课改期'],
      [w(2), '第2课改期'],
      [w(3), '第2课改期'],
    ])
    expect(lessons()[1].changeDue).toBeNull()
    // Staff retry the same edit: it changes nothing and tells nobody twice.
    expect(await upsert(moved)).toMatchObject({ ok: true })
    await fireTrigger(cloud, timer)
    expect(notices()).toHaveLength(3)
  })
})

describe('lesson dates, from the form and from the import', () => {
  const day = (iso: string) => new Date(iso).toISOString()
  it.each([
    [
      'a lesson in 2001',
      { startsAt: day('2001-03-01T11:00:00Z'), endsAt: day('2001-03-01T13:00:00Z') },
      'startsAt',
      /过去/,
    ],
    [
      'a lesson in 9999',
      { startsAt: day('9999-03-01T11:00:00Z'), endsAt: day('9999-03-01T13:00:00Z') },
      'startsAt',
      /一年之内/,
    ],
    ['a lesson 30 days long', { startsAt: at(24 * 5), endsAt: at(24 * 35) }, 'endsAt', /最长 12 小时/],
    ['a lesson 13 hours long', { startsAt: at(24 * 5), endsAt: at(24 * 5 + 13) }, 'endsAt', /最长 12 小时/],
    ['a lesson ending before it starts', { startsAt: at(24 * 5), endsAt: at(24 * 5 - 1) }, 'endsAt', /晚于上课时间/],
  ])('the form refuses %s with a clear message and writes nothing', async (_label, lesson, field, message) => {
    const before = snapshot()
    const reply = await upsert(input({ enrollClosesAt: at(1), lessons: [lesson] }))
    expect(reply).toMatchObject({ ok: false, error: { code: 'ADMIN.BAD_COURSE', field: `course.lessons.0.${field}` } })
    expect(!reply.ok && reply.error.message).toMatch(message)
    expect(snapshot()).toEqual(before)
  })

  it('the import reports each bad date by line and imports nothing', async () => {
    const head =
      'course_key,title,category,instructor,summary,venue_name,venue_address,capacity,enroll_opens,enroll_closes,lesson_date,lesson_start,lesson_end'
    const course = '工业机器人,陈师傅,简介,实训基地,杭州市萧山区,30,2026-11-30 09:00,2026-12-01 12:00'
    const csv = [
      head,
      `A,数控车床一,${course},2026-12-05,19:00,21:00`,
      `B,数控车床二,${course},2001-03-01,19:00,21:00`,
      `C,数控车床三,${course},2099-03-01,19:00,21:00`,
      `D,数控车床四,${course},2026-12-05,08:00,21:00`,
    ].join('\n')
    const before = snapshot()
    const reply = await callAs<ImportResult>(cloud, STAFF, 'admin', 'importProgramme', { csv })
    if (!reply.ok) throw new Error(reply.error.code)
    expect(reply.data.imported).toBe(0)
    expect(reply.data.errors.map((e) => [e.line, e.field])).toEqual([
      [3, 'lesson_start'],
      [3, 'enroll_closes'],
      [4, 'lesson_start'],
      [5, 'lesson_end'],
    ])
    expect(reply.data.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/过去/),
      expect.any(String),
      expect.stringMatching(/一年之内/),
      expect.stringMatching(/12 小时/),
    ])
    expect(snapshot()).toEqual(before)
  })
})
