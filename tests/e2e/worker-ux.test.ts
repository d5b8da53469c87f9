/**
 * The worker's screens in a real browser on the H5 build: the late-enrollment warning, catalog search with
 * the worker's own places on the cards, the offer that cannot be missed (banner and red dot on 我的), a
 * course the union cancelled kept on 我的 until 知道了 — and every worker page at 1.3× text, measured.
 */
import type { Page } from 'playwright-core'
import { COLLECTIONS } from '../../server/collections'
import { answerModal, at, button, shot, storedDoc, useE2e } from './helpers'
import { contrastProblems, largeTextProblems, useLargeText } from './large-text'

jest.setTimeout(180_000)

const env = useE2e()

const STAFF = 'o_staff_demo'
const call = (openid: string, fn: string, action: string, data: Record<string, unknown> = {}) =>
  env.cloud.call<{ ok: boolean; error?: { code: string } }>(
    fn,
    { ...data, action },
    { OPENID: openid, SOURCE: 'wx_client' },
  )

/** Open courses taking sign-ups now whose first lesson is more than two days away, in catalog order. */
function openCourses(): { id: string; title: string }[] {
  const now = Date.now()
  return env.demo.courses
    .filter(
      (c) =>
        c.enrollOpensAt.getTime() <= now &&
        c.enrollClosesAt.getTime() > now &&
        c.firstLessonAt.getTime() - now > 48 * 3600_000,
    )
    .map((c) => ({ id: c._id, title: c.title }))
}

function setCourse(id: string, patch: Record<string, unknown>): void {
  env.cloud.store.update(
    COLLECTIONS.courses,
    { _id: id },
    { $set: patch },
    { multi: false, merge: true, upsert: false },
  )
}

/** A course title no other demo course shares, so a search finds exactly that card. */
function uniqueTitle(id: string, title: string): string {
  setCourse(id, { title })
  return title
}

async function search(page: Page, text: string): Promise<void> {
  await page.locator('.xz-catalog-search__input input').fill(text)
  await page.getByRole('button', { name: '搜索', exact: true }).tap()
}

/** The badge on the one card the catalog shows for `title`. */
async function badgeOf(page: Page, title: string): Promise<string> {
  const card = page.locator('.xz-course-card', { hasText: title })
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('.xz-course-card__title')].map((e) => e.textContent).join('|') === t,
    title,
  )
  return (await card.locator('.xz-seat-badge').textContent()) ?? ''
}

