import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { listCourses } from '@/services/catalog'
import { login } from '@/services/user'
import { courseCard } from '@/test-setup/fixtures'
import { signInAs } from '../../testing/session'
import StaffCoursesPage from '.'

jest.mock('@/services/user', () => ({ login: jest.fn() }))
jest.mock('@/services/catalog', () => ({ listCourses: jest.fn(), getCourse: jest.fn() }))

const mockedList = listCourses as jest.MockedFunction<typeof listCourses>

beforeEach(() => {
  jest.clearAllMocks()
  signInAs(login as jest.Mock)
})

describe('staff course list', () => {
  it('lists courses with seats and waitlist, filters by category and opens the manage page', async () => {
    mockedList.mockResolvedValue({
      ok: true,
      data: {
        items: [courseCard({ id: 'c-7', seatsTaken: 12, capacity: 40, waitlistLength: 3 })],
        total: 1,
        page: 1,
        pageSize: 10,
        hasMore: false,
        categories: [],
        levels: [],
        industries: [],
      },
    })
    render(<StaffCoursesPage />)
    expect((await screen.findByText('已占 / 名额')).previousSibling?.textContent).toBe('12 / 40')
    await act(async () => {
      fireEvent.click(screen.getByText('无人机'))
    })
    expect(mockedList).toHaveBeenLastCalledWith(expect.objectContaining({ category: '无人机', page: 1 }))
    fireEvent.click(await screen.findByRole('link', { name: 'AI 办公助手实战' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/course-manage/index?id=c-7' })
    fireEvent.click(screen.getByRole('button', { name: '＋ 新建课程' }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/package-staff/pages/course-edit/index' })
  })
})
