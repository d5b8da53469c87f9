import { COLLECTIONS } from '../../server/collections'
import type { NoticeDoc } from '../../server/repos/notice-repo'
import type { SubscriptionsResult, TemplatesResult } from '@core/contracts/reminders'
import type { LocalCloud } from '../../local-cloud'
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { fieldProblem } from '../../local-cloud/openapi'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { fixtureWorker as w, seedStorm } from '../helpers/enroll-fixture'

const HOUR = 3600_000
const UPDATE_ONE = { multi: false, merge: true, upsert: false }
const COURSE = 's001'
const LESSON = 's001_l1'
const T = { lesson: 'local_tmpl_lesson_reminder', offer: 'local_tmpl_seat_offer', change: 'local_tmpl_course_change' }

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(async () => {
  cloud.store.clear()
  cloud.store.db.exec('DELETE FROM platform_outbox; DELETE FROM platform_subscribe_credits;')
  seedStorm(cloud.store, { courses: 2, capacity: 2, workers: 6, now: PINNED_NOW })
  pinClock()
  await enroll(w(1))
  await enroll(w(2))
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

const enroll = (openid: string, data: Record<string, unknown> = {}) =>
  callAs(cloud, openid, 'enrollment', 'enroll', { courseId: COURSE, ...data })
/** What a tap on 允许 does: WeChat records the permission, the app reports it to the function. */
async function allow(openid: string, ...templateIds: string[]) {
  for (const t of templateIds) cloud.openapi.grantSubscription(openid, t)
  return callAs<SubscriptionsResult>(cloud, openid, 'reminders', 'subscribe', {
    answers: Object.fromEntries(templateIds.map((t) => [t, 'accept'])),
  })
}
const trigger = () => listTriggers(cloud).find((t) => t.functionName === 'reminders')!
const sweep = () => fireTrigger(cloud, trigger()) as Promise<{ ok: boolean; data: Record<string, number | boolean> }>
const outbox = () => cloud.openapi.outbox()
const reminders = () => cloud.store.find(COLLECTIONS.notices, { kind: 'lesson_reminder' }) as unknown as NoticeDoc[]
/** The lesson starts 20 hours from now: inside the day-before window. */
const lessonTomorrow = () =>
  cloud.store.update(
    COLLECTIONS.lessons,
    { _id: LESSON },
    {
      $set: {
        startsAt: new Date(PINNED_NOW.getTime() + 20 * HOUR),
        endsAt: new Date(PINNED_NOW.getTime() + 22 * HOUR),
      },
    },
    { multi: false, merge: true, upsert: false },
  )

describe('subscription credits', () => {
  it('lists the configured templates and counts each accepted one as one message', async () => {
    const list = await callAs<TemplatesResult>(cloud, w(1), 'reminders', 'templates')
    expect(list).toEqual({
      ok: true,
      data: {
        templates: [
          { kind: 'lessonReminder', id: T.lesson },
          { kind: 'seatOffer', id: T.offer },
          { kind: 'courseChange', id: T.change },
        ],
      },
    })
    const reply = await callAs<SubscriptionsResult>(cloud, w(1), 'reminders', 'subscribe', {
      answers: { [T.lesson]: 'accept', [T.offer]: 'reject', [T.change]: 'accept', someone_elses: 'accept' },
    })
    expect(reply).toEqual({ ok: true, data: { credits: { lessonReminder: 1, seatOffer: 0, courseChange: 1 } } })
    await callAs(cloud, w(1), 'reminders', 'subscribe', { answers: { [T.lesson]: 'accept' } })
    expect(await callAs(cloud, w(1), 'reminders', 'mySubscriptions')).toEqual({
      ok: true,
      data: { credits: { lessonReminder: 2, seatOffer: 0, courseChange: 1 } },
    })
  })

  it.each([
    ['no answers', {}],
    ['answers that are not a map', { answers: ['accept'] }],
    ['an unknown answer', { answers: { [T.lesson]: 'yes' } }],
    ['six templates', { answers: Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`t${i}`, 'accept'])) }],
  ])('refuses %s and writes nothing', async (_label, data) => {
    expect(await callAs(cloud, w(1), 'reminders', 'subscribe', data)).toMatchObject({
      ok: false,
      error: { code: 'COMMON.BAD_REQUEST' },
    })
    expect(cloud.store.count(COLLECTIONS.subscriptions, {})).toBe(0)
  })
})

