/**
 * Levels and industries in a real browser on the H5 build: a worker narrows the catalog by level and by
 * 适合我的行业 and sees exactly the courses that fit; a worker without an industry is sent to pick one and
 * comes back to the filter on; staff give a course an industry in the course form.
 */
import type { Page } from 'playwright-core'
import type { CourseDoc } from '../../server/repos/course-repo'
import { answerModal, at, button, shot, storedDoc, useE2e } from './helpers'

jest.setTimeout(120_000)

const env = useE2e()

/** The catalog's first page for a filter, as the demo programme says it should be: soonest first. */
function expectedTitles(keep: (c: CourseDoc) => boolean): string[] {
  return env.demo.courses
    .filter(keep)
    .sort((a, b) => a.firstLessonAt.getTime() - b.firstLessonAt.getTime() || a._id.localeCompare(b._id))
    .slice(0, 10)
    .map((c) => c.title)
}

const suits = (c: CourseDoc, industry: string) =>
  c.industries!.length === 0 || c.industries!.includes(industry as never)

/** Waits until the cards on screen are `expected`, in order; a stale list of the previous filter never passes. */
async function cardTitles(page: Page, expected: string[]): Promise<string[]> {
  await page
    .waitForFunction(
      (want) =>
        JSON.stringify([...document.querySelectorAll('.xz-course-card__title')].map((e) => e.textContent)) ===
        JSON.stringify(want),
      expected,
    )
    .catch(() => {}) // on a timeout, the assertion below shows what the page has instead
  return page.locator('.xz-course-card__title').allTextContents()
}

describe('levels and industries journey', () => {
  it('a worker filters the catalog by level and by 适合我的行业 and sees the courses that fit', async () => {
    const page = await env.phone('o_worker_001') // 制造业 in the demo
    await page.goto(at(env, '/pages/catalog/index'))
    await page.locator('.xz-course-card').first().waitFor()

    await page.getByRole('radio', { name: '难度进阶' }).tap()
    const advanced = expectedTitles((c) => c.level === '进阶')
    expect(await cardTitles(page, advanced)).toEqual(advanced)
    expect(new Set(await page.locator('.xz-course-card .xz-level-tag').allTextContents())).toEqual(new Set(['进阶']))

    await page.getByRole('switch', { name: '适合我的行业' }).tap()
    await page.getByRole('switch', { name: '适合制造业，已打开' }).waitFor()
    const forMe = expectedTitles((c) => c.level === '进阶' && suits(c, '制造业'))
    expect(forMe.length).toBeGreaterThan(1)
    expect(await cardTitles(page, forMe)).toEqual(forMe)
    // Each card says whom it suits: this worker's industry, or everybody.
    for (const suitsLine of await page.locator('.xz-course-card__row', { hasText: '适合' }).allTextContents()) {
      expect(suitsLine).toMatch(/制造业|所有行业/)
    }
    await shot(page, 'levels-catalog-filtered')

    // A course page tags the level and names the industries too.
    await page.locator('.xz-course-card').first().tap()
    await page.locator('.xz-course__suits').waitFor()
    // Past the page's slide-in, so the picture shows the page and not the transition.
    await page.waitForFunction(
      () => (document.querySelector('.xz-course__hero')?.getBoundingClientRect().left ?? 99) < 30,
    )
    expect(await page.locator('.xz-course__hero .xz-level-tag').textContent()).toBe('进阶')
    await shot(page, 'levels-course')
  })

  it('a worker without an industry is offered the profile, picks one, and comes back to the filter on', async () => {
    const page = await env.phone('o_worker_005') // no industry in the demo
    await page.goto(at(env, '/pages/catalog/index'))
    await page.locator('.xz-course-card').first().waitFor()
    await page.getByRole('switch', { name: '适合我的行业' }).tap()
    await answerModal(page, 'confirm', '选好您所在的行业')
    await page.getByRole('checkbox', { name: '交通物流' }).tap()
    await page.getByRole('checkbox', { name: '交通物流，已选' }).waitFor()
    await shot(page, 'levels-profile')
    await button(page, '保存修改').tap()

    await page.getByRole('switch', { name: '适合交通物流，已打开' }).waitFor()
    const forMe = expectedTitles((c) => suits(c, '交通物流'))
    expect(await cardTitles(page, forMe)).toEqual(forMe)
    expect(storedDoc(env, 'users', 'o_worker_005')).toMatchObject({ industry: '交通物流' })
  })

  it('staff give a course one more industry in the course form', async () => {
    const course = env.demo.courses.find((c) => c.level === '实操' && c.industries!.length > 0)!
    const staff = await env.phone('o_staff_demo')
    await staff.goto(at(env, `/package-staff/pages/course-edit/index?id=${course._id}`))
    await staff.getByRole('checkbox', { name: `${course.industries![0]}，已选` }).waitFor()
    await staff.getByRole('checkbox', { name: '金融' }).tap()
    await staff.getByText(`已选 ${course.industries!.length + 1} 个`).waitFor()
    await staff.locator('.xz-staff-edit__industries').evaluate((el) => el.scrollIntoView({ block: 'center' }))
    await shot(staff, 'levels-staff-form')
    await button(staff, '保存修改').tap()
    await staff.getByText('已保存').waitFor()
    expect(storedDoc(env, 'courses', course._id)).toMatchObject({ level: '实操' })
    expect(storedDoc(env, 'courses', course._id)!.industries).toContain('金融')
  })
})
