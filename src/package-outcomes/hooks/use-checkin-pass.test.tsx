import { act, renderHook } from '@testing-library/react'
import type { MyCheckinCode, MyCheckinLessonsResult, Reply } from '@core'
import { myCheckinCode, myCheckinLessons } from '@/services/checkin'
import { lessonRef } from '@/test-setup/fixtures'
import { useCheckinPass } from './use-checkin-pass'

jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())

const mocked = {
  lessons: myCheckinLessons as jest.MockedFunction<typeof myCheckinLessons>,
  code: myCheckinCode as jest.MockedFunction<typeof myCheckinCode>,
}

const today = (ids: string[]): Reply<MyCheckinLessonsResult> => ({
  ok: true,
  data: {
    lessons: ids.map((lessonId) => ({
      lesson: { ...lessonRef(), lessonId },
      opensAt: '2026-11-28T10:30:00.000Z',
      closesAt: '2026-11-28T13:00:00.000Z',
      presence: { mode: 'location', radiusM: 300, venueLocated: true, allowDigits: false },
      checkedIn: false,
    })),
  },
})
const code = (c: string): Reply<MyCheckinCode> => ({
  ok: true,
  data: { code: c, refreshInMs: 30_000, validUntil: '2026-11-28T11:01:00.000Z', lesson: lessonRef() },
})

beforeEach(() => {
  jest.clearAllMocks()
  jest.useFakeTimers()
})
afterEach(() => jest.useRealTimers())

describe('useCheckinPass', () => {
  it('shows the code of the only lesson today, fetches the next when it runs out, and stops once closed', async () => {
    mocked.lessons.mockResolvedValue(today(['l1']))
    let answer: (r: Reply<MyCheckinCode>) => void = () => {}
    mocked.code
      .mockResolvedValueOnce(code('WFIRST'))
      .mockResolvedValueOnce(code('WNEXT'))
      .mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
      .mockResolvedValue(code('WLATER'))
    const { result, unmount } = renderHook(() => useCheckinPass())
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(mocked.code).toHaveBeenCalledWith('l1')
    expect(result.current.code?.code).toBe('WFIRST')
    await act(async () => {
      await jest.advanceTimersByTimeAsync(30_000)
    })
    expect(result.current.code?.code).toBe('WNEXT')
    // The third fetch is in flight when the worker leaves the page: its answer schedules nothing.
    await act(async () => {
      await jest.advanceTimersByTimeAsync(30_000)
    })
    expect(mocked.code).toHaveBeenCalledTimes(3)
    unmount()
    answer(code('WLATE'))
    await jest.advanceTimersByTimeAsync(120_000)
    expect(mocked.code).toHaveBeenCalledTimes(3)
  })

  it('asks which lesson when there are several, and fetches no code until one is picked', async () => {
    mocked.lessons.mockResolvedValue(today(['l1', 'l2']))
    mocked.code.mockResolvedValue(code('WL2'))
    const { result } = renderHook(() => useCheckinPass())
    await act(async () => {
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(result.current.lessons).toHaveLength(2)
    expect(mocked.code).not.toHaveBeenCalled()
    await act(async () => {
      result.current.pick('l2')
      await jest.advanceTimersByTimeAsync(0)
    })
    expect(mocked.code).toHaveBeenCalledWith('l2')
    expect(result.current.current?.lesson.lessonId).toBe('l2')
  })
})
