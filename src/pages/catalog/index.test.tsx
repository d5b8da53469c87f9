import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { ListCoursesResult, LoginResult, Reply } from '@core'
import { CATEGORIES, INDUSTRIES, LEVELS } from '@core'
import { listCourses } from '@/services/catalog'
import { login } from '@/services/user'
import { DEV_OPENID_KEY } from '@/services/dev-identity'
import { getSessionState, resetSession } from '@/hooks/session-store'
import { courseCard } from '@/test-setup/fixtures'
import CatalogPage from '.'

jest.mock('@/services/catalog', () => ({ listCourses: jest.fn(), getCourse: jest.fn() }))
jest.mock('@/services/user', () => jest.requireActual('@/test-setup/service-mocks').workerUserService())

const mockedList = listCourses as jest.MockedFunction<typeof listCourses>
const mockedLogin = login as jest.MockedFunction<typeof login>
const showModal = Taro.showModal as unknown as jest.Mock

const COURSES = [
  courseCard({ id: 'a', title: 'Excel 数据透视表速成', level: '入门', industries: [] }),
  courseCard({ id: 'b', title: '工业机器人示教编程', level: '进阶', industries: ['制造业'] }),
  courseCard({ id: 'c', title: 'Python 数据分析入门', level: '进阶', industries: ['信息技术', '金融'] }),
]

/** The catalog function, filtering the three courses above as the server does. */
function serveCatalog(input: Parameters<typeof listCourses>[0] = {}): Promise<Reply<ListCoursesResult>> {
  const items = COURSES.filter(
    (c) =>
      (!input.level || c.level === input.level) &&
      (!input.forIndustry || c.industries.length === 0 || c.industries.includes(input.forIndustry as never)),
  )
  const data = { items, total: items.length, page: 1, pageSize: 10, hasMore: false }
  return Promise.resolve({
    ok: true,
    data: { ...data, categories: CATEGORIES, levels: LEVELS, industries: INDUSTRIES },
  })
}

function signedInWith(industry: string | null) {
  const data: LoginResult = { role: 'worker', profileComplete: true, consentOutdated: false, name: '张伟', industry }
  mockedLogin.mockResolvedValue({ ok: true, data })
}

const titles = () => Array.from(document.querySelectorAll('.xz-course-card__title')).map((e) => e.textContent)

async function renderPage() {
  render(<CatalogPage />)
  await screen.findByText('Excel 数据透视表速成')
  // The toggle reads the worker's industry from the session.
  await waitFor(() => expect(getSessionState().status).toBe('ready'))
}

async function tap(text: string) {
  await act(async () => {
    fireEvent.click(screen.getByText(text))
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  // Signed in as a demo worker (the H5 flavour these tests run as).
  localStorage.setItem(DEV_OPENID_KEY, 'o_worker_001')
  resetSession()
  mockedList.mockImplementation(serveCatalog)
  signedInWith('制造业')
})

afterEach(() => {
  localStorage.removeItem(DEV_OPENID_KEY)
  resetSession()
})

describe('catalog filters', () => {
  it('filters by level, and 全部 shows every level again', async () => {
    await renderPage()
    await act(async () => {
      fireEvent.click(screen.getByLabelText('难度进阶'))
    })
    await waitFor(() => expect(titles()).toEqual(['工业机器人示教编程', 'Python 数据分析入门']))
    expect(mockedList).toHaveBeenLastCalledWith(expect.objectContaining({ level: '进阶', page: 1 }))
    await act(async () => {
      fireEvent.click(screen.getByLabelText('难度全部'))
    })
    await waitFor(() => expect(titles()).toHaveLength(3))
    expect(mockedList.mock.calls.at(-1)![0]).toMatchObject({ level: undefined })
  })

  it('适合我的行业 asks for the worker’s own industry, and lists what suits it', async () => {
    await renderPage()
    await tap('适合我的行业')
    await waitFor(() => expect(titles()).toEqual(['Excel 数据透视表速成', '工业机器人示教编程']))
    expect(mockedList).toHaveBeenLastCalledWith(expect.objectContaining({ forIndustry: '制造业' }))
    expect(screen.getByLabelText('适合制造业，已打开')).toBeTruthy()
    await tap('适合制造业')
    await waitFor(() => expect(titles()).toHaveLength(3))
  })

  it('offers a worker without an industry the profile page, and filters nothing', async () => {
    signedInWith(null)
    showModal.mockResolvedValueOnce({ confirm: true, cancel: false, errMsg: 'ok' })
    await renderPage()
    const calls = mockedList.mock.calls.length
    await tap('适合我的行业')
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '先选择您的行业', confirmText: '去选择' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' })
    expect(mockedList.mock.calls.length).toBe(calls)
    expect(screen.queryByLabelText(/已打开/)).toBeNull()
  })

  it('turns the toggle on when the worker comes back with an industry saved', async () => {
    signedInWith(null)
    await renderPage()
    await tap('适合我的行业')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' })
    // The profile page saves 交通物流 and resets the session, as useProfile does.
    signedInWith('交通物流')
    await act(async () => {
      resetSession()
    })
    expect(await screen.findByLabelText('适合交通物流，已打开')).toBeTruthy()
    expect(mockedList).toHaveBeenLastCalledWith(expect.objectContaining({ forIndustry: '交通物流' }))
  })

  it('keeps the filter on across a profile save that leaves the industry as it was', async () => {
    await renderPage()
    await tap('适合我的行业')
    await screen.findByLabelText('适合制造业，已打开')
    const calls = mockedList.mock.calls.length
    // A save elsewhere resets the session: while it reloads, the industry is unknown, not gone.
    await act(async () => {
      resetSession()
    })
    await waitFor(() => expect(getSessionState().status).toBe('ready'))
    expect(screen.getByLabelText('适合制造业，已打开')).toBeTruthy()
    expect(mockedList.mock.calls.slice(calls).every(([input]) => input?.forIndustry === '制造业')).toBe(true)
  })

  it('stays on the catalog when the worker declines to pick an industry now', async () => {
    signedInWith(null)
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' })
    await renderPage()
    await tap('适合我的行业')
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('says when nothing matches the filters, and shows everything on 查看全部课程', async () => {
    await renderPage()
    await act(async () => {
      fireEvent.click(screen.getByLabelText('难度实操'))
    })
    expect(await screen.findByText('没有符合条件的课程')).toBeTruthy()
    expect(screen.getByText('没有「实操」课程，换个条件看看吧')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByText('查看全部课程'))
    })
    await waitFor(() => expect(titles()).toHaveLength(3))
  })
})
