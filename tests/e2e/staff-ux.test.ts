/**
 * The staff screens in a real browser on the H5 build (issue #9, "Staff"): the 工作台 opens on 今日课程
 * with one tap to 签到码; a cancelled course keeps its roster, each worker marked 已取消 with what they
 * held, after one dialog that says how many are told; a roster searched by name; an import file with
 * Chinese headers checked into a preview table, its wrong cell named; and H5's navigation bar.
 */
import type { Page } from 'playwright-core'
import { COLLECTIONS } from '../../server/collections'
import { demoWorkerOpenId } from '../../local-cloud/seed/demo'
import { inShanghai } from '@core/time'
import { answerModal, at, button, enrollDemoWorker, moveLesson, openCourseByTitle, shot, useE2e } from './helpers'

jest.setTimeout(180_000)

const env = useE2e()
const STAFF = 'o_staff_demo'

/** Open demo courses, soonest first, none of them used by another test of this file. */
const taken = new Set<string>()
function freshOpenCourse(): { id: string; title: string } {
  const course = openCourseByTitle(env, taken)
  taken.add(course.id)
  return course
}

const nameOf = (n: number) =>
  String(env.cloud.store.find(COLLECTIONS.users, { _id: demoWorkerOpenId(n) }, { limit: 1 })[0]?.name)

/** Minutes from now to a start that is surely today in Beijing time: half an hour ago, or just ahead after midnight. */
function startTodayInMinutes(): number {
  const sinceMidnight = Date.now() - inShanghai(Date.now()).startOf('day').valueOf()
  return sinceMidnight > 40 * 60_000 ? -30 : 5
}

/** Screenshots after the page's slide-in has finished, so two pages never show at once. */
async function settledShot(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await shot(page, name)
}

async function tapText(page: Page, text: string): Promise<void> {
  await page.getByText(text, { exact: true }).first().tap()
}

