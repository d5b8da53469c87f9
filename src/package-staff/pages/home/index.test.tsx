import { fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { listCourses } from '@/services/catalog'
import { login } from '@/services/user'
import { todayLessons } from '@/services/admin'
import type { TodayLesson } from '@core'
import { courseCard } from '@/test-setup/fixtures'
import { signInAs } from '../../testing/session'
import StaffHomePage from '.'

jest.mock('@/services/user', () => ({ login: jest.fn() }))
jest.mock('@/services/catalog', () => ({ listCourses: jest.fn(), getCourse: jest.fn() }))
jest.mock('@/services/admin', () => ({ todayLessons: jest.fn() }))

const mockedToday = todayLessons as jest.MockedFunction<typeof todayLessons>
const DAY = '2026-12-01'
function lesson(over: Partial<TodayLesson> = {}): TodayLesson {
  return {
    lessonId: 'c1_l2',
    courseId: 'c1',
    courseTitle: '无人机操控入门',
    index: 2,
    lessonCount: 3,
    startsAt: '2099-12-01T10:30:00.000Z',
    endsAt: '2099-12-01T12:30:00.000Z',
    venueName: '市职工服务中心',
    capacity: 40,
    enrolled: 35,
    checkedIn: 12,
    ...over,
  }
}

const mockedList = listCourses as jest.MockedFunction<typeof listCourses>

function listPage(items: ReturnType<typeof courseCard>[], page: number, hasMore: boolean) {
  return {
    ok: true as const,
    data: { items, total: 3, page, pageSize: 50, hasMore, categories: [], levels: [], industries: [] },
  }
}

beforeEach(() => {
  jest.clearAllMocks()
  mockedToday.mockResolvedValue({ ok: true, data: { day: DAY, lessons: [] } })
})

describe('staff home', () => {
  it('refuses a worker plainly', async () => {
    signInAs(login as jest.Mock, 'worker', '张伟')
    render(<StaffHomePage />)
    expect(await screen.findByText('该功能仅限工会工作人员使用')).toBeTruthy()
    expect(mockedList).not.toHaveBeenCalled()
    expect(mockedToday).not.toHaveBeenCalled()
  })

  it("opens on today's lessons, each one tap from its 签到码 and 考勤", async () => {
    signInAs(login as jest.Mock)
    mockedList.mockResolvedValue(listPage([], 1, false))
    mockedToday.mockResolvedValue({
      ok: true,
      data: {
        day: DAY,
        lessons: [lesson(), lesson({ lessonId: 'c2_l1', courseTitle: '数据看板', index: 1, lessonCount: 1 })],
      },
    })
    render(<StaffHomePage />)
    const first = await screen.findByRole('listitem', { name: '无人机操控入门' })
    expect(screen.getByText('12月1日 周二')).toBeTruthy()
    expect(first.textContent).toContain('第 2/3 次课 · 市职工服务中心')
    expect(first.textContent).toContain('已报名 35/40 · 已签到 12')
    expect(first.textContent).toContain('18:30–20:30')
    fireEvent.click(within(first).getByText('签到码'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/package-staff/pages/checkin-code/index?id=c1_l2' })
    fireEvent.click(within(screen.getByRole('listitem', { name: '数据看板' })).getByText('考勤'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/package-staff/pages/attendance/index?id=c2_l1' })
  })

  it('says when there is no lesson today, and offers a retry when the list fails', async () => {
    signInAs(login as jest.Mock)
    mockedList.mockResolvedValue(listPage([], 1, false))
    render(<StaffHomePage />)
    expect(await screen.findByText('今天没有课', { exact: false })).toBeTruthy()

    mockedToday.mockReset()
    mockedToday
      .mockResolvedValueOnce({ ok: false, error: { code: 'COMMON.INTERNAL', message: '服务繁忙' } })
      .mockResolvedValueOnce({ ok: true, data: { day: DAY, lessons: [lesson()] } })
    const { unmount } = render(<StaffHomePage />)
    fireEvent.click(await screen.findByText('服务繁忙，点此重试'))
    expect(await screen.findByRole('listitem', { name: '无人机操控入门' })).toBeTruthy()
    unmount()
  })

  it('sums courses, seats and waitlist over every catalog page', async () => {
    signInAs(login as jest.Mock)
    mockedList
      .mockResolvedValueOnce(
        listPage(
          [
            courseCard({ id: 'a', seatsTaken: 40, capacity: 40, waitlistLength: 5 }),
            courseCard({ id: 'b', seatsTaken: 10, capacity: 30 }),
          ],
          1,
          true,
        ),
      )
      .mockResolvedValueOnce(listPage([courseCard({ id: 'c', seatsTaken: 0, capacity: 30 })], 2, false))
    render(<StaffHomePage />)
    expect(await screen.findByText('在列课程')).toBeTruthy()
    expect(screen.getByText('在列课程').previousSibling?.textContent).toBe('3')
    expect(screen.getByText('已占名额 / 总名额 · 50%').previousSibling?.textContent).toBe('50/100')
    expect(screen.getByText('候补人次').previousSibling?.textContent).toBe('5')
    expect(mockedList).toHaveBeenLastCalledWith({ page: 2, pageSize: 50 })
    expect(screen.getByRole('link', { name: '课程管理' })).toBeTruthy()
    expect(screen.getByRole('link', { name: '导入课程表' })).toBeTruthy()
    fireEvent.click(screen.getByRole('link', { name: '项目进度' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/progress/index' })
    expect(screen.queryByText('即将上线')).toBeNull()
  })
})
