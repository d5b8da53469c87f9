/**
 * Course wishes (职工点课) through the `outcomes` function on the local cloud: one vote per worker per
 * wish at its edges (a repeat, two taps at once, a vote after a merge, a call dying between the vote and
 * its count), who sees what, staff-only moderation, and the voters' notice when the course opens.
 */
import { COLLECTIONS } from '../../server/collections'
import type { LocalCloud } from '../../local-cloud'
import type { CourseInput } from '@core/contracts/admin'
import type { StaffWishesPage, VoteResult, WishesPage, WishView } from '@core/contracts/wishes'
import { newUserDoc } from '../../server/repos/user-repo'
import { CONSENT_VERSION } from '@core/contracts/user'
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'

const STAFF = 'o_wish_staff'
const [A, B, C, D] = ['o_wish_a', 'o_wish_b', 'o_wish_c', 'o_wish_d']
const NOBODY = 'o_wish_no_profile'
const HOUR = 3600_000
const at = (hours: number) => new Date(PINNED_NOW.getTime() + hours * HOUR)

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

function seed() {
  cloud.store.clear()
  cloud.store.db.exec('DELETE FROM platform_outbox; DELETE FROM platform_subscribe_credits;')
  const profile = (i: number) => ({
    name: `职工${i}`,
    phone: `1380000000${i}`,
    employer: '市机械厂',
    memberNo: null,
    consent: { version: CONSENT_VERSION, at: PINNED_NOW },
  })
  const industries = ['制造业', '制造业', '交通物流', undefined]
  cloud.store.insert(
    COLLECTIONS.users,
    [A, B, C, D].map((openid, i) => ({
      ...newUserDoc(openid, profile(i), PINNED_NOW),
      ...(industries[i] ? { industry: industries[i] } : {}),
    })),
  )
  cloud.store.insert(COLLECTIONS.users, [newUserDoc(STAFF, profile(9), PINNED_NOW, 'staff')])
}

const call = <T>(openid: string, action: string, data: Record<string, unknown> = {}) =>
  callAs<T>(cloud, openid, 'outcomes', action, data)
const propose = (openid: string, title: string, extra: Record<string, unknown> = {}) =>
  call<{ wish: WishView }>(openid, 'proposeWish', { title, category: '人工智能', ...extra })
const vote = (openid: string, wishId: string) => call<VoteResult>(openid, 'voteWish', { wishId })
const moderate = (wishId: string, decision: string, extra: Record<string, unknown> = {}) =>
  call(STAFF, 'moderateWish', { wishId, decision, ...extra })
const wishDoc = (id: string) => cloud.store.find(COLLECTIONS.wishes, { _id: id })[0] as Record<string, unknown>
const timer = () =>
  cloud.call<{ ok: boolean; data: { wishes: { merges: number; repaired: number; notified: number } } }>(
    'outcomes',
    { Type: 'Timer' },
    { SOURCE: 'wx_trigger' },
  )

/** A published wish proposed by `by`. */
async function published(title: string, by = A): Promise<string> {
  const made = await propose(by, title)
  if (!made.ok) throw new Error(made.error.code)
  expect(await moderate(made.data.wish.id, 'publish')).toMatchObject({ ok: true })
  return made.data.wish.id
}