describe('staff screens journey', () => {
  it("opens the 工作台 on 今日课程 and goes to a lesson's 签到码 in one tap, with a back button in H5", async () => {
    const course = freshOpenCourse()
    moveLesson(env, `${course.id}_l1`, startTodayInMinutes())
    for (const n of [11, 12, 13]) await enrollDemoWorker(env, n, course.id)

    const staff = await env.phone(STAFF)
    await staff.goto(at(env, '/pages/me/index'))
    // For a staff account the entrance comes first on 我的.
    await staff.getByText('工作人员入口').tap()
    const today = staff.getByLabel('今日课程')
    await today.waitFor()
    const lesson = today.getByRole('listitem', { name: course.title })
    await lesson.waitFor()
    expect(await lesson.textContent()).toContain('已报名 3/')
    expect(await lesson.textContent()).toContain('已签到 0')
    await settledShot(staff, 'staff-today')

    await button(lesson, '签到码').tap()
    await staff.waitForURL(/checkin-code\/index\?id=/)
    expect(staff.url()).toContain(encodeURIComponent(`${course.id}_l1`))
    // H5 has its own navigation bar now: back returns to the 工作台.
    const back = staff.locator('.taro-navigation-bar-back')
    await back.waitFor({ state: 'visible' })
    // A thumb-sized button, and the page's title in full beside it.
    expect((await back.boundingBox())?.height).toBeGreaterThanOrEqual(40)
    const title = staff.locator('.taro-navigation-bar-title', { hasText: '签到码' })
    await title.waitFor()
    // Legible whatever the page's colours (Taro's H5 bar takes the app's, not the page's).
    const [ink, paper] = await title.evaluate((el) => [
      getComputedStyle(el).color,
      getComputedStyle(document.getElementById('taro-navigation-bar')!).backgroundColor,
    ])
    expect(ink).not.toBe(paper)
    await back.tap()
    await staff.getByLabel('今日课程').waitFor()
    await staff.close()
  })

  it('keeps the roster of a cancelled course, each worker marked 已取消, after one dialog that says who is told', async () => {
    const course = freshOpenCourse()
    for (const n of [21, 22, 23]) await enrollDemoWorker(env, n, course.id)
    const staff = await env.phone(STAFF)
    await staff.goto(at(env, `/package-staff/pages/course-manage/index?id=${course.id}`))
    await staff.getByRole('button', { name: '取消课程' }).tap()
    const dialog = staff.getByRole('dialog', { name: '取消课程' })
    await dialog.getByText('将通知 3 位已报名和候补的职工').waitFor()
    await dialog.locator('textarea').fill('讲师临时出差，改期另行通知')
    await settledShot(staff, 'staff-cancel-dialog')
    await dialog.getByText('确认取消课程').tap()
    // No second question: the course is cancelled at once.
    await staff.getByText('该课程已取消，名单仍可查看，其他操作不可用').waitFor()
    expect(await staff.locator('.taro-modal__content:visible').count()).toBe(0)

    await staff.getByRole('button', { name: '查看名单' }).tap()
    await staff.getByText('课程已取消：以下是取消时已报名和候补的 3 位职工', { exact: false }).waitFor()
    for (const n of [21, 22, 23]) await staff.getByText(nameOf(n), { exact: true }).waitFor()
    expect(await staff.getByText('原已报名', { exact: true }).count()).toBe(3)
    expect(await staff.locator('.xz-staff-roster-item__tag--cancelled').count()).toBe(3)
    await settledShot(staff, 'staff-cancelled-roster')
    await staff.close()
  })

  it('finds a worker in a roster by name and offers the call', async () => {
    const course = freshOpenCourse()
    for (const n of [31, 32, 33, 34]) await enrollDemoWorker(env, n, course.id)
    const staff = await env.phone(STAFF)
    await staff.goto(at(env, `/package-staff/pages/roster/index?id=${course.id}`))
    await staff.getByText(nameOf(31), { exact: true }).waitFor()
    await staff.getByLabel('搜索姓名').locator('input').fill(nameOf(33))
    await staff.waitForFunction(() => document.querySelectorAll('.xz-staff-roster-item').length === 1)
    expect(await staff.locator('.xz-staff-roster-item__name').allTextContents()).toEqual([nameOf(33)])
    await staff.getByRole('button', { name: `拨打${nameOf(33)}的电话` }).waitFor()
    await settledShot(staff, 'staff-roster-search')

    // Export asks first, and names the full numbers before a file holds them.
    await button(staff, '导出 CSV').tap()
    const exportDialog = staff.getByRole('dialog', { name: '导出名单' })
    await exportDialog.getByRole('radio', { name: '完整手机号' }).tap()
    await exportDialog.getByText('文件将包含 4 位职工的完整手机号', { exact: false }).waitFor()
    await settledShot(staff, 'staff-roster-export')
    await exportDialog.getByText('取消', { exact: true }).tap()
    await exportDialog.waitFor({ state: 'detached' })
    await staff.close()
  })

  it('imports a file with Chinese headers: a preview table first, the wrong cell named, then the courses', async () => {
    const day = (d: number) => inShanghai(Date.now()).add(d, 'day').format('YYYY-MM-DD')
    const header =
      '课程编号,课程名称,分类,讲师,简介,地点名称,详细地址,名额,报名开始,报名截止,上课日期,开始时间,结束时间,级别,适合行业'
    const row = (key: string, title: string, date: string, start: string) =>
      [
        key,
        title,
        '人工智能',
        '周老师',
        '零基础',
        '市职工服务中心',
        '建设路 88 号',
        '30',
        `${day(0)} 00:00`,
        `${day(20)} 18:00`,
        date,
        start,
        '21:00',
        '入门',
        '制造业、交通物流',
      ].join(',')
    const good = [
      header,
      row('E2E-1', '浏览器导入测试课', day(30), '19:00'),
      row('E2E-1', '', day(37), '19:00'),
      row('E2E-2', '浏览器导入第二课', day(31), '19:00'),
    ].join('\n')

    const staff = await env.phone(STAFF)
    await staff.goto(at(env, '/package-staff/pages/import/index'))
    const text = staff.getByLabel('课程表内容').locator('textarea')
    await text.fill(good.replace(`${day(31)},19:00`, `${day(31)},7点`))
    await button(staff, '先校验').tap()
    const error = staff.getByText('第 4 行「开始时间」：', { exact: false })
    await error.waitFor()
    await error.scrollIntoViewIfNeeded()
    await settledShot(staff, 'staff-import-error')

    await text.fill(good)
    await button(staff, '先校验').tap()
    const preview = staff.getByRole('table', { name: '将创建的课程' })
    await preview.waitFor()
    // The whole table in the picture: scrolled to the end, above the fixed bar.
    await staff.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight)
      document.querySelectorAll('.taro_page').forEach((p) => p.scrollTo(0, p.scrollHeight))
    })
    expect(await preview.getByRole('row', { name: '浏览器导入测试课' }).textContent()).toContain('周老师')
    expect(await preview.getByRole('row', { name: '浏览器导入第二课' }).count()).toBe(1)
    await settledShot(staff, 'staff-import-preview')

    await button(staff, '确认导入').tap()
    await answerModal(staff, 'confirm', '将导入 2 门课程')
    await staff.getByText('已导入 2 门课程').waitFor()
    expect(env.cloud.store.count(COLLECTIONS.courses, { title: '浏览器导入测试课', lessonCount: 2 })).toBe(1)
    await staff.close()
  })

  it('shows tab pages in H5 without a blank strip or a back button above them', async () => {
    const worker = await env.phone(demoWorkerOpenId(41))
    await worker.goto(at(env, '/pages/me/index'))
    await worker.getByText('我的课程').waitFor()
    const bar = worker.locator('#taro-navigation-bar')
    expect(await worker.locator('.taro-navigation-bar-back').isVisible()).toBe(false)
    // The page's first card starts right under the bar (or the top, where there is none).
    const barBottom = (await bar.isVisible()) ? ((await bar.boundingBox())?.height ?? 0) : 0
    const firstTop = (await worker.locator('.xz-me__header').boundingBox())?.y ?? -1
    expect(firstTop - barBottom).toBeLessThanOrEqual(16)
    await settledShot(worker, 'staff-ux-tab-page')
    await tapText(worker, '课程')
    await worker.locator('.xz-course-card').first().waitFor()
    await worker.close()
  })
})
