import { formatWhen } from '@core'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { __setRouterParams } from '@/test-setup/taro-mock'
import type { AttendanceLiveResult, CheckinCode, Reply } from '@core'
import { attendanceLive, issueCheckinCode, setCheckinOptions, staffCheckIn } from '@/services/checkin'
import { keepScreenOn } from '@/services/device'
import { login } from '@/services/user'
import { attendanceEntry, lessonRef } from '@/test-setup/fixtures'
import { signInAs } from '../../testing/session'
import CheckinCodePage from '.'

jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())
jest.mock('@/services/device', () => ({ keepScreenOn: jest.fn() }))
jest.mock('@/services/user', () => ({ login: jest.fn() }))

const mocked = {
  issue: issueCheckinCode as jest.MockedFunction<typeof issueCheckinCode>,
  live: attendanceLive as jest.MockedFunction<typeof attendanceLive>,
  keepScreenOn: keepScreenOn as jest.MockedFunction<typeof keepScreenOn>,
  options: setCheckinOptions as jest.MockedFunction<typeof setCheckinOptions>,
  staffCheckIn: staffCheckIn as jest.MockedFunction<typeof staffCheckIn>,
}
const PRESENCE = { mode: 'location' as const, radiusM: 300, venueLocated: true, allowDigits: false }

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString()

function code(token: string, overrides: Partial<CheckinCode> = {}): Reply<CheckinCode> {
  return {
    ok: true,
    data: {
      live: true,
      token,
      path: `pages/checkin/index?scene=${token}`,
      digits: '042917',
      digitsRefreshInMs: 40_000,
      presence: PRESENCE,
      validUntil: minutes(0.5),
      refreshInMs: 9000,
      imageBase64: `PNG-${token}`,
      lesson: lessonRef(),
      // Open now: from 20 minutes ago until 100 minutes from now.
      opensAt: minutes(-20),
      closesAt: minutes(100),
      ...overrides,
    },
  }
}

function live(present: number, expected: number, late: number): Reply<AttendanceLiveResult> {
  return {
    ok: true,
    data: {
      lesson: lessonRef(),
      opensAt: minutes(-20),
      closesAt: minutes(100),
      expected,
      present,
      late,
      entries: [attendanceEntry({ status: 'present', at: minutes(-1), method: 'scan' })],
    },
  }
}

async function renderPage() {
  render(<CheckinCodePage />)
  await screen.findByText('AI 办公助手实战')
}

function qrSrc(): string | null {
  return screen.getByLabelText('签到二维码').getAttribute('src')
}

beforeEach(() => {
  jest.clearAllMocks()
  __setRouterParams({ id: 'l1' })
  signInAs(login as jest.Mock)
  mocked.live.mockResolvedValue(live(3, 40, 1))
})

afterEach(() => {
  jest.useRealTimers()
})