describe('one vote per worker per wish', () => {
  it('counts a vote once: a repeat is refused, and so is the second of two taps at once', async () => {
    seed()
    pinClock()
    const id = await published('用 AI 写工作总结')
    expect(await vote(B, id)).toMatchObject({ ok: true, data: { wish: { votes: 1, votedByMe: true } } })
    expect(await vote(B, id)).toMatchObject({ ok: false, error: { code: 'WISH.ALREADY_VOTED' } })

    const both = await Promise.all([vote(C, id), vote(C, id)])
    expect(both.filter((r) => r.ok)).toHaveLength(1)
    expect(both.filter((r) => !r.ok)).toMatchObject([{ error: { code: 'WISH.ALREADY_VOTED' } }])
    expect(wishDoc(id).votes).toBe(2)
    expect(cloud.store.count(COLLECTIONS.wishVotes, { wishId: id })).toBe(2)

    const list = await call<WishesPage>(C, 'listWishes')
    expect(list).toMatchObject({ ok: true, data: { wishes: [{ id, votes: 2, votedByMe: true, mine: false }] } })
    const other = await call<WishesPage>(D, 'listWishes')
    expect(other).toMatchObject({ ok: true, data: { wishes: [{ id, votedByMe: false }] } })
  })

  it('a vote for a merged wish lands on the target, and a worker who voted for both counts once', async () => {
    seed()
    pinClock()
    const source = await published('无人机航拍入门')
    const target = await published('无人机操作与航拍', B)
    await vote(A, source)
    await vote(B, source)
    await vote(B, target)
    expect(await moderate(source, 'merge', { targetId: target })).toMatchObject({
      ok: true,
      data: { wish: { state: 'merged', mergedInto: { id: target, title: '无人机操作与航拍' } } },
    })
    // A and B: B's two votes are one there.
    expect(wishDoc(target).votes).toBe(2)
    expect(await vote(C, source)).toMatchObject({ ok: true, data: { redirected: true, wish: { id: target } } })
    expect(await vote(B, source)).toMatchObject({ ok: false, error: { code: 'WISH.ALREADY_VOTED' } })
    expect(wishDoc(target).votes).toBe(3)
    expect(cloud.store.count(COLLECTIONS.wishVotes, { wishId: target })).toBe(3)
    // Merged again (a second tap): nothing moves twice.
    expect(await moderate(source, 'merge', { targetId: target })).toMatchObject({ ok: false })
    expect(wishDoc(target).votes).toBe(3)
    const list = await call<WishesPage>(D, 'listWishes')
    expect(list.ok && list.data.wishes.map((w) => w.id)).toEqual([target])
  })

  it.each([
    ['before any vote is copied', 5],
    ['with the copies sent but none counted', 6],
  ])('a merge cut short %s is finished by the timer, each voter counted once', async (_when, crashAfter) => {
    seed()
    pinClock()
    const source = await published('无人机航拍入门')
    const target = await published('无人机操作与航拍', B)
    for (const w of [A, B, C, D]) await vote(w, source)
    await vote(D, target)
    // Requests: the staff check, the wish, the target, marking it merged, its votes (5), then the copies, sent together.
    const died = await cloud.callWithStats(
      'outcomes',
      { action: 'moderateWish', wishId: source, decision: 'merge', targetId: target },
      { OPENID: STAFF },
      { faults: { crashAfter } },
    )
    expect(died.died).not.toBeNull()
    expect(wishDoc(source)).toMatchObject({ state: 'merged', votesMovedAt: null })
    expect((await timer()).data.wishes).toMatchObject({ merges: 1 })
    expect(cloud.store.count(COLLECTIONS.wishVotes, { wishId: target })).toBe(4)
    expect(wishDoc(source).votesMovedAt).not.toBeNull()
    expect(wishDoc(target).votes).toBeLessThanOrEqual(4)
    // Copies written by the dying call were never counted: raised once the target has gone quiet.
    jest.setSystemTime(at(0.1))
    expect((await timer()).data.wishes).toMatchObject({ merges: 0 })
    expect(wishDoc(target).votes).toBe(4)
    expect(await vote(A, target)).toMatchObject({ ok: false, error: { code: 'WISH.ALREADY_VOTED' } })
  })

  it('a call dying between the vote and its count leaves the count short until the timer raises it', async () => {
    seed()
    pinClock()
    const id = await published('跨境电商店铺运营')
    // Requests: the voter's profile, the wish, the vote (3: it lands), the count (never sent).
    const died = await cloud.callWithStats(
      'outcomes',
      { action: 'voteWish', wishId: id },
      { OPENID: B },
      {
        faults: { crashAfter: 3 },
      },
    )
    expect(died.died).not.toBeNull()
    expect(cloud.store.count(COLLECTIONS.wishVotes, { wishId: id })).toBe(1)
    expect(wishDoc(id).votes).toBe(0)
    // The worker's retry is refused as a repeat: the vote they cast is there.
    expect(await vote(B, id)).toMatchObject({ ok: false, error: { code: 'WISH.ALREADY_VOTED' } })
    // Too fresh to tell from a vote still being counted: left alone.
    expect((await timer()).data.wishes).toMatchObject({ repaired: 0 })
    expect(wishDoc(id).votes).toBe(0)
    jest.setSystemTime(at(0.1))
    expect((await timer()).data.wishes).toMatchObject({ repaired: 1 })
    expect(wishDoc(id).votes).toBe(1)
    expect(await vote(C, id)).toMatchObject({ ok: true, data: { wish: { votes: 2 } } })
    expect((await timer()).data.wishes).toMatchObject({ repaired: 0 })
    expect(wishDoc(id).votes).toBe(2)
  })
})

