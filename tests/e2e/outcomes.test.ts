/**
 * The outcome loop in a real browser on the H5 build: staff settle a finished course, a worker who
 * attended sees and saves the certificate, anyone verifies its code, and a revocation shows.
 */
import ExcelJS from 'exceljs'
import { CERTIFICATE_QR_PREFIX } from '@core/contracts/outcomes'
import { maskName } from '@core/rules/completion'
import { seedFinishedCourse } from '../helpers/outcomes-fixture'
import { answerModal, at, button, readQrImage, shot, useE2e } from './helpers'

jest.setTimeout(90_000)

const HOLDER = 'o_worker_003'
const SHORT = 'o_worker_004'
const COURSE = 'c_done1'

const env = useE2e()

beforeAll(() => {
  seedFinishedCourse(env.cloud.store, {
    courseId: COURSE,
    title: '工业机器人操作与维护',
    category: '智能制造',
    lessons: 5,
    lastEndsAt: new Date(Date.now() - 2 * 3600_000),
    attendance: { [HOLDER]: [1, -2, 3, 5], [SHORT]: [1, 2, 3] },
  })
})

const certificateCode = () => {
  const [doc] = env.cloud.store.find('certificates', { openid: HOLDER }, { limit: 1 })
  return String(doc?.code ?? '')
}

