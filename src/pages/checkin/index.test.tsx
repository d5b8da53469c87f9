import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouterParams } from '@/test-setup/taro-mock'
import type { CheckInResult, Reply } from '@core'
import { canScanCode, checkIn, checkInDigits, myCheckinLessons, scanCheckinCode } from '@/services/checkin'
import { locate } from '@/services/location'
import { lessonRef } from '@/test-setup/fixtures'
import CheckinPage from '.'

jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())
jest.mock('@/services/location', () => ({ locate: jest.fn(), openLocationSettings: jest.fn() }))
jest.mock('@/services/user', () => jest.requireActual('@/test-setup/service-mocks').workerUserService())

const mocked = {
  checkIn: checkIn as jest.MockedFunction<typeof checkIn>,
  canScanCode: canScanCode as jest.MockedFunction<typeof canScanCode>,
  scanCheckinCode: scanCheckinCode as jest.MockedFunction<typeof scanCheckinCode>,
  checkInDigits: checkInDigits as jest.MockedFunction<typeof checkInDigits>,
  myCheckinLessons: myCheckinLessons as jest.MockedFunction<typeof myCheckinLessons>,
  locate: locate as jest.MockedFunction<typeof locate>,
}
const HERE = { latitude: 30.28, longitude: 120.16, accuracy: 25 }

const TOKEN = 'zqPWaFuk1z9vjfioW5bZy4Wz'

function checkedIn(overrides: Partial<CheckInResult> = {}): Reply<CheckInResult> {
  // 2026-11-28 19:02 in Shanghai.
  return {
    ok: true,
    data: { status: 'checked_in', late: false, at: '2026-11-28T11:02:00.000Z', lesson: lessonRef(), ...overrides },
  }
}

function refused(code: string, message: string): Reply<CheckInResult> {
  return { ok: false, error: { code, message } } as Reply<CheckInResult>
}

beforeEach(() => {
  jest.clearAllMocks()
  localStorage.setItem('xz.devOpenId', 'o_worker_001')
  __setRouterParams({})
  mocked.canScanCode.mockReturnValue(false)
  mocked.locate.mockResolvedValue({ ok: false, reason: 'unavailable', ms: 5 })
})