describe('proposals', () => {
  it('refuses bad text and a fourth waiting proposal with a clear code, writing nothing', async () => {
    seed()
    pinClock()
    const refused: [Record<string, unknown>, string][] = [
      [{ title: '学AI' }, 'WISH.BAD_TITLE'],
      [{ title: '好'.repeat(31) }, 'WISH.BAD_TITLE'],
      [{ title: '数据分析入门', detail: '细'.repeat(201) }, 'WISH.BAD_DETAIL'],
      [{ title: '数据分析入门', category: '烹饪' }, 'WISH.BAD_CATEGORY'],
    ]
    for (const [data, code] of refused) {
      expect(await call(A, 'proposeWish', { category: '数据分析', ...data })).toMatchObject({
        ok: false,
        error: { code },
      })
    }
    expect(await propose(NOBODY, '数据分析入门')).toMatchObject({
      ok: false,
      error: { code: 'WISH.PROFILE_INCOMPLETE' },
    })
    expect(cloud.store.count(COLLECTIONS.wishes, {})).toBe(0)
    for (const t of ['表格数据分析', '数据可视化', 'Python 入门'])
      expect(await propose(A, t)).toMatchObject({ ok: true })
    expect(await propose(A, '第四条点课')).toMatchObject({ ok: false, error: { code: 'WISH.TOO_MANY_PENDING' } })
    expect(cloud.store.count(COLLECTIONS.wishes, {})).toBe(3)
  })

  it('a pending proposal is its proposer’s and staff’s alone, and no reply names a proposer or a voter', async () => {
    seed()
    pinClock()
    const made = await propose(A, '工业机器人编程', { detail: '想学示教器编程' })
    const id = made.ok ? made.data.wish.id : ''
    const mine = await call<WishesPage>(A, 'listWishes')
    expect(mine).toMatchObject({ ok: true, data: { wishes: [], mine: [{ id, state: 'pending', mine: true }] } })
    const others = await call<WishesPage>(B, 'listWishes')
    expect(others).toMatchObject({ ok: true, data: { wishes: [], mine: [] } })
    expect(await vote(B, id)).toMatchObject({ ok: false, error: { code: 'WISH.NOT_FOUND' } })

    await moderate(id, 'publish')
    await vote(C, id)
    const seen = await call<WishesPage>(B, 'listWishes')
    expect(JSON.stringify(seen)).not.toMatch(/o_wish_/)
    expect(seen).toMatchObject({ ok: true, data: { wishes: [{ id, votes: 1, mine: false }] } })
    const staff = await call<StaffWishesPage>(STAFF, 'staffWishes')
    expect(JSON.stringify(staff)).not.toMatch(/o_wish_/)
  })

  it('staff see every state ranked by votes with the voters’ industries; workers may not moderate', async () => {
    seed()
    pinClock()
    const popular = await published('AI 办公技巧')
    const quiet = await published('直播带货', B)
    for (const w of [A, B, C, D]) await vote(w, popular)
    await vote(C, quiet)
    const waiting = await propose(C, '数控机床编程')
    const list = await call<StaffWishesPage>(STAFF, 'staffWishes')
    expect(list).toMatchObject({
      ok: true,
      data: {
        wishes: [
          {
            id: popular,
            votes: 4,
            industries: [
              { industry: '制造业', voters: 2 },
              { industry: expect.any(String), voters: 1 },
              { industry: expect.any(String), voters: 1 },
            ],
          },
          { id: quiet, votes: 1, industries: [{ industry: '交通物流', voters: 1 }] },
          { state: 'pending', votes: 0 },
        ],
      },
    })
    const popularView = list.ok ? list.data.wishes[0] : null
    expect(popularView?.industries.map((i) => i.industry).sort()).toEqual(['交通物流', '制造业', '未填写'])
    const pending = await call<StaffWishesPage>(STAFF, 'staffWishes', { state: 'pending' })
    expect(pending.ok && pending.data.wishes.map((w) => w.title)).toEqual(['数控机床编程'])

    const byIndustry = async (industry: string, extra: Record<string, unknown> = {}) => {
      const reply = await call<StaffWishesPage>(STAFF, 'staffWishes', { industry, ...extra })
      return reply.ok ? reply.data.wishes.map((w) => w.id) : reply.error.code
    }
    expect(await byIndustry('制造业')).toEqual([popular])
    expect((await byIndustry('交通物流')).length).toBe(2)
    expect(await byIndustry('未填写')).toEqual([popular])
    expect(await byIndustry('金融')).toEqual([])
    expect(await byIndustry('交通物流', { state: 'pending' })).toEqual([])
    expect(await byIndustry('烹饪')).toBe('WISH.BAD_INDUSTRY')

    const id = waiting.ok ? waiting.data.wish.id : ''
    for (const [action, data] of [
      ['staffWishes', {}],
      ['moderateWish', { wishId: id, decision: 'publish' }],
    ] as const) {
      expect(await call(A, action, data)).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
    }
    expect(wishDoc(id).state).toBe('pending')
    expect(await moderate(id, 'close', { reason: '好' })).toMatchObject({
      ok: false,
      error: { code: 'WISH.BAD_REASON' },
    })
    expect(await moderate(id, 'merge', { targetId: id })).toMatchObject({
      ok: false,
      error: { code: 'WISH.BAD_TARGET' },
    })
    expect(await moderate(id, 'close', { reason: '已有同类课程在报名' })).toMatchObject({ ok: true })
    const proposer = await call<WishesPage>(C, 'listWishes')
    expect(proposer).toMatchObject({ data: { mine: [{ id, state: 'closed', closeReason: '已有同类课程在报名' }] } })
    expect(await vote(A, id)).toMatchObject({ ok: false, error: { code: 'WISH.NOT_OPEN' } })
    expect(await moderate(id, 'publish')).toMatchObject({ ok: false, error: { code: 'WISH.STATE_CHANGED' } })
  })
})