describe('certificates journey', () => {
  it('staff settle the course; the worker who attended sees, saves and shares the certificate', async () => {
    const staff = await env.phone('o_staff_demo')
    await staff.goto(at(env, '/package-staff/pages/home/index'))
    await staff.getByText('结业与证书').tap()
    // The course's title may also be on the 工作台's 今日课程 (still in the page stack): pick it from the list.
    await staff.locator('.xz-staff-outcomes__item-title', { hasText: '工业机器人操作与维护' }).tap()
    await staff.getByText('达标 1 人').waitFor()
    await button(staff, '认定结业并发证').tap()
    await answerModal(staff, 'confirm', '达标职工发放结业证书')
    await staff.locator('.xz-staff-completion__tag', { hasText: '已发证' }).waitFor()
    await staff.locator('.xz-staff-completion__tag', { hasText: '未达标' }).waitFor()
    await shot(staff, 'outcomes-staff-course')
    expect(certificateCode()).toMatch(/^[0-9A-Z]{10}$/)

    const phone = await env.phone(HOLDER)
    await phone.goto(at(env, '/pages/me/index'))
    await phone.getByText('我的证书').tap()
    await phone.getByText('工业机器人操作与维护').tap()
    const image = phone.locator('.xz-cert__image img')
    await image.waitFor()
    // The page slides in from the right; the picture is taken once it has arrived.
    await phone.waitForFunction(() => (document.querySelector('.xz-cert__paper')?.getBoundingClientRect().x ?? 99) < 20)
    await shot(phone, 'outcomes-certificate')
    expect(await readQrImage(image)).toBe(`${CERTIFICATE_QR_PREFIX}${certificateCode()}`)

    const [download] = await Promise.all([phone.waitForEvent('download'), button(phone, '下载证书图片').tap()])
    expect(download.suggestedFilename()).toMatch(/^结业证书-工业机器人操作与维护-.+\.png$/)

    // The worker below 80 % has none.
    const other = await env.phone(SHORT)
    await other.goto(at(env, '/package-outcomes/pages/certificates/index'))
    await other.getByText('还没有结业证书').waitFor()
  })

  it('anyone verifies the code and sees the masked name; a forged code and a revoked one answer clearly', async () => {
    const code = certificateCode()
    const visitor = await env.phone('o_worker_150')
    await visitor.goto(at(env, '/package-outcomes/pages/verify/index'))
    await visitor.locator('.xz-verify__input input').fill(`${code.slice(0, 5)}-${code.slice(5)}`.toLowerCase())
    await button(visitor, '查验').tap()
    await visitor.getByText('✓ 证书有效').waitFor()
    const holderName = String(env.cloud.store.find('users', { _id: HOLDER }, { limit: 1 })[0]?.name)
    const shown = await visitor.locator('.xz-verify__row-value').first().textContent()
    expect(shown).toBe(maskName(holderName))
    await shot(visitor, 'outcomes-verify')

    await visitor.locator('.xz-verify__input input').fill(code.replace(/^./, (c) => (c === 'Z' ? 'Y' : 'Z')))
    await button(visitor, '查验').tap()
    await visitor.getByText('✕ 查无此证书').waitFor()

    const staff = await env.phone('o_staff_demo')
    await staff.goto(at(env, `/package-staff/pages/outcomes-course/index?id=${COURSE}`))
    await staff.locator('.xz-staff-completion__revoke').tap()
    await staff.locator('.xz-staff-completion__dialog-input textarea').fill('签到记录有误，经核实')
    await staff.locator('.xz-staff-dialog__button--confirm').tap()
    await staff.getByText('撤销原因：签到记录有误，经核实').waitFor()

    await visitor.locator('.xz-verify__input input').fill(code)
    await button(visitor, '查验').tap()
    await visitor.getByText('✕ 证书已撤销').waitFor()
  })

  it('the worker who came rates the course from its page, then changes the rating; staff see it without a name', async () => {
    const phone = await env.phone(HOLDER)
    await phone.goto(at(env, `/pages/course/index?id=${COURSE}`))
    await phone.getByText('课程结束了，给这门课打个分吧').tap()
    await phone.getByLabel('4 星 满意').tap()
    await phone.locator('.xz-evaluate__comment textarea').fill('老师示范很清楚，实操时间再多一些就好了')
    await button(phone, '提交评价').tap()
    await phone.getByText(/已评价，.+前可以修改/).waitFor()
    await phone.getByLabel('5 星 非常满意').tap()
    await button(phone, '保存修改').tap()
    await phone.waitForFunction(
      () => document.querySelector('[aria-label="5 星 非常满意"]')?.getAttribute('aria-checked') === 'true',
    )
    await shot(phone, 'outcomes-evaluate')
    expect(env.cloud.store.find('evaluations', { courseId: COURSE }, { limit: 10 })).toEqual([
      expect.objectContaining({ openid: HOLDER, rating: 5, comment: '老师示范很清楚，实操时间再多一些就好了' }),
    ])

    const staff = await env.phone('o_staff_demo')
    await staff.goto(at(env, `/package-staff/pages/outcomes-course/index?id=${COURSE}`))
    await staff.getByText('老师示范很清楚，实操时间再多一些就好了').waitFor()
    await staff.getByText('1 人评价').waitFor()
  })

  it('staff download the programme workbook from 项目成效, and the export is recorded', async () => {
    const staff = await env.phone('o_staff_demo')
    await staff.goto(at(env, '/package-staff/pages/home/index'))
    await staff.getByText('项目成效').tap()
    await staff.getByText('已发结业证书').waitFor()
    await staff.waitForFunction(
      () => (document.querySelector('.xz-staff-report__export')?.getBoundingClientRect().x ?? 99) < 20,
    )
    await shot(staff, 'outcomes-report')
    const [download] = await Promise.all([staff.waitForEvent('download'), button(staff, '下载项目报表（Excel）').tap()])
    expect(download.suggestedFilename()).toMatch(/^新质课堂-项目报表-\d{8}-\d{4}\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await download.path()) ?? '')
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['课程', '分类', '单位', '每日', '未满足需求'])
    const titles: unknown[] = []
    workbook.getWorksheet('课程')?.eachRow((row) => titles.push(row.getCell(1).value))
    expect(titles).toContain('工业机器人操作与维护')
    expect(env.cloud.store.find('exports', { kind: 'programme', by: 'o_staff_demo' }, { limit: 10 })).toHaveLength(1)
  })
})
