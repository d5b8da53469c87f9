import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { listCourses } from '@/services/catalog'
import { login } from '@/services/user'
import { courseCard } from '@/test-setup/fixtures'
import { signInAs } from '../../testing/session'
import StaffHomePage from '.'

jest.mock('@/services/user', () => ({ login: jest.fn() }))
jest.mock('@/services/catalog', () => ({ listCourses: jest.fn(), getCourse: jest.fn() }))

const mockedList = listCourses as jest.MockedFunction<typeof listCourses>

function listPage(items: ReturnType<typeof courseCard>[], page: number, hasMore: boolean) {
  return {
    ok: true as const,
    data: { items, total: 3, page, pageSize: 50, hasMore, categories: [], levels: [], industries: [] },
  }
}

beforeEach(() => {
  jest.clearAllMocks()
})

describe('staff home', () => {
  it('refuses a worker plainly', async () => {
    signInAs(login as jest.Mock, 'worker', '张伟')
    render(<StaffHomePage />)
    expect(await screen.findByText('该功能仅限工会工作人员使用')).toBeTruthy()
    expect(mockedList).not.toHaveBeenCalled()
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
    expect(screen.getByText('已报名 / 总名额 · 50%').previousSibling?.textContent).toBe('50/100')
    expect(screen.getByText('候补人次').previousSibling?.textContent).toBe('5')
    expect(mockedList).toHaveBeenLastCalledWith({ page: 2, pageSize: 50 })
    expect(screen.getByRole('link', { name: '课程管理' })).toBeTruthy()
    expect(screen.getByRole('link', { name: '导入课程表' })).toBeTruthy()
    fireEvent.click(screen.getByRole('link', { name: '项目进度' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/progress/index' })
    expect(screen.queryByText('即将上线')).toBeNull()
  })
})
