/**
 * Two journeys in a real browser on the H5 build, against the real functions on the local cloud:
 * a newcomer signs up and finds a course; two workers contend for a course's last seat.
 */
import type { Page } from 'playwright-core'
import { answerModal, at, button, openCourse, shot, storedDoc, useE2e } from './helpers'

jest.setTimeout(60_000)

const env = useE2e()

async function tapBarButton(page: Page, text: string): Promise<void> {
  await button(page.locator('.xz-enroll-bar'), text).tap()
}

describe('browser journeys', () => {
  it('a newcomer picks an identity, fills in the profile, finds a course and enrols; the catalog shows the seat taken', async () => {
    const page = await env.phone()
    await page.goto(env.url)
    // No identity yet: the H5 demo sends the visitor to pick one.
    await page.getByText('本地体验 · 选择身份').waitFor()
    await page.locator('[aria-label="搜索演示账号"] input').fill('o_worker_200')
    const row = page.locator('[data-openid="o_worker_200"]')
    await row.waitFor()
    // Make this worker a true newcomer: no user record at all, as on a first visit from WeChat.
    env.cloud.store.remove('users', { _id: 'o_worker_200' }, false)
    await row.tap()

    await page.getByText('完善个人信息后即可报名课程').tap()
    await page.locator('[aria-label="姓名"] input').waitFor()
    await page.locator('[aria-label="姓名"] input').fill('刘新来')
    await page.locator('[aria-label="手机号"] input').fill('13712345678')
    await page.locator('[aria-label="工作单位"] input').fill('市公交集团')
    await page.getByText('我已阅读并同意《个人信息保护说明》').tap()
    await shot(page, 'profile-filled')
    await page.tap('.xz-profile .nut-button')

    // Saved: back on the catalog, with seeded courses and no sign-up hint.
    await page.locator('.xz-catalog').waitFor()
    await page.locator('.xz-course-card').first().waitFor()
    await page.getByText('完善个人信息后即可报名课程').waitFor({ state: 'detached' })
    expect(await page.locator('.xz-course-card').count()).toBeGreaterThan(3)
    const user = storedDoc(env, 'users', 'o_worker_200')
    expect(user).toMatchObject({ name: '刘新来', phone: '13712345678', employer: '市公交集团' })
    await shot(page, 'catalog')

    // Open a course that takes sign-ups and enrol: the catalog shows the new count on the way back.
    const card = page.locator('.xz-course-card', { hasText: '报名中' }).first()
    const title = (await card.locator('.xz-course-card__title').textContent()) ?? ''
    const seats = (await card.locator('.xz-course-card__seats-text').textContent()) ?? ''
    const [, left, capacity] = /剩余 (\d+) \/ (\d+) 席/.exec(seats) ?? []
    expect(Number(left)).toBeGreaterThan(0)
    await card.tap()
    await page.locator('.xz-course__title', { hasText: title }).waitFor()
    await page.locator('.xz-enroll-bar__label').waitFor()
    await shot(page, 'detail-newcomer')
    await tapBarButton(page, '立即报名')
    await page.getByText('报名成功').waitFor()
    await button(page.locator('.xz-result-sheet'), '好的').tap()
    await page.goBack()
    await page
      .locator('.xz-course-card', { hasText: title })
      .locator('.xz-course-card__seats-text', { hasText: `剩余 ${Number(left) - 1} / ${capacity} 席` })
      .waitFor()
  })

  it('two workers contend for the last seat: waitlist, cancel, offer, confirm', async () => {
    const courseId = openCourse(env, 48)
    env.cloud.store.update(
      'courses',
      { _id: courseId },
      { $set: { capacity: 1, seatsLeft: 1 } },
      { multi: false, merge: true, upsert: false },
    )
    const detail = at(env, `/pages/course/index?id=${courseId}`)
    const me = at(env, '/pages/me/index')

    const a = await env.phone('o_worker_001')
    const b = await env.phone('o_worker_002')
    // B opens the course while the seat is still free…
    await b.goto(detail)
    await button(b.locator('.xz-enroll-bar'), '立即报名').waitFor()

    // …and A takes it first.
    await a.goto(detail)
    await tapBarButton(a, '立即报名')
    await a.getByText('报名成功').waitFor()
    await shot(a, 'result-enrolled')
    await button(a.locator('.xz-result-sheet'), '好的').tap()
    await a.locator('.xz-enroll-bar__label', { hasText: '已报名' }).waitFor()
    await shot(a, 'detail-enrolled')

    // B's tap finds the course full and is asked about the waitlist.
    await tapBarButton(b, '立即报名')
    const question = await answerModal(b, 'confirm', '名额已满，是否加入候补？')
    expect(question).toContain('当前候补 0 人')
    await b.getByText('已加入候补').waitFor()
    await b.getByText('当前第 1 位').waitFor()
    await shot(b, 'result-waitlisted')
    await button(b.locator('.xz-result-sheet'), '好的').tap()
    await b.locator('.xz-enroll-bar__label', { hasText: '候补第 1 位' }).waitFor()
    await shot(b, 'detail-waitlisted')

    // A gives the seat back from 我的, after a confirmation.
    await a.goto(me)
    const card = a.locator('.xz-enrollment-card', { hasText: '已报名' })
    await card.waitFor()
    await shot(a, 'me-enrolled')
    await button(card, '取消报名').tap()
    await answerModal(a, 'confirm', '取消后名额将让给候补人员')
    await a.getByText('还没有报名课程，去课程页看看').waitFor()
    await a.getByText('历史记录').tap()
    await a.locator('.xz-enrollment-card--past', { hasText: '已取消' }).waitFor()
    await shot(a, 'me-after-cancel')

    // B, first in line, is offered the seat and confirms it.
    await b.goto(me)
    await b.reload()
    const offer = b.locator('.xz-enrollment-card', { hasText: '待确认' })
    await offer.waitFor()
    await shot(b, 'me-offered')
    await button(offer, '确认参加').tap()
    await b.getByText('报名成功').waitFor()
    await button(b.locator('.xz-result-sheet'), '好的').tap()
    await b.locator('.xz-enrollment-card', { hasText: '已报名' }).tap()
    await b.locator('.xz-enroll-bar__label', { hasText: '已报名' }).waitFor()
    await shot(b, 'detail-confirmed')

    const course = storedDoc(env, 'courses', courseId)
    expect(course).toMatchObject({ capacity: 1, seatsTaken: 1, waitlistLength: 0 })
    expect(storedDoc(env, 'enrollments', `${courseId}_o_worker_002`)).toMatchObject({
      status: 'enrolled',
    })
    expect(storedDoc(env, 'enrollments', `${courseId}_o_worker_001`)).toMatchObject({
      status: 'cancelled',
    })
  })
})