describe('check-in code screen', () => {
  it('shows the lesson, the code image large, the live counts, and keeps the screen on', async () => {
    mocked.issue.mockResolvedValue(code('T1'))
    await renderPage()
    expect(mocked.issue).toHaveBeenCalledWith('l1', true)
    expect(qrSrc()).toBe('data:image/png;base64,PNG-T1')
    expect(screen.getByText('第 1 课 · 11月28日 周六 19:00–21:00')).toBeTruthy()
    expect(screen.getByText('每 15 秒自动更换，截图无效')).toBeTruthy()
    expect(await screen.findByText('已签到 3 / 应到 40 · 迟到 1')).toBeTruthy()
    expect(mocked.live).toHaveBeenCalledWith('l1')
    expect(mocked.keepScreenOn).toHaveBeenCalledWith(true)
  })

  it('fetches the next code when refreshInMs runs out, and keeps the last one when that fails', async () => {
    jest.useFakeTimers()
    mocked.issue
      .mockResolvedValueOnce(code('T1', { refreshInMs: 9000 }))
      .mockResolvedValueOnce(code('T2', { refreshInMs: 15000 }))
      .mockResolvedValueOnce({ ok: false, error: { code: 'COMMON.INTERNAL', message: '网络不太好，请稍后重试' } })
      .mockResolvedValue(code('T3'))
    await act(async () => {
      render(<CheckinCodePage />)
    })
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(qrSrc()).toBe('data:image/png;base64,PNG-T1')
    expect(screen.getByText('9 秒后更换')).toBeTruthy()

    await act(async () => {
      await jest.advanceTimersByTimeAsync(8999)
    })
    expect(mocked.issue).toHaveBeenCalledTimes(1)
    await act(async () => {
      await jest.advanceTimersByTimeAsync(1)
    })
    expect(mocked.issue).toHaveBeenCalledTimes(2)
    expect(qrSrc()).toBe('data:image/png;base64,PNG-T2')

    // The third fetch fails: T2 stays on screen with a note, and a retry follows shortly.
    await act(async () => {
      await jest.advanceTimersByTimeAsync(15000)
    })
    expect(mocked.issue).toHaveBeenCalledTimes(3)
    expect(qrSrc()).toBe('data:image/png;base64,PNG-T2')
    expect(screen.getByText('网络不稳定，正在重试')).toBeTruthy()
    await act(async () => {
      await jest.advanceTimersByTimeAsync(3000)
    })
    expect(mocked.issue).toHaveBeenCalledTimes(4)
    expect(qrSrc()).toBe('data:image/png;base64,PNG-T3')
    expect(screen.queryByText('网络不稳定，正在重试')).toBeNull()
  })

  it('shows no live code before check-in opens: says when, with a countdown', async () => {
    const opensAt = new Date(Date.now() + 20 * 60_000)
    mocked.issue.mockResolvedValue(
      code('', { live: false, path: '', digits: '', imageBase64: null, opensAt: opensAt.toISOString() }),
    )
    await renderPage()
    // The day is said with the time ("今天 19:10"): the screen may be opened the evening before.
    expect(screen.getByText(`签到将于 ${formatWhen(opensAt, new Date())} 开放`)).toBeTruthy()
    expect(screen.getByText(/^(20:00|19:5\d)$/)).toBeTruthy()
    expect(screen.queryByLabelText('签到二维码')).toBeNull()
    expect(screen.queryByText('扫不了码？输入数字签到码')).toBeNull()
  })

  it('shows the 6 digits large, the location rule, and lets staff allow digits alone', async () => {
    mocked.issue.mockResolvedValue(code('T1'))
    mocked.options.mockResolvedValue({ ok: true, data: { ...PRESENCE, allowDigits: true } })
    await renderPage()
    expect(screen.getByText('042 917')).toBeTruthy()
    expect(screen.getByText('签到需定位：上课地点 300 米内')).toBeTruthy()
    await act(async () => {
      screen.getByRole('switch', { name: '允许仅输入数字码：已关闭' }).click()
    })
    expect(mocked.options).toHaveBeenCalledWith('l1', { allowDigits: true })
    expect(screen.getByRole('switch', { name: '允许仅输入数字码：已开启' })).toBeTruthy()

    // This lesson only: the location check off (the venue keeps its coordinates).
    mocked.options.mockResolvedValue({ ok: true, data: { ...PRESENCE, mode: 'none', allowDigits: true } })
    await act(async () => {
      screen.getByRole('switch', { name: '本节课核对位置：已开启' }).click()
    })
    expect(mocked.options).toHaveBeenLastCalledWith('l1', { presence: 'none' })
    expect(screen.getByText('本节课签到不核对位置')).toBeTruthy()
  })

  it('checks a worker in from their personal code and shows name and employer for a look', async () => {
    mocked.issue.mockResolvedValue(code('T1'))
    mocked.staffCheckIn.mockResolvedValue({
      ok: true,
      data: {
        status: 'checked_in',
        late: false,
        at: minutes(0),
        name: '王芳',
        employer: '杭州制造',
        lesson: lessonRef(),
      },
    })
    await renderPage()
    fireEvent.change(screen.getByLabelText('职工签到码'), { target: { value: ' WCODE ' } })
    await act(async () => {
      screen.getByRole('button', { name: '确认签到' }).click()
    })
    expect(mocked.staffCheckIn).toHaveBeenCalledWith('WCODE', 'l1')
    expect(screen.getByText('王芳')).toBeTruthy()
    expect(screen.getByText('杭州制造')).toBeTruthy()
    expect(screen.getByText('签到成功')).toBeTruthy()
  })

  it('says check-in is over after the lesson, without a code to scan', async () => {
    mocked.issue.mockResolvedValue(code('T1', { opensAt: minutes(-200), closesAt: minutes(-5) }))
    await renderPage()
    expect(screen.getByText('本节课签到已结束')).toBeTruthy()
    expect(screen.queryByLabelText('签到二维码')).toBeNull()
    expect(await screen.findByText('已签到 3 / 应到 40 · 迟到 1')).toBeTruthy()
  })

  it('shows the refusal when the function says no', async () => {
    mocked.issue.mockResolvedValue({
      ok: false,
      error: { code: 'CHECKIN.NOT_FOUND', message: '课程或课次不存在' },
    })
    render(<CheckinCodePage />)
    expect(await screen.findByText('课程或课次不存在')).toBeTruthy()
  })
})