function courseInput(wishId: string, opensInHours: number): CourseInput {
  return {
    title: 'AI 办公技巧（点课班）',
    category: '人工智能',
    summary: '职工点课：用 AI 写材料、做表格。',
    instructor: '陈老师',
    venue: { name: '职工学校', address: '杭州市' },
    capacity: 30,
    enrollOpensAt: at(opensInHours).toISOString(),
    enrollClosesAt: at(24 * 5).toISOString(),
    lessons: [{ startsAt: at(24 * 7).toISOString(), endsAt: at(24 * 7 + 2).toISOString() }],
    wishId,
  }
}

describe('from wish to course', () => {
  it('tells each voter and the proposer once, when the course opens and not before, a rerun after a crash included', async () => {
    seed()
    pinClock()
    const id = await published('AI 办公技巧')
    for (const w of [B, C]) await vote(w, id)
    const made = await callAs<{ courseId: string }>(cloud, STAFF, 'admin', 'upsertCourse', {
      course: courseInput(id, 24),
    })
    expect(made).toMatchObject({ ok: true })
    const courseId = made.ok ? made.data.courseId : ''
    expect(wishDoc(id)).toMatchObject({ state: 'scheduled', courseId })
    expect(cloud.store.find(COLLECTIONS.courses, { _id: courseId })[0]).toMatchObject({ wishId: id })
    // The same wish again (a double tap on 保存): refused, no second course.
    expect(await callAs(cloud, STAFF, 'admin', 'upsertCourse', { course: courseInput(id, 24) })).toMatchObject({
      ok: false,
      error: { code: 'WISH.ALREADY_SCHEDULED' },
    })
    expect(cloud.store.count(COLLECTIONS.courses, {})).toBe(1)
    expect(await vote(D, id)).toMatchObject({ ok: false, error: { code: 'WISH.NOT_OPEN' } })

    expect((await timer()).data.wishes).toMatchObject({ notified: 0 })
    expect(cloud.store.count(COLLECTIONS.notices, {})).toBe(0)

    jest.setSystemTime(at(25))
    // Dies after the first notice is queued: the wish stays unmarked and the rerun queues the rest.
    const partial = await crashTimerAfterFirstNotice()
    expect(partial).toBe(1)
    expect(wishDoc(id).votersNotifiedAt).toBeNull()
    await timer()
    await timer()
    const notices = cloud.store.find(COLLECTIONS.notices, {}) as { openid: string; kind: string; courseId: string }[]
    expect(notices.map((n) => n.openid).sort()).toEqual([A, B, C].sort())
    expect(notices.every((n) => n.kind === 'wish_course_open' && n.courseId === courseId)).toBe(true)
    expect(wishDoc(id).votersNotifiedAt).not.toBeNull()

    // Delivered by the reminders timer, in the course-change template, to a voter who allowed it.
    const template = 'local_tmpl_course_change'
    cloud.openapi.grantSubscription(B, template)
    await callAs(cloud, B, 'reminders', 'subscribe', { answers: { [template]: 'accept' } })
    await fireTrigger(
      cloud,
      listTriggers(cloud).find((t) => t.functionName === 'reminders')!,
    )
    const sent = cloud.openapi.outbox() as { touser: string; page: string; data: Record<string, { value: string }> }[]
    expect(sent).toMatchObject([
      { touser: B, page: `pages/course/index?id=${courseId}`, data: { thing2: { value: '您点的课已开放报名' } } },
    ])
  })

  it('a save cut short after taking the wish shows as a course never made, and may be redone ten minutes on', async () => {
    seed()
    pinClock()
    const id = await published('AI 办公技巧')
    // Requests: the staff check, the wish, taking the wish (3: it lands); the lessons and course never come.
    const died = await cloud.callWithStats(
      'admin',
      { action: 'upsertCourse', course: courseInput(id, 24) },
      { OPENID: STAFF },
      { faults: { crashAfter: 3 } },
    )
    expect(died.died).not.toBeNull()
    expect(wishDoc(id)).toMatchObject({ state: 'scheduled' })
    expect(cloud.store.count(COLLECTIONS.courses, {})).toBe(0)
    const list = await call<StaffWishesPage>(STAFF, 'staffWishes', { state: 'scheduled' })
    expect(list).toMatchObject({ ok: true, data: { wishes: [{ id, course: null }] } })
    // Too soon to tell from a save still under way.
    const again = () =>
      callAs<{ courseId: string }>(cloud, STAFF, 'admin', 'upsertCourse', { course: courseInput(id, 24) })
    expect(await again()).toMatchObject({ ok: false, error: { code: 'WISH.ALREADY_SCHEDULED' } })
    jest.setSystemTime(at(0.2))
    const redone = await again()
    expect(redone).toMatchObject({ ok: true })
    expect(wishDoc(id)).toMatchObject({ state: 'scheduled', courseId: redone.ok ? redone.data.courseId : '' })
    expect(cloud.store.count(COLLECTIONS.courses, {})).toBe(1)
  })

  it('deleting a profile removes the worker’s votes and their name on proposals; the counts stay', async () => {
    seed()
    pinClock()
    const id = await published('AI 办公技巧', C)
    for (const w of [B, C]) await vote(w, id)
    expect(await callAs(cloud, C, 'user', 'deleteProfile', { confirm: true })).toMatchObject({ ok: true })
    expect(cloud.store.count(COLLECTIONS.wishVotes, { openid: C })).toBe(0)
    expect(wishDoc(id)).toMatchObject({ proposer: null, votes: 2 })
    jest.setSystemTime(at(1))
    await timer()
    expect(wishDoc(id).votes).toBe(2)
  })
})

/**
 * Runs the timer with a crash at every request in turn until the first notice is in the outbox when it
 * dies; returns how many notices were queued then.
 */
async function crashTimerAfterFirstNotice(): Promise<number> {
  for (let n = 1; n < 200; n++) {
    const run = await cloud.callWithStats(
      'outcomes',
      { Type: 'Timer' },
      { SOURCE: 'wx_trigger' },
      { faults: { crashAfter: n } },
    )
    const queued = cloud.store.count(COLLECTIONS.notices, {})
    if (run.died === null) throw new Error('the timer finished before any notice was queued')
    if (queued > 0) return queued
  }
  throw new Error('no notice queued')
}
