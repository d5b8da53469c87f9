/** The catalog's search, 只看可报名, own places on the cards and the waiting-offer banner with the 我的 red dot. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ListCoursesResult, ListedCourse, LoginResult, Reply } from '@core'
import { CATEGORIES, INDUSTRIES, LEVELS } from '@core'
import { listCourses } from '@/services/catalog'
import { login } from '@/services/user'
import { DEV_OPENID_KEY } from '@/services/dev-identity'
import { resetSession } from '@/hooks/session-store'
import { courseCard } from '@/test-setup/fixtures'
import CatalogPage from '.'

jest.mock('@/services/catalog', () => ({ listCourses: jest.fn(), getCourse: jest.fn() }))
jest.mock('@/services/user', () => jest.requireActual('@/test-setup/service-mocks').workerUserService())

const mockedList = listCourses as jest.MockedFunction<typeof listCourses>
const mockedLogin = login as jest.MockedFunction<typeof login>
const taro = Taro as unknown as Record<string, jest.Mock>

const COURSES: ListedCourse[] = [
  {
    ...courseCard({ id: 'a', title: 'Excel 数据透视表速成', seatsLeft: 1 }),
    own: { status: 'enrolled', waitlistPosition: null },
  },
  {
    ...courseCard({ id: 'b', title: '无人机航拍入门', enrollState: 'full', seatsLeft: 0 }),
    own: { status: 'waitlisted', waitlistPosition: 2 },
  },
  { ...courseCard({ id: 'c', title: '跨境电商开店', seatsLeft: 12 }), own: null },
]

/** The catalog function: the search matches titles, 只看可报名 keeps courses with a seat left. */
function serveCatalog(input: Parameters<typeof listCourses>[0] = {}): Promise<Reply<ListCoursesResult>> {
  const items = COURSES.filter(
    (c) => (!input.search || c.title.includes(input.search)) && (!input.openOnly || c.enrollState === 'open'),
  )
  const data = { items, total: items.length, page: 1, pageSize: 10, hasMore: false }
  return Promise.resolve({
    ok: true,
    data: { ...data, categories: CATEGORIES, levels: LEVELS, industries: INDUSTRIES },
  })
}

function signedIn(patch: Partial<LoginResult> = {}) {
  const data: LoginResult = {
    role: 'worker',
    profileComplete: true,
    consentOutdated: false,
    name: '张伟',
    industry: null,
    ...patch,
  }
  mockedLogin.mockResolvedValue({ ok: true, data })
}

beforeEach(() => {
  jest.clearAllMocks()
  localStorage.setItem(DEV_OPENID_KEY, 'o_worker_001')
  resetSession()
  mockedList.mockImplementation(serveCatalog)
})

afterEach(() => {
  localStorage.removeItem(DEV_OPENID_KEY)
  resetSession()
})

const titles = () => Array.from(document.querySelectorAll('.xz-course-card__title')).map((e) => e.textContent)

async function renderPage() {
  render(<CatalogPage />)
  await screen.findByText('Excel 数据透视表速成')
}

describe('catalog for a worker with places', () => {
  it('names the worker’s own place on each card instead of the seats left', async () => {
    signedIn()
    await renderPage()
    expect(screen.getByText('已报名')).toBeTruthy()
    expect(screen.getByText('候补第 2 位')).toBeTruthy()
    expect(screen.queryByText('仅剩 1 席')).toBeNull()
  })

  it('searches on 搜索 and 只看可报名 narrows the list, each sent to the server', async () => {
    signedIn()
    await renderPage()
    const box = screen.getByLabelText('搜索课程、讲师或地点')
    fireEvent.input(box, { target: { value: '无人机' } })
    await act(async () => fireEvent.click(screen.getByText('搜索')))
    await waitFor(() => expect(titles()).toEqual(['无人机航拍入门']))
    expect(mockedList).toHaveBeenLastCalledWith(expect.objectContaining({ search: '无人机', page: 1 }))

    await act(async () => fireEvent.click(screen.getByLabelText('只看可报名')))
    await screen.findByText('没有与「无人机」有关的可报名课程')
    expect(mockedList).toHaveBeenLastCalledWith(expect.objectContaining({ search: '无人机', openOnly: true }))
    await act(async () => fireEvent.click(screen.getByText('查看全部课程')))
    await waitFor(() => expect(titles()).toHaveLength(3))
    expect((screen.getByLabelText('搜索课程、讲师或地点') as HTMLInputElement).value).toBe('')
  })
})

describe('a seat waiting for the worker', () => {
  it('shows the banner, sets the red dot on 我的, and the banner leads there', async () => {
    signedIn({ offers: [{ courseId: 'b', expiresAt: '2026-12-02T11:00:00.000Z' }] })
    await renderPage()
    await screen.findByText('您有一个候补名额待确认')
    expect(taro.showTabBarRedDot).toHaveBeenCalledWith({ index: 1 })
    await act(async () => fireEvent.click(screen.getByText('去确认 ›')))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' })
  })

  it('shows no banner and clears the dot when nothing waits', async () => {
    signedIn({ offers: [] })
    await renderPage()
    await waitFor(() => expect(taro.hideTabBarRedDot).toHaveBeenCalledWith({ index: 1 }))
    expect(screen.queryByText('您有一个候补名额待确认')).toBeNull()
    expect(taro.showTabBarRedDot).not.toHaveBeenCalled()
  })
})