describe('worker journeys', () => {
  const [seatCourse, waitCourse, lateCourse] = [0, 1, 2].map(() => ({ id: '', title: '' }))
  beforeAll(() => {
    const open = openCourses()
    Object.assign(seatCourse, { id: open[0].id, title: uniqueTitle(open[0].id, '智能焊接机器人实训（甲班）') })
    Object.assign(waitCourse, { id: open[1].id, title: uniqueTitle(open[1].id, '无人机植保作业（乙班）') })
    Object.assign(lateCourse, open[2])
  })

  it('late enrollment: before the seat is taken the worker is told it cannot be cancelled and what a no-show costs', async () => {
    // The first lesson 10 h away: inside the 24 h in which a seat can no longer be given back.
    setCourse(lateCourse.id, { firstLessonAt: new Date(Date.now() + 10 * 3600_000) })
    const page = await env.phone('o_worker_002')
    await page.goto(at(env, `/pages/course/index?id=${lateCourse.id}`))
    await page.getByText('您已报名 0 门，最多可同时报名 3 门').waitFor()
    await button(page, '立即报名').tap()
    const said = await answerModal(page, 'confirm', '不能取消报名')
    expect(said).toMatch(/60 天内缺席 3 次，将有 14 天不能报名新课程/)
    await page.getByText('报名成功').waitFor()
    await shot(page, 'worker-ux-late-enrolled')
    expect(storedDoc(env, COLLECTIONS.enrollments, `${lateCourse.id}_o_worker_002`)).toMatchObject({
      status: 'enrolled',
    })
  })

  it('catalog search finds a course by title, teacher or place, and each card names the worker’s own place', async () => {
    expect(await call('o_worker_003', 'enrollment', 'enroll', { courseId: seatCourse.id })).toMatchObject({ ok: true })
    // One seat, taken by 004: 003 waits first in line.
    setCourse(waitCourse.id, { capacity: 1, seatsLeft: 1 })
    expect(await call('o_worker_004', 'enrollment', 'enroll', { courseId: waitCourse.id })).toMatchObject({ ok: true })
    expect(
      await call('o_worker_003', 'enrollment', 'enroll', { courseId: waitCourse.id, joinWaitlist: true }),
    ).toMatchObject({ ok: true })

    const page = await env.phone('o_worker_003')
    await page.goto(at(env, '/pages/catalog/index'))
    await page.locator('.xz-course-card').first().waitFor()
    await search(page, '焊接机器人实训')
    expect(await badgeOf(page, seatCourse.title)).toBe('已报名')
    await search(page, '植保作业（乙')
    expect(await badgeOf(page, waitCourse.title)).toBe('候补第 1 位')
    await shot(page, 'worker-ux-search-badge')

    // By teacher: every card found names that teacher (or has it in its title or venue).
    const teacher = env.demo.courses.find((c) => c._id === seatCourse.id)!.instructor.slice(0, 2)
    await search(page, teacher)
    await page.locator('.xz-course-card').first().waitFor()
    for (const text of await page.locator('.xz-course-card').allTextContents()) expect(text).toContain(teacher)

    // Nothing found says so, and 查看全部课程 brings the whole list back with the box emptied.
    await search(page, '没有这种课')
    await page.getByText('没有与「没有这种课」有关的课程').waitFor()
    await button(page, '查看全部课程').tap()
    await page.locator('.xz-course-card').nth(5).waitFor()
    expect(await page.locator('.xz-catalog-search__input input').inputValue()).toBe('')
  })

  it('an offer cannot be missed: a banner on the catalog and a red dot on 我的 until it is answered', async () => {
    const page = await env.phone('o_worker_003')
    await page.goto(at(env, '/pages/catalog/index'))
    await page.locator('.xz-course-card').first().waitFor()
    expect(await page.locator('.xz-offer-banner').count()).toBe(0)
    expect(await page.locator('.weui-badge_dot:visible').count()).toBe(0)

    // 004 gives the seat back: it is offered to 003, the head of the line.
    expect(await call('o_worker_004', 'enrollment', 'cancel', { courseId: waitCourse.id })).toMatchObject({ ok: true })
    await page.reload()
    await page.getByText('您有一个候补名额待确认').waitFor()
    await page.locator('.weui-badge_dot').first().waitFor({ state: 'visible' })
    await shot(page, 'worker-ux-offer-banner')

    await page.getByText('去确认 ›').tap()
    await page
      .locator('.xz-enrollment-card', { hasText: waitCourse.title })
      .getByText(/待确认/)
      .waitFor()
    await button(page, '确认参加').first().tap()
    await page.locator('.xz-enrollment-card', { hasText: waitCourse.title }).getByText('已报名').waitFor()
    await page.locator('.weui-badge_dot').first().waitFor({ state: 'hidden' })
    expect(storedDoc(env, COLLECTIONS.enrollments, `${waitCourse.id}_o_worker_003`)).toMatchObject({
      status: 'enrolled',
    })
  })

  it('a course the union cancelled stays on top of 我的 in red with the reason until 知道了', async () => {
    expect(
      await call(STAFF, 'admin', 'cancelCourse', { courseId: seatCourse.id, reason: '讲师临时出差，课程取消' }),
    ).toMatchObject({ ok: true })
    const page = await env.phone('o_worker_003')
    await page.goto(at(env, '/pages/me/index'))
    const notice = page.locator('.xz-cancelled-notice')
    await notice.waitFor()
    expect(await notice.textContent()).toContain(`工会已取消：${seatCourse.title}`)
    expect(await notice.textContent()).toContain('原因：讲师临时出差，课程取消')
    await shot(page, 'worker-ux-union-cancelled')

    await notice.getByRole('button', { name: '知道了' }).tap()
    await notice.waitFor({ state: 'detached' })
    expect(storedDoc(env, COLLECTIONS.enrollments, `${seatCourse.id}_o_worker_003`)?.cancelSeenAt).toBeTruthy()
    // History keeps it, told apart from a course the worker left.
    await page.getByText(/条 展开/).tap()
    await page.locator('.xz-enrollment-card', { hasText: seatCourse.title }).getByText('工会已取消').waitFor()
    // Seen once is seen everywhere: a fresh load shows no red card.
    await page.reload()
    await page.locator('.xz-me__header').waitFor()
    await page.getByText('我的课程').first().waitFor()
    expect(await page.locator('.xz-cancelled-notice').count()).toBe(0)
  })
})