describe('check-in page', () => {
  it('checks in at once with the decoded scene when WeChat opens it from the code', async () => {
    mocked.checkIn.mockResolvedValue(checkedIn())
    __setRouterParams({ scene: encodeURIComponent(`pages/checkin/index?scene=${TOKEN}`) })
    render(<CheckinPage />)
    expect(await screen.findByText('签到成功')).toBeTruthy()
    expect(mocked.checkIn).toHaveBeenCalledTimes(1)
    expect(mocked.checkIn).toHaveBeenCalledWith(`pages/checkin/index?scene=${TOKEN}`)
  })

  it('shows the course, the lesson, its time and venue after a successful check-in', async () => {
    mocked.checkIn.mockResolvedValue(checkedIn())
    __setRouterParams({ scene: TOKEN })
    render(<CheckinPage />)
    expect(await screen.findByText('签到成功')).toBeTruthy()
    expect(screen.getByText('AI 办公助手实战')).toBeTruthy()
    expect(screen.getByText('第 1 课（共 4 课）')).toBeTruthy()
    expect(screen.getByText('11月28日 周六 19:00–21:00')).toBeTruthy()
    expect(screen.getByText('市职工服务中心')).toBeTruthy()
    expect(screen.queryByText('迟到')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '完成' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  it('marks a late check-in with a 迟到 badge', async () => {
    mocked.checkIn.mockResolvedValue(checkedIn({ late: true, at: '2026-11-28T11:25:00.000Z' }))
    __setRouterParams({ scene: TOKEN })
    render(<CheckinPage />)
    expect(await screen.findByText('签到成功')).toBeTruthy()
    expect(screen.getByText('迟到')).toBeTruthy()
    expect(screen.getByText(/19:25/)).toBeTruthy()
  })

  it('says 您已签到过了 with the time of the first check-in on a repeat scan', async () => {
    mocked.checkIn.mockResolvedValue(checkedIn({ status: 'already', at: '2026-11-28T10:48:00.000Z' }))
    __setRouterParams({ scene: TOKEN })
    render(<CheckinPage />)
    expect(await screen.findByText('您已签到过了')).toBeTruthy()
    expect(screen.getByText(/签到时间 .*18:48/)).toBeTruthy()
    expect(screen.queryByText('签到成功')).toBeNull()
  })

  it('shows a refusal with its message, and 重新扫码 opens the scanner again', async () => {
    mocked.canScanCode.mockReturnValue(true)
    mocked.checkIn
      .mockResolvedValueOnce(refused('CHECKIN.EXPIRED', '签到码已更新，请重新扫描现场大屏上的最新二维码'))
      .mockResolvedValueOnce(checkedIn())
    mocked.scanCheckinCode.mockResolvedValue(`pages/checkin/index?scene=${TOKEN}`)
    __setRouterParams({ scene: 'old-token' })
    render(<CheckinPage />)
    expect(await screen.findByText('签到码已更新')).toBeTruthy()
    expect(screen.getByText('签到码已更新，请重新扫描现场大屏上的最新二维码')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '重新扫码' }))
    })
    expect(mocked.scanCheckinCode).toHaveBeenCalledTimes(1)
    expect(mocked.checkIn).toHaveBeenLastCalledWith(`pages/checkin/index?scene=${TOKEN}`)
    expect(await screen.findByText('签到成功')).toBeTruthy()
  })

  it('shows when check-in opens for a code scanned too early', async () => {
    mocked.checkIn.mockResolvedValue(refused('CHECKIN.NOT_OPEN', '签到将于 12月4日（明天）18:30 开放，请到时再扫码'))
    __setRouterParams({ scene: TOKEN })
    render(<CheckinPage />)
    expect(await screen.findByText('签到还没开始')).toBeTruthy()
    expect(screen.getByText('签到将于 12月4日（明天）18:30 开放，请到时再扫码')).toBeTruthy()
    // No scanner on H5: the way back is typing the code again.
    fireEvent.click(screen.getByRole('button', { name: '重新输入签到码' }))
    expect(screen.getByLabelText('签到码')).toBeTruthy()
  })

  it('on H5 takes the typed code, without the spaces it is printed with', async () => {
    mocked.checkIn.mockResolvedValue(checkedIn())
    render(<CheckinPage />)
    expect(screen.queryByRole('button', { name: '扫码签到' })).toBeNull()
    const submit = screen.getByRole('button', { name: '签到' }) as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    fireEvent.change(screen.getByLabelText('签到码'), { target: { value: ' zqPW aFuk 1z9v jfio W5bZ y4Wz ' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '签到' }))
    })
    expect(mocked.checkIn).toHaveBeenCalledWith(TOKEN)
    expect(await screen.findByText('签到成功')).toBeTruthy()
  })

  it('sends one request however often 签到 is tapped while it runs', async () => {
    let answer: (reply: Reply<CheckInResult>) => void = () => {}
    mocked.checkIn.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    render(<CheckinPage />)
    fireEvent.change(screen.getByLabelText('签到码'), { target: { value: TOKEN } })
    const submit = screen.getByRole('button', { name: '签到' })
    // Two taps before React has re-rendered, then a third on whatever is on screen.
    act(() => {
      submit.click()
      submit.click()
    })
    expect(await screen.findByText('正在签到…')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '签到' })).toBeNull()
    expect(mocked.checkIn).toHaveBeenCalledTimes(1)
    await act(async () => answer(checkedIn()))
    expect(screen.getByText('签到成功')).toBeTruthy()
    expect(mocked.checkIn).toHaveBeenCalledTimes(1)
  })

  it('on the weapp offers the scanner first and typing only on request', async () => {
    mocked.canScanCode.mockReturnValue(true)
    mocked.scanCheckinCode.mockResolvedValue(null)
    render(<CheckinPage />)
    expect(screen.queryByLabelText('签到码')).toBeNull()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '扫码签到' }))
    })
    // Closing the scanner sends nothing.
    expect(mocked.scanCheckinCode).toHaveBeenCalledTimes(1)
    expect(mocked.checkIn).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '扫不了？输入 6 位数字码' }))
    expect(screen.getByLabelText('签到码')).toBeTruthy()
  })

  it('sends the phone position with the code, and the 6 digits for the one lesson of today', async () => {
    mocked.locate.mockResolvedValue({ ok: true, position: HERE, ms: 40 })
    mocked.myCheckinLessons.mockResolvedValue({
      ok: true,
      data: {
        lessons: [
          {
            lesson: lessonRef(),
            opensAt: '2026-11-28T10:30:00.000Z',
            closesAt: '2026-11-28T13:00:00.000Z',
            presence: { mode: 'location', radiusM: 300, venueLocated: true, allowDigits: false },
            checkedIn: false,
          },
        ],
      },
    })
    mocked.checkInDigits.mockResolvedValue(checkedIn())
    render(<CheckinPage />)
    // Today's lessons arrive with the typing box.
    await act(async () => {})
    expect(mocked.myCheckinLessons).toHaveBeenCalledTimes(1)
    fireEvent.change(screen.getByLabelText('签到码'), { target: { value: '123 456' } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '签到' }))
    })
    expect(mocked.checkInDigits).toHaveBeenCalledWith(lessonRef().lessonId, '123456', HERE)
    expect(mocked.checkIn).not.toHaveBeenCalled()
    expect(await screen.findByText('签到成功')).toBeTruthy()
  })

  it('after a refusal for want of a position says how to allow it and offers the personal code', async () => {
    mocked.locate.mockResolvedValue({ ok: false, reason: 'denied', ms: 3 })
    mocked.checkIn.mockResolvedValue(refused('CHECKIN.LOCATION_REQUIRED', '这节课签到需要确认您在上课现场'))
    render(<CheckinPage />)
    fireEvent.change(screen.getByLabelText('签到码'), { target: { value: TOKEN } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '签到' }))
    })
    expect(mocked.checkIn).toHaveBeenCalledWith(TOKEN)
    expect(await screen.findByText('需要确认您在上课现场')).toBeTruthy()
    expect(screen.getByText('没有获得位置权限')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '出示我的签到码' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-outcomes/pages/checkin-pass/index' })
  })
})
