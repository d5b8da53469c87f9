import { act, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { CheckInResult, Reply } from '@core'
import { canScanCode, checkIn, scanCheckinCode } from '@/services/checkin'
import { lessonRef } from '@/test-setup/fixtures'
import { useCheckin, useCheckinEntry } from './use-checkin'

jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())

const mocked = {
  checkIn: checkIn as jest.MockedFunction<typeof checkIn>,
  canScanCode: canScanCode as jest.MockedFunction<typeof canScanCode>,
  scan: scanCheckinCode as jest.MockedFunction<typeof scanCheckinCode>,
}

const TOKEN = 'zqPWaFuk1z9vjfioW5bZy4Wz'

const done: Reply<CheckInResult> = {
  ok: true,
  data: { status: 'checked_in', late: false, at: '2026-11-28T11:02:00.000Z', lesson: lessonRef() },
}

beforeEach(() => {
  jest.clearAllMocks()
  mocked.canScanCode.mockReturnValue(false)
})

describe('useCheckin', () => {
  it('sends one check-in at a time: a second submit while the first runs reaches no server', async () => {
    let answer: (r: Reply<CheckInResult>) => void = () => {}
    mocked.checkIn.mockReturnValue(new Promise((resolve) => (answer = resolve)))
    const { result } = renderHook(() => useCheckin())
    let first: Promise<unknown> = Promise.resolve()
    let second: unknown
    act(() => {
      first = result.current.submit(TOKEN)
    })
    await act(async () => {
      second = await result.current.submit(TOKEN)
    })
    expect(second).toBeNull()
    expect(result.current.phase.kind).toBe('checking')
    await act(async () => {
      answer(done)
      await first
    })
    expect(mocked.checkIn).toHaveBeenCalledTimes(1)
    expect(result.current.phase).toEqual({ kind: 'done', result: done.ok ? done.data : null })
  })

  it('ignores an empty code', async () => {
    const { result } = renderHook(() => useCheckin())
    await act(async () => {
      await result.current.submit('   ')
    })
    expect(mocked.checkIn).not.toHaveBeenCalled()
    expect(result.current.phase.kind).toBe('idle')
  })
})

describe('useCheckinEntry', () => {
  it('without a scanner opens the check-in page to type the code', async () => {
    const { result } = renderHook(() => useCheckinEntry())
    expect(result.current.actionText).toBe('去签到')
    await act(() => result.current.start())
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/checkin/index' })
  })

  it('scans, then opens the check-in page with the token from the scanned path', async () => {
    mocked.canScanCode.mockReturnValue(true)
    mocked.scan.mockResolvedValue(`pages/checkin/index?scene=${TOKEN}`)
    const { result } = renderHook(() => useCheckinEntry())
    expect(result.current.actionText).toBe('扫码签到')
    await act(() => result.current.start())
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/pages/checkin/index?scene=${TOKEN}` })
  })

  it('goes nowhere when the worker closes the scanner', async () => {
    mocked.canScanCode.mockReturnValue(true)
    mocked.scan.mockResolvedValue(null)
    const { result } = renderHook(() => useCheckinEntry())
    await act(() => result.current.start())
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })
})
