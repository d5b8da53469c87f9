import { act, renderHook } from '@testing-library/react'
import { useDidHide, useDidShow } from '@tarojs/taro'
import type { AttendanceLiveResult, Reply } from '@core'
import { attendanceLive } from '@/services/checkin'
import { lessonRef } from '@/test-setup/fixtures'
import { ATTENDANCE_POLL_MS, useAttendanceLive } from './use-attendance-live'

jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())

const mockedLive = attendanceLive as jest.MockedFunction<typeof attendanceLive>

const reply: Reply<AttendanceLiveResult> = {
  ok: true,
  data: {
    lesson: lessonRef(),
    opensAt: '2026-11-28T10:30:00.000Z',
    closesAt: '2026-11-28T13:00:00.000Z',
    expected: 2,
    present: 0,
    late: 0,
    entries: [],
  },
}

/** The latest handler the hook registered with a Taro page-lifecycle hook (a jest.fn in tests). */
function lastHandler(hook: unknown): () => void {
  const calls = (hook as jest.Mock).mock.calls
  return calls[calls.length - 1][0]
}

async function advance(ms: number) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms)
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  jest.useFakeTimers()
  mockedLive.mockResolvedValue(reply)
})

afterEach(() => {
  jest.useRealTimers()
})

describe('useAttendanceLive', () => {
  it('re-reads every 5 seconds while the page is visible, stops when hidden, resumes when shown', async () => {
    renderHook(() => useAttendanceLive('l1'))
    await advance(0)
    expect(mockedLive).toHaveBeenCalledTimes(1)
    await advance(ATTENDANCE_POLL_MS)
    expect(mockedLive).toHaveBeenCalledTimes(2)

    act(() => lastHandler(useDidHide)())
    await advance(ATTENDANCE_POLL_MS * 3)
    expect(mockedLive).toHaveBeenCalledTimes(2)

    act(() => lastHandler(useDidShow)())
    await advance(0)
    expect(mockedLive).toHaveBeenCalledTimes(3)
  })

  it('stops polling when the page goes away', async () => {
    const { unmount } = renderHook(() => useAttendanceLive('l1'))
    await advance(0)
    unmount()
    await advance(ATTENDANCE_POLL_MS * 3)
    expect(mockedLive).toHaveBeenCalledTimes(1)
  })

  it('keeps the last list when a re-read fails, and says so', async () => {
    const { result } = renderHook(() => useAttendanceLive('l1'))
    await advance(0)
    mockedLive.mockResolvedValueOnce({
      ok: false,
      error: { code: 'COMMON.INTERNAL', message: '网络不太好，请稍后重试' },
    })
    await advance(ATTENDANCE_POLL_MS)
    expect(result.current.status).toBe('ready')
    expect(result.current.live?.expected).toBe(2)
    expect(result.current.error?.code).toBe('COMMON.INTERNAL')
  })
})
