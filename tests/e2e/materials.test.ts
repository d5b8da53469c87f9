/**
 * Lesson materials in a real browser on the H5 build: staff attach a PDF (uploaded to the local cloud's
 * storage through the gateway) and a link to a lesson, a file that is no document is refused; a seated
 * worker sees nothing before the lesson starts, then the file, and gets its bytes; staff remove the link.
 */
import fs from 'node:fs'
import path from 'node:path'
import { seedFinishedCourse } from '../helpers/outcomes-fixture'
import { at, moveLesson, shot, useE2e } from './helpers'

jest.setTimeout(90_000)

const COURSE = 'c_mat1'
const SEATED = 'o_worker_005'
const OUTSIDER = 'o_worker_006'
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2400, 0x20), Buffer.from('\n%%EOF\n')])

const env = useE2e()

beforeAll(() => {
  // Two lessons a day apart, the first starting in an hour; SEATED holds a seat.
  seedFinishedCourse(env.cloud.store, {
    courseId: COURSE,
    title: 'AI 办公助手实战',
    lessons: 2,
    lastEndsAt: new Date(Date.now() + 27 * 3600_000),
    attendance: { [SEATED]: [] },
  })
})

/** Files stored for the course: what the staff journey leaves in cloud storage. */
const storedFiles = () => {
  const dir = path.join(env.cloud.storage.root)
  const found: string[] = []
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name))
      else found.push(path.join(d, e.name))
    }
  }
  walk(dir)
  return found.filter((f) => f.includes(`/materials/${COURSE}/`))
}

describe('lesson materials journey', () => {
  it('staff attach a PDF and a link to the first lesson; a file that is no document is refused', async () => {
    const staff = await env.phone('o_staff_demo')
    await staff.goto(at(env, `/package-staff/pages/course-manage/index?id=${COURSE}`))
    await staff.getByLabel('第 1 课资料').scrollIntoViewIfNeeded()
    await shot(staff, 'materials-course-manage')
    await staff.getByLabel('第 1 课资料').tap()
    await staff.getByText('第 1 课资料').waitFor()
    await staff.getByText('还没有资料').waitFor()

    const [chooser] = await Promise.all([staff.waitForEvent('filechooser'), staff.getByLabel('上传文件').tap()])
    await chooser.setFiles({ name: '第一课讲义.pdf', mimeType: 'application/pdf', buffer: PDF })
    await staff.getByText('已添加「第一课讲义」').waitFor()
    await staff.getByText(/PDF · 2 KB/).waitFor()

    // Bytes decide, not the name: an executable called .pdf is refused and not kept.
    const [again] = await Promise.all([staff.waitForEvent('filechooser'), staff.getByLabel('上传文件').tap()])
    await again.setFiles({ name: '伪装.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a pdf at all') })
    await staff.getByText(/只能添加 PDF、PPT、Word、Excel 文件或 PNG、JPG 图片/).waitFor()
    expect(storedFiles()).toHaveLength(1)

    await staff.getByLabel('添加链接').tap()
    await staff.getByLabel('链接名称').locator('input').fill('课程配套网站')
    await staff.getByLabel('链接网址').locator('input').fill('http://example.com/ai')
    await staff.locator('.xz-staff-dialog__button--confirm').tap()
    await staff.getByText('链接须是以 https:// 开头的完整网址').waitFor()
    await staff.getByLabel('链接网址').locator('input').fill('https://example.com/ai')
    await staff.locator('.xz-staff-dialog__button--confirm').tap()
    await staff.getByText('已添加链接「课程配套网站」').waitFor()
    await staff.getByText('已添加（2）').waitFor()
    await shot(staff, 'materials-staff')
  })

  it('a seated worker sees the materials once the lesson has started and downloads the PDF', async () => {
    const phone = await env.phone(SEATED)
    await phone.goto(at(env, `/package-outcomes/pages/materials/index?id=${COURSE}`))
    await phone.getByText('已开课的课次还没有资料').waitFor()
    await phone.getByText(/还有 2 节课未开始/).waitFor()

    moveLesson(env, `${COURSE}_l1`, -5)
    await phone.goto(at(env, `/pages/course/index?id=${COURSE}`))
    await phone.getByLabel('课程资料').scrollIntoViewIfNeeded()
    await shot(phone, 'materials-course-entry')
    await phone.getByLabel('课程资料').tap()
    await phone.getByText('第一课讲义').waitFor()
    await phone.getByText('课程配套网站').waitFor()
    await phone.getByText(/还有 1 节课未开始/).waitFor()
    await phone.waitForFunction(
      // The page slides in from the right; at rest the card sits 12 px from the edge.
      () => (document.querySelector('.xz-materials__lesson')?.getBoundingClientRect().x ?? 99) < 13,
    )
    await shot(phone, 'materials-worker')

    const [tab] = await Promise.all([phone.context().waitForEvent('page'), phone.getByLabel('下载：第一课讲义').tap()])
    const url = tab.url()
    expect(url.startsWith(env.url)).toBe(true)
    const res = await fetch(url)
    expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true)

    const outsider = await env.phone(OUTSIDER)
    await outsider.goto(at(env, `/package-outcomes/pages/materials/index?id=${COURSE}`))
    await outsider.getByText('报名成功、拿到名额后才能查看课程资料').waitFor()
  })

  it('staff remove the link after confirming; the worker no longer sees it', async () => {
    const staff = await env.phone('o_staff_demo')
    await staff.goto(at(env, `/package-staff/pages/lesson-materials/index?course=${COURSE}&lesson=${COURSE}_l1`))
    await staff.getByLabel('删除：课程配套网站').tap()
    await staff.getByText('「课程配套网站」删除后，职工将不再看到这个链接。').waitFor()
    await shot(staff, 'materials-staff-remove')
    await staff.locator('.xz-staff-dialog__button--confirm').tap()
    await staff.getByText('已删除「课程配套网站」').waitFor()
    await staff.getByText('已添加（1）').waitFor()

    const phone = await env.phone(SEATED)
    await phone.goto(at(env, `/package-outcomes/pages/materials/index?id=${COURSE}`))
    await phone.getByText('第一课讲义').waitFor()
    expect(await phone.getByText('课程配套网站').count()).toBe(0)
    expect(storedFiles()).toHaveLength(1)
  })
})