describe('every worker page at 1.3× text', () => {
  const large = useLargeText(1.3)

  const pages = (): { name: string; route: string; ready: string; openid?: string }[] => {
    const course = openCourses()[3].id
    return [
      { name: 'login', route: '/pages/login/index', ready: '.xz-login', openid: undefined },
      { name: 'catalog', route: '/pages/catalog/index', ready: '.xz-course-card' },
      { name: 'course', route: `/pages/course/index?id=${course}`, ready: '.xz-course__title' },
      { name: 'me', route: '/pages/me/index', ready: '.xz-me__header' },
      // A worker with a seat, a history and the journeys above behind them: the fuller 我的 and course page.
      { name: 'me-with-courses', route: '/pages/me/index', ready: '.xz-me__attendance', openid: 'o_worker_003' },
      {
        name: 'course-enrolled',
        route: `/pages/course/index?id=${openCourses()[1].id}`,
        ready: '.xz-course__title',
        openid: 'o_worker_003',
      },
      { name: 'profile', route: '/pages/profile/index', ready: '.xz-privacy-notice__consent' },
      { name: 'checkin', route: '/pages/checkin/index', ready: '.xz-checkin' },
      { name: 'certificates', route: '/package-outcomes/pages/certificates/index', ready: '#app .taro_page' },
      { name: 'evaluations', route: '/package-outcomes/pages/evaluations/index', ready: '#app .taro_page' },
      { name: 'wishes', route: '/package-outcomes/pages/wishes/index', ready: '#app .taro_page' },
      { name: 'checkin-pass', route: '/package-outcomes/pages/checkin-pass/index', ready: '#app .taro_page' },
      {
        name: 'materials',
        route: `/package-outcomes/pages/materials/index?courseId=${course}`,
        ready: '#app .taro_page',
      },
      { name: 'verify', route: '/package-outcomes/pages/verify/index', ready: '#app .taro_page' },
    ]
  }

  it('no text runs out of its box, no short label breaks over two lines, all text ≥ 4.5:1, on any worker page', async () => {
    // 003 checked in to a lesson (late): 我的 then shows its 考勤与证书 figures too.
    const course = openCourses()[1].id
    env.cloud.store.insert(COLLECTIONS.attendance, [
      {
        _id: `${course}_l1_o_worker_003`,
        lessonId: `${course}_l1`,
        courseId: course,
        openid: 'o_worker_003',
        at: new Date(),
        late: true,
        method: 'scan',
        staffOpenid: null,
        reason: null,
      },
    ])
    const found: Record<string, string[]> = {}
    for (const p of pages()) {
      const page = await env.phone(p.name === 'login' ? undefined : (p.openid ?? 'o_worker_006'))
      await large.apply(page)
      await page.goto(at(env, p.route))
      const loaded = await page
        .locator(p.ready)
        .first()
        .waitFor()
        .then(() => true)
        .catch(() => false)
      const problems = loaded
        ? [...(await largeTextProblems(page)), ...(await contrastProblems(page))]
        : [`never showed ${p.ready}`]
      await shot(page, `worker-ux-large-${p.name}`)
      if (problems.length > 0) found[p.name] = problems
      await page.context().close()
    }
    expect(found).toEqual({})
  })

  it('the checkers themselves find a label squeezed too narrow and the old hint grey', async () => {
    const page = await env.phone('o_worker_006')
    await large.apply(page)
    await page.goto(at(env, '/pages/profile/index'))
    await page.locator('.xz-privacy-notice__point-title').first().waitFor()
    await page.addStyleTag({
      content:
        '.xz-privacy-notice__point-title { min-width: 0 !important; width: 20px !important; white-space: normal !important; }',
    })
    const problems = await largeTextProblems(page)
    expect(problems.some((p) => p.includes('用途') || p.includes('收集内容'))).toBe(true)
    // And the old hint grey (#8a8f99, 3.3:1 on white) would be caught too.
    expect(await contrastProblems(page)).toEqual([])
    await page.addStyleTag({ content: '.xz-privacy-notice__lead { color: #8a8f99 !important; }' })
    expect((await contrastProblems(page)).some((p) => p.startsWith('3.2') && p.includes('为了给您提供'))).toBe(true)
  })
})