describe('the reminders timer', () => {
  it('sends each seated worker one reminder the day before, within the template rules, and never twice', async () => {
    await allow(w(1), T.lesson)
    await allow(w(2), T.lesson)
    lessonTomorrow()
    expect(trigger().cron).toBe('0 */5 * * * * *')
    expect(await sweep()).toMatchObject({ ok: true, data: { planned: 2, sent: 2, partial: false } })
    const sent = outbox()
    expect(sent.map((m) => m.touser).sort()).toEqual([w(1), w(2)])
    const data = sent[0].data as Record<string, { value: string }>
    expect(data.thing1.value).toBe('压力测试课程 1')
    expect(data.thing4.value).toBe('第1课，请提前到场扫码签到')
    expect(data.time2.value).toBe('2026年12月2日 05:00')
    for (const [key, { value }] of Object.entries(data)) expect(fieldProblem(key, value)).toBeNull()
    expect(sent[0].page).toBe('pages/me/index')
    // Overlapping and later runs find nothing more to send.
    await Promise.all([sweep(), sweep()])
    expect(outbox()).toHaveLength(2)
    expect(reminders().every((r) => r.state === 'sent')).toBe(true)
    expect(await callAs(cloud, w(1), 'reminders', 'mySubscriptions')).toMatchObject({
      data: { credits: { lessonReminder: 0 } },
    })
  })

  it('does not announce lessons more than a day away', async () => {
    await allow(w(1), T.lesson)
    expect(await sweep()).toMatchObject({ ok: true, data: { planned: 0, sent: 0 } })
  })

  it('records a worker who allowed nothing as refused, finally', async () => {
    lessonTomorrow()
    await sweep()
    expect(reminders().map((r) => [r.openid, r.state, r.lastError])).toEqual([
      [w(1), 'refused', 'no subscription credit'],
      [w(2), 'refused', 'no subscription credit'],
    ])
    await allow(w(1), T.lesson)
    await sweep()
    expect(outbox()).toHaveLength(0)
  })

  it('treats WeChat’s 43101 as final, without a retry', async () => {
    // Our record says one credit, WeChat's says none (the worker revoked it in settings).
    await callAs(cloud, w(1), 'reminders', 'subscribe', { answers: { [T.lesson]: 'accept' } })
    lessonTomorrow()
    await sweep()
    const mine = reminders().find((r) => r.openid === w(1))!
    expect(mine).toMatchObject({ state: 'refused', attempts: 1 })
    expect(mine.lastError).toMatch(/^43101/)
  })

  it('retries other errors with backoff, gives the credit back each time, and stops after three', async () => {
    for (let i = 0; i < 3; i++) await allow(w(1), T.lesson)
    lessonTomorrow()
    // An empty venue name breaks the template's field rules (47003), as a bad template would.
    cloud.store.update(
      COLLECTIONS.courses,
      { _id: COURSE },
      { $set: { 'venue.name': '' } },
      { multi: false, merge: true, upsert: false },
    )
    await sweep()
    const first = reminders().find((r) => r.openid === w(1))!
    expect(first).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: new Date(PINNED_NOW.getTime() + 60_000),
    })
    expect(first.lastError).toMatch(/^47003 .*thing3/)
    expect(await sweep()).toMatchObject({ data: { sent: 0, retrying: 0 } })
    jest.setSystemTime(new Date(PINNED_NOW.getTime() + 61_000))
    await sweep()
    expect(reminders().find((r) => r.openid === w(1))).toMatchObject({ state: 'pending', attempts: 2 })
    jest.setSystemTime(new Date(PINNED_NOW.getTime() + 7 * 60_000))
    await sweep()
    expect(reminders().find((r) => r.openid === w(1))).toMatchObject({ state: 'failed', attempts: 3 })
    expect(await callAs(cloud, w(1), 'reminders', 'mySubscriptions')).toMatchObject({
      data: { credits: { lessonReminder: 3 } },
    })
  })

  it('skips a worker who gave the seat back after the reminder was planned', async () => {
    await allow(w(1), T.lesson)
    lessonTomorrow()
    // Planned by an earlier run (the lesson is marked), then the worker cancelled.
    cloud.store.update(
      COLLECTIONS.lessons,
      { _id: LESSON },
      { $set: { remindersPlannedAt: PINNED_NOW } },
      { multi: false, merge: true, upsert: false },
    )
    const startsAt = String(PINNED_NOW.getTime() + 20 * HOUR)
    cloud.store.insert(COLLECTIONS.notices, [
      {
        _id: `lesson_reminder_${LESSON}_${w(1)}_${startsAt}`,
        kind: 'lesson_reminder',
        openid: w(1),
        courseId: COURSE,
        lessonId: LESSON,
        data: { startsAt },
        state: 'pending',
        attempts: 0,
        nextAttemptAt: PINNED_NOW,
        lastError: null,
        sentAt: null,
        createdAt: PINNED_NOW,
        updatedAt: PINNED_NOW,
      },
    ])
    cloud.store.update(
      COLLECTIONS.enrollments,
      { _id: `${COURSE}_${w(1)}` },
      { $set: { status: 'cancelled' } },
      { multi: false, merge: true, upsert: false },
    )
    expect(await sweep()).toMatchObject({ data: { skipped: 1, sent: 0 } })
    expect(reminders()).toMatchObject([{ state: 'skipped', lastError: 'no longer enrolled' }])
    expect(outbox()).toHaveLength(0)
    expect(await callAs(cloud, w(1), 'reminders', 'mySubscriptions')).toMatchObject({
      data: { credits: { lessonReminder: 1 } },
    })
  })

  it('delivers the notices of the enrollment rules: a held seat, with its deadline', async () => {
    await enroll(w(3), { joinWaitlist: true })
    await allow(w(3), T.offer)
    jest.setSystemTime(new Date(PINNED_NOW.getTime() + HOUR))
    await callAs(cloud, w(1), 'enrollment', 'cancel', { courseId: COURSE })
    // The enrollment timer hands what records owe to the outbox; then the reminders timer sends it.
    await fireTrigger(
      cloud,
      listTriggers(cloud).find((t) => t.functionName === 'enrollment')!,
    )
    expect(await sweep()).toMatchObject({ data: { sent: 1 } })
    const [message] = outbox()
    expect(message).toMatchObject({ touser: w(3), templateId: T.offer, page: 'pages/me/index' })
    expect((message.data as Record<string, { value: string }>).time2.value).toBe('2026年12月1日 22:00')
    expect(cloud.store.find(COLLECTIONS.notices, {})).toMatchObject([{ kind: 'offer', state: 'sent', attempts: 1 }])
  })

  it('builds a reminder from the lesson as it is when sent, not as it was when planned', async () => {
    await allow(w(1), T.lesson)
    lessonTomorrow()
    // Planned by a run whose sending was cut short: the credit is missing, so nothing goes out yet.
    const credits = () => cloud.store.find(COLLECTIONS.subscriptions, { openid: w(1) })
    cloud.store.update(COLLECTIONS.subscriptions, { openid: w(1) }, { $set: { credits: 0 } }, UPDATE_ONE)
    await sweep()
    expect(credits()).toMatchObject([{ credits: 0 }])
    cloud.store.update(COLLECTIONS.notices, { openid: w(1) }, { $set: { state: 'pending' } }, UPDATE_ONE)
    cloud.store.update(COLLECTIONS.subscriptions, { openid: w(1) }, { $set: { credits: 1 } }, UPDATE_ONE)
    // Staff move the lesson to another room before it is sent.
    cloud.store.update(
      COLLECTIONS.lessons,
      { _id: LESSON },
      { $set: { venue: { name: '职工服务中心 302', address: '杭州' } } },
      UPDATE_ONE,
    )
    expect(await sweep()).toMatchObject({ data: { sent: 1 } })
    expect((outbox()[0].data as Record<string, { value: string }>).thing3.value).toBe('职工服务中心 302')
  })

  it('drops a planned reminder when the lesson moves, and plans one for its new time', async () => {
    await allow(w(1), T.lesson)
    await allow(w(1), T.lesson)
    lessonTomorrow()
    await sweep()
    expect(outbox()).toHaveLength(1)
    // The lesson moves two hours later: staff edits clear the planning marker, as upsertCourse does.
    cloud.store.update(
      COLLECTIONS.lessons,
      { _id: LESSON },
      {
        $set: {
          startsAt: new Date(PINNED_NOW.getTime() + 22 * HOUR),
          endsAt: new Date(PINNED_NOW.getTime() + 24 * HOUR),
        },
        $unset: { remindersPlannedAt: '' },
      },
      UPDATE_ONE,
    )
    expect(await sweep()).toMatchObject({ data: { planned: 2, sent: 1 } })
    expect((outbox()[1].data as Record<string, { value: string }>).time2.value).toBe('2026年12月2日 07:00')
    expect(
      reminders()
        .map((r) => r.state)
        .sort(),
    ).toEqual(['refused', 'refused', 'sent', 'sent'])
  })

  it('words a course notice from the course as it is when sent: its title and the reason it was cancelled', async () => {
    await allow(w(1), T.change)
    cloud.store.update(
      COLLECTIONS.courses,
      { _id: COURSE },
      { $set: { status: 'cancelled', cancelReason: '讲师临时出差，课程取消', title: '数控车床编程（冬季班）' } },
      UPDATE_ONE,
    )
    cloud.store.insert(COLLECTIONS.notices, [
      {
        _id: `course_cancelled_${COURSE}_${w(1)}_once`,
        kind: 'course_cancelled',
        openid: w(1),
        courseId: COURSE,
        lessonId: null,
        data: {},
        state: 'pending',
        attempts: 0,
        nextAttemptAt: PINNED_NOW,
        lastError: null,
        sentAt: null,
        createdAt: PINNED_NOW,
        updatedAt: PINNED_NOW,
      },
    ])
    expect(await sweep()).toMatchObject({ data: { sent: 1 } })
    const data = outbox()[0].data as Record<string, { value: string }>
    expect([data.thing1.value, data.thing2.value, data.thing3.value]).toEqual([
      '数控车床编程（冬季班）',
      '课程已取消',
      '讲师临时出差，课程取消',
    ])
  })
})
