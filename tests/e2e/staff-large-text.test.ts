/**
 * Every staff page at 1.3× text (issue #9), measured as the worker pages are in worker-ux.test.ts: no text
 * past its box or the screen, none cut off, no short label broken over two lines, and every text ≥ 4.5:1
 * against the colour behind it. Each page is opened with what makes it full: a course with enrolled
 * workers, a lesson moved into today's check-in hours with someone checked in, a finished course.
 */
import type { Page } from 'playwright-core'
import { COLLECTIONS } from '../../server/collections'
import { demoWorkerOpenId } from '../../local-cloud/seed/demo'
import { seedFinishedCourse } from '../helpers/outcomes-fixture'
import { at, enrollDemoWorker, moveLesson, openCourseByTitle, shot, useE2e } from './helpers'
import { contrastProblems, largeTextProblems, useLargeText } from './large-text'

jest.setTimeout(300_000)

const env = useE2e()
const STAFF = 'o_staff_demo'
const HOUR = 3600_000
// A course that ended two hours ago, with two workers' attendance: the outcomes pages list it.
const DONE = 'c_done1'

beforeAll(() => {
  seedFinishedCourse(env.cloud.store, {
    courseId: DONE,
    title: '工业机器人操作与维护',
    category: '智能制造',
    lessons: 5,
    lastEndsAt: new Date(Date.now() - 2 * HOUR),
    attendance: { o_worker_003: [1, -2, 3, 5], o_worker_004: [1, 2, 3] },
  })
})

/** The page in front has its content: the given part is shown and no loading skeleton is left on it. */
async function loaded(page: Page, ready: string): Promise<boolean> {
  return page
    .waitForFunction(
      (selector) => {
        const pages = [...document.querySelectorAll('#app .taro_page')]
        const current = pages[pages.length - 1]
        return !!current?.querySelector(selector) && !current.querySelector('.xz-state-view--loading')
      },
      ready,
      { timeout: 20_000 },
    )
    .then(() => true)
    .catch(() => false)
}

/**
 * One-line text fields whose text is not in the middle of the box drawn around them (its border or fill,
 * at most three elements up): Taro's H5 input is one line tall at the top of its element, so a taller
 * field shows its text pressed against the top border (the attendance search did, at 1.3×) unless the
 * page stretches the input to the field's height, where the browser centres the line.
 */
async function fieldProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    for (const input of document.querySelectorAll('#app input:not([type=hidden])')) {
      const r = input.getBoundingClientRect()
      if (r.width === 0 || r.height === 0) continue
      const near: Element[] = []
      for (let a = input.parentElement; a && near.length < 3; a = a.parentElement) near.push(a)
      const box = near.find((a) => {
        const s = getComputedStyle(a)
        return parseFloat(s.borderTopWidth) > 0 || s.backgroundColor !== 'rgba(0, 0, 0, 0)'
      })
      if (!box) continue
      const b = box.getBoundingClientRect()
      const off = Math.abs((r.top + r.bottom) / 2 - (b.top + b.bottom) / 2)
      if (off > Math.max(4, b.height * 0.15)) {
        const field = [...box.classList].join('.') || box.tagName.toLowerCase()
        problems.push(`field text off the middle of .${field} 「${input.getAttribute('placeholder') ?? ''}」`)
      }
    }
    return problems
  })
}

