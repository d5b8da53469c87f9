import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { inShanghai, shanghaiInstant } from '@core'
import { programmeStats } from '@/services/admin'
import { login } from '@/services/user'
import { programmeStats as statsFixture } from '@/test-setup/fixtures'
import { signInAs } from '../../testing/session'
import StaffProgressPage from '.'

jest.mock('@/services/user', () => ({ login: jest.fn() }))
jest.mock('@/services/admin', () => ({ programmeStats: jest.fn() }))

const mockedStats = programmeStats as jest.MockedFunction<typeof programmeStats>

function figure(label: string) {
  return within(screen.getByLabelText(label))
}

/** Today at 08:05 in Shanghai, so the header shows the time alone. */
function todayAt0805(): string {
  return shanghaiInstant(inShanghai(Date.now()).format('YYYY-MM-DD'), '08:05').toISOString()
}

beforeEach(() => {
  jest.clearAllMocks()
  signInAs(login as jest.Mock)
})

describe('staff programme progress', () => {
  it('refuses a worker plainly and asks for no figures', async () => {
    signInAs(login as jest.Mock, 'worker', '张伟')
    render(<StaffProgressPage />)
    expect(await screen.findByText('该功能仅限工会工作人员使用')).toBeTruthy()
    expect(mockedStats).not.toHaveBeenCalled()
  })

  it('shows both targets, the key figures and each category with its share', async () => {
    mockedStats.mockResolvedValue({ ok: true, data: statsFixture({ asOf: todayAt0805() }) })
    render(<StaffProgressPage />)

    expect(await screen.findByText('更新于 08:05 · 下拉可刷新')).toBeTruthy()
    // Only courses whose first lesson has begun count towards the target; scheduled ones are 已排课.
    expect(figure('已开课').getByText('30%')).toBeTruthy()
    expect(figure('已开课').getByText('已排课 42 门 · 其中已结课 12 门')).toBeTruthy()
    expect(figure('已开课').getByText('/ 目标 100 门', { exact: false }).parentElement?.textContent).toBe(
      '30 / 目标 100 门',
    )
    expect(figure('已排课').getByText('42')).toBeTruthy()
    // 1,856 of 10,000 is 18.56 %: whole numbers from 10 % up.
    expect(figure('覆盖职工').getByText('19%')).toBeTruthy()
    expect(figure('覆盖职工').getByRole('progressbar', { name: '覆盖职工 19%' })).toBeTruthy()

    expect(figure('报名率').getByText('85%')).toBeTruthy()
    expect(figure('报名率').getByText('1,428 / 1,680 个名额')).toBeTruthy()
    expect(figure('到课率').getByText('93%')).toBeTruthy()
    expect(figure('到课率').getByText('迟到 214 人次')).toBeTruthy()
    expect(figure('候补人数').getByText('57')).toBeTruthy()
    expect(figure('已上课次').getByText('96')).toBeTruthy()
    expect(figure('待上课次').getByText('72')).toBeTruthy()
    expect(figure('已取消课程').getByText('3')).toBeTruthy()

    expect(figure('人工智能').getByText('702 / 720 · 98%')).toBeTruthy()
    expect(figure('人工智能').getByText('18 门课程 · 候补 41 人')).toBeTruthy()
    expect(figure('新能源汽车').getByText('438 / 600 · 73%')).toBeTruthy()
    expect(figure('新能源汽车').getByText('15 门课程')).toBeTruthy()
  })

  it('keeps one decimal under 10 % and never claims a target not yet met', async () => {
    mockedStats.mockResolvedValue({
      ok: true,
      data: statsFixture({
        courses: { published: 9, started: 7, cancelled: 0, finished: 0 },
        workersReached: 9996,
        // 11月27日 19:05 in Shanghai: an older reading says its day.
        asOf: '2026-11-27T11:05:00.000Z',
      }),
    })
    render(<StaffProgressPage />)
    expect(await screen.findByText('更新于 11月27日 19:05 · 下拉可刷新')).toBeTruthy()
    expect(figure('已开课').getByText('7.0%')).toBeTruthy()
    expect(figure('覆盖职工').getByText('99%')).toBeTruthy()
  })

  it('shows "—" where there is nothing to divide by', async () => {
    mockedStats.mockResolvedValue({
      ok: true,
      data: statsFixture({
        attendance: { checkIns: 0, expected: 0, late: 0 },
        byCategory: [{ category: '无人机', courses: 1, capacity: 0, seatsTaken: 0, waitlisted: 0 }],
      }),
    })
    render(<StaffProgressPage />)
    await screen.findByLabelText('到课率')
    expect(figure('到课率').getByText('—')).toBeTruthy()
    expect(figure('到课率').getByText('尚无已上的课')).toBeTruthy()
    expect(figure('无人机').getByText('0 / 0 · —')).toBeTruthy()
    expect(figure('无人机').getByRole('progressbar', { name: '无人机报名 —' })).toBeTruthy()
  })

  it('says so before the first course, and leads to course management', async () => {
    mockedStats.mockResolvedValue({
      ok: true,
      data: statsFixture({
        courses: { published: 0, started: 0, cancelled: 0, finished: 0 },
        seats: { capacity: 0, taken: 0, waitlisted: 0 },
        workersReached: 0,
        byCategory: [],
      }),
    })
    render(<StaffProgressPage />)
    expect(await screen.findByText('还没有排课')).toBeTruthy()
    expect(screen.queryByLabelText('报名率')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '去课程管理' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/courses/index' })
  })

  it('retries after a failed read', async () => {
    mockedStats
      .mockResolvedValueOnce({ ok: false, error: { code: 'COMMON.INTERNAL', message: '系统繁忙，请稍后再试' } })
      .mockResolvedValueOnce({ ok: true, data: statsFixture() })
    render(<StaffProgressPage />)
    expect(await screen.findByText('系统繁忙，请稍后再试')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '重试' }))
    })
    await screen.findByLabelText('报名率')
    expect(figure('报名率').getByText('85%')).toBeTruthy()
    expect(mockedStats).toHaveBeenCalledTimes(2)
  })

  it('re-reads on pull-down and keeps the figures when that read fails', async () => {
    mockedStats.mockResolvedValueOnce({ ok: true, data: statsFixture() })
    render(<StaffProgressPage />)
    await screen.findByLabelText('报名率')
    expect(figure('报名率').getByText('85%')).toBeTruthy()

    const pull = (usePullDownRefresh as jest.Mock).mock.calls.at(-1)?.[0] as () => Promise<void>
    mockedStats.mockResolvedValueOnce({ ok: false, error: { code: 'COMMON.INTERNAL', message: '系统繁忙' } })
    await act(async () => {
      await pull()
    })
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
    expect(figure('报名率').getByText('85%')).toBeTruthy()

    mockedStats.mockResolvedValueOnce({
      ok: true,
      data: statsFixture({ seats: { capacity: 1680, taken: 1680, waitlisted: 90 } }),
    })
    await act(async () => {
      await pull()
    })
    expect(figure('报名率').getByText('100%')).toBeTruthy()
    expect(figure('候补人数').getByText('90')).toBeTruthy()
  })
})
