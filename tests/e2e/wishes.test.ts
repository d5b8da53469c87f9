/**
 * 职工点课 in a real browser on the H5 build: a worker proposes a course, staff publish it, another
 * worker votes for it (once: the voted state survives a reload), and staff turn it into a course draft.
 */
import { answerModal, at, button, shot, useE2e } from './helpers'

jest.setTimeout(90_000)

const PROPOSER = 'o_worker_011'
const VOTER = 'o_worker_012'
const TITLE = '用 AI 写工作总结和汇报材料'

const env = useE2e()

const wishes = () => env.cloud.store.find('wishes', {}) as { _id: string; state: string; votes: number }[]

describe('course wishes journey', () => {
  it('a worker proposes, staff publish, another worker votes once, staff open a course draft from it', async () => {
    const phone = await env.phone(PROPOSER)
    await phone.goto(at(env, '/pages/me/index'))
    await phone.getByText('职工点课').tap()
    await phone.getByText('还没有公开的点课').waitFor()
    await button(phone, '我要点课').tap()
    await phone.locator('[aria-label="想学什么"] input').fill(TITLE)
    await phone.getByRole('radio', { name: '人工智能' }).tap()
    await phone.locator('.xz-wishes__detail textarea').fill('想学怎么让 AI 帮忙整理材料、写汇报，适合不太会电脑的职工')
    await shot(phone, 'wishes-propose')
    await button(phone, '提交点课').tap()
    await phone.locator('.xz-wish', { hasText: TITLE }).getByText('审核中').waitFor()
    await shot(phone, 'wishes-pending')
    expect(wishes()).toMatchObject([{ state: 'pending', votes: 0 }])

    const staff = await env.phone('o_staff_demo')
    await staff.goto(at(env, '/package-staff/pages/home/index'))
    await staff.getByText('点课管理').tap()
    const row = staff.locator('.xz-staff-wishes__item', { hasText: TITLE })
    await row.getByText('待审核').waitFor()
    await button(row, '公开').tap()
    await answerModal(staff, 'confirm', TITLE)
    await row.getByText('已公开').waitFor()
    expect(wishes()).toMatchObject([{ state: 'published' }])

    // From the catalog's foot, where a worker who found nothing to learn looks.
    const voter = await env.phone(VOTER)
    await voter.goto(at(env, '/pages/catalog/index'))
    await voter.getByRole('link', { name: /职工点课/ }).tap()
    const card = voter.locator('.xz-wish', { hasText: TITLE })
    await button(card, '我也想学').tap()
    await card.getByText('✓ 已投票').waitFor()
    await card.locator('.xz-wish__count', { hasText: '1' }).waitFor()
    await shot(voter, 'wishes-voted')
    // The voted state is the server's: it is there after a reload, and the button stays off.
    await voter.reload()
    const voted = voter.locator('.xz-wish', { hasText: TITLE }).getByText('✓ 已投票')
    await voted.waitFor()
    await shot(voter, 'wishes-list')
    // A tap on it asks nothing of the server: still one vote, and no refusal to read.
    await voted.tap()
    expect(await voter.locator('.taro-modal__content:visible').count()).toBe(0)
    expect(wishes()).toMatchObject([{ votes: 1 }])
    expect(env.cloud.store.count('wishVotes', {})).toBe(1)

    await staff.reload()
    const row2 = staff.locator('.xz-staff-wishes__item', { hasText: TITLE })
    await row2.locator('.xz-staff-wishes__votes', { hasText: '1' }).waitFor()
    const industry = (await row2.locator('.xz-staff-wishes__industry').first().textContent())?.split(' ')[0] ?? ''
    // Ranked by that industry's voters: the wish is there; by another industry's, it is not.
    await staff.getByRole('button', { name: `${industry}职工票数` }).tap()
    await row2.waitFor()
    const other = industry === '制造业' ? '金融' : '制造业'
    await staff.getByRole('button', { name: `${other}职工票数` }).tap()
    await staff.getByText(`还没有${other}职工投票的点课`).waitFor()
    await staff.getByRole('button', { name: '按总票数' }).tap()
    await row2.waitFor()
    await shot(staff, 'wishes-staff')
    // Closing asks for the reason the proposer will read; cancelled here.
    await button(row2, '关闭').tap()
    const dialog = staff.getByRole('dialog', { name: '关闭这条点课' })
    await dialog.locator('textarea').fill('已有同类课程正在报名')
    await shot(staff, 'wishes-close-dialog')
    await dialog.getByRole('button', { name: '取消' }).tap()
    await dialog.waitFor({ state: 'hidden' })
    await button(row2, '转为课程草稿').tap()
    await staff.waitForFunction(
      (title) => (document.querySelector('[aria-label="课程名称"] input') as HTMLInputElement | null)?.value === title,
      TITLE,
    )
    // The page slides in from the right; the picture is taken once it has arrived.
    await staff.waitForFunction(() => (document.querySelector('.xz-staff-edit')?.getBoundingClientRect().x ?? 99) < 20)
    await shot(staff, 'wishes-course-draft')
  })
})