describe('every staff page at 1.3× text', () => {
  const large = useLargeText(1.3)

  it('no text runs out of its box, no short label breaks over two lines, all text ≥ 4.5:1, on any staff page', async () => {
    const course = openCourseByTitle(env).id
    const lesson = `${course}_l1`
    // Check-in hours now (the lesson began half an hour ago), so 签到码 shows its code and the list fills.
    moveLesson(env, lesson, -30)
    for (const n of [11, 12, 13, 14]) await enrollDemoWorker(env, n, course)
    env.cloud.store.insert(COLLECTIONS.attendance, [
      {
        _id: `${lesson}_${demoWorkerOpenId(11)}`,
        lessonId: lesson,
        courseId: course,
        openid: demoWorkerOpenId(11),
        at: new Date(),
        late: true,
        method: 'scan',
        staffOpenid: null,
        reason: null,
      },
    ])
    // `show`: a part below the fold scrolled into the screenshot.
    const staffPages: { name: string; route: string; ready: string; show?: string }[] = [
      { name: 'home', route: '/package-staff/pages/home/index', ready: '.xz-staff-today' },
      { name: 'courses', route: '/package-staff/pages/courses/index', ready: '.xz-staff-course-row' },
      { name: 'course-new', route: '/package-staff/pages/course-edit/index', ready: '.xz-staff-edit__count' },
      {
        name: 'course-edit',
        route: `/package-staff/pages/course-edit/index?id=${course}`,
        ready: '.xz-staff-edit__dt-row',
      },
      {
        name: 'course-manage',
        route: `/package-staff/pages/course-manage/index?id=${course}`,
        ready: '.xz-staff-manage__danger-zone',
        show: '.xz-staff-manage__lesson',
      },
      { name: 'roster', route: `/package-staff/pages/roster/index?id=${course}`, ready: '.xz-staff-roster-item' },
      { name: 'import', route: '/package-staff/pages/import/index', ready: '.xz-staff-import__bar' },
      {
        name: 'checkin-code',
        route: `/package-staff/pages/checkin-code/index?id=${lesson}`,
        ready: '.xz-staff-code__card',
      },
      { name: 'attendance', route: `/package-staff/pages/attendance/index?id=${lesson}`, ready: '.xz-attendance-row' },
      { name: 'progress', route: '/package-staff/pages/progress/index', ready: '.xz-staff-progress__category' },
      {
        name: 'outcomes-courses',
        route: '/package-staff/pages/outcomes-courses/index',
        ready: '.xz-staff-outcomes__item',
      },
      {
        name: 'outcomes-course',
        route: `/package-staff/pages/outcomes-course/index?id=${DONE}`,
        ready: '.xz-staff-completion__entry',
      },
      {
        name: 'outcomes-instructors',
        route: '/package-staff/pages/outcomes-instructors/index',
        ready: '.xz-staff-ratings__section',
      },
      {
        name: 'outcomes-report',
        route: '/package-staff/pages/outcomes-report/index',
        ready: '.xz-staff-report__figures',
      },
      { name: 'wishes', route: '/package-staff/pages/wishes/index', ready: '.xz-staff-wishes__filters' },
      {
        name: 'lesson-materials',
        route: `/package-staff/pages/lesson-materials/index?course=${course}&lesson=${lesson}`,
        ready: '.xz-staff-materials__adds',
      },
    ]
    const found: Record<string, string[]> = {}
    for (const p of staffPages) {
      const page = await env.phone(STAFF)
      await large.apply(page)
      await page.goto(at(env, p.route))
      const problems = (await loaded(page, p.ready))
        ? [...(await largeTextProblems(page)), ...(await contrastProblems(page)), ...(await fieldProblems(page))]
        : [`never showed ${p.ready}`]
      if (p.show) await page.locator(p.show).first().scrollIntoViewIfNeeded()
      await shot(page, `staff-large-${p.name}`)
      if (problems.length > 0) found[p.name] = problems
      await page.context().close()
    }
    expect(found).toEqual({})
  })

  it('the field check catches the attendance search as it was: the input one line tall at the top', async () => {
    const course = openCourseByTitle(env).id
    const page = await env.phone(STAFF)
    await large.apply(page)
    await page.goto(at(env, `/package-staff/pages/attendance/index?id=${course}_l1`))
    expect(await loaded(page, '.xz-staff-attendance__search')).toBe(true)
    expect(await fieldProblems(page)).toEqual([])
    await page.addStyleTag({
      content: '.xz-staff-attendance__search-input .weui-input { height: 1.47059em !important; }',
    })
    expect(await fieldProblems(page)).toEqual([
      'field text off the middle of .xz-staff-attendance__search 「搜索姓名、单位或手机尾号」',
    ])
    await page.context().close()
  })
})
