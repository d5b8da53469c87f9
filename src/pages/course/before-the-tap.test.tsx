/** The course page before and after the tap: the 3-course limit said up front, and an enroll finished after the profile. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import type { LoginResult, Reply } from '@core'
import { resetSession } from '@/hooks/session-store'
import { DEV_OPENID_KEY } from '@/services/dev-identity'
import { getCourse } from '@/services/catalog'
import { enroll } from '@/services/enrollment'
import { templates } from '@/services/reminders'
import { login } from '@/services/user'
import { forgetReminderTemplates } from '@/hooks/use-reminder-templates'
import { courseDetail } from '@/test-setup/fixtures'
import { REMINDER_TEMPLATES } from '@/test-setup/service-mocks'
import { __setRouterParams } from '@/test-setup/taro-mock'
import CoursePage from '.'

jest.mock('@/services/catalog', () => ({ getCourse: jest.fn(), listCourses: jest.fn() }))
jest.mock('@/services/enrollment', () => jest.requireActual('@/test-setup/service-mocks').enrollmentService())
jest.mock('@/services/user', () => jest.requireActual('@/test-setup/service-mocks').workerUserService())
jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())
jest.mock('@/services/reminders', () => jest.requireActual('@/test-setup/service-mocks').remindersService())

const mockedLogin = login as jest.MockedFunction<typeof login>
const mockedEnroll = enroll as jest.MockedFunction<typeof enroll>

const session = (patch: Partial<LoginResult>): Reply<LoginResult> => ({
  ok: true,
  data: { role: 'worker', profileComplete: true, consentOutdated: false, name: '张伟', industry: null, ...patch },
})

beforeEach(() => {
  jest.clearAllMocks()
  forgetReminderTemplates()
  // Signed in as a demo worker (the H5 flavour these tests run as).
  localStorage.setItem(DEV_OPENID_KEY, 'o_worker_001')
  resetSession()
  __setRouterParams({ id: 'course-1' })
  ;(getCourse as jest.Mock).mockResolvedValue({
    ok: true,
    data: courseDetail({ firstLessonAt: '2099-01-01T11:00:00.000Z' }),
  })
  ;(templates as jest.Mock).mockResolvedValue({ ok: true, data: { templates: REMINDER_TEMPLATES } })
})

afterEach(() => {
  localStorage.removeItem(DEV_OPENID_KEY)
  resetSession()
})

const renderPage = async () => {
  render(<CoursePage />)
  await screen.findByText('AI 办公助手实战', { selector: '.xz-course__title' })
}

describe('the 3-course limit, before the tap', () => {
  it('says how many courses the worker holds of the 3 allowed', async () => {
    mockedLogin.mockResolvedValue(session({ activeCount: 2 }))
    await renderPage()
    expect(await screen.findByText('您已报名 2 门，最多可同时报名 3 门')).toBeTruthy()
    expect(screen.getByRole('button', { name: '立即报名' })).toBeTruthy()
  })

  it('counts the new place once a seat is taken (the session is read again)', async () => {
    mockedLogin.mockResolvedValue(session({ activeCount: 1 }))
    mockedEnroll.mockResolvedValue({ ok: true, data: { status: 'enrolled', waitlistPosition: null } })
    await renderPage()
    await screen.findByText('您已报名 1 门，最多可同时报名 3 门')
    mockedLogin.mockResolvedValue(session({ activeCount: 2 }))
    fireEvent.click(screen.getByRole('button', { name: '立即报名' }))
    await screen.findByText('报名成功')
    await waitFor(() => expect(mockedLogin).toHaveBeenCalledTimes(2))
  })

  it('at the limit, shows 已达报名上限 with the reason instead of 报名', async () => {
    mockedLogin.mockResolvedValue(session({ activeCount: 3 }))
    await renderPage()
    expect(await screen.findByText('您已报名 3 门（最多同时 3 门），请先上完或取消其他课程再报名')).toBeTruthy()
    expect(screen.getByLabelText('已达报名上限，不能报名')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '立即报名' })).toBeNull()
  })
})

describe('after the profile', () => {
  it('finishes the enroll that sent the worker to the profile, without another tap', async () => {
    mockedLogin.mockResolvedValue(session({ profileComplete: false, name: null }))
    mockedEnroll.mockResolvedValue({ ok: true, data: { status: 'enrolled', waitlistPosition: null } })
    await renderPage()
    fireEvent.click(await screen.findByText('先完善个人信息'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' })
    expect(mockedEnroll).not.toHaveBeenCalled()
    // The profile page saved and reset the session; the worker comes back to this page.
    mockedLogin.mockResolvedValue(session({ activeCount: 0 }))
    await act(async () => resetSession())
    await waitFor(() => expect(mockedEnroll).toHaveBeenCalledWith({ courseId: 'course-1' }))
    expect(await screen.findByText('报名成功')).toBeTruthy()
    expect(mockedEnroll).toHaveBeenCalledTimes(1)
  })

  it('does nothing on its own for a worker who came to the page without that detour', async () => {
    mockedLogin.mockResolvedValue(session({ activeCount: 0 }))
    await renderPage()
    await act(async () => resetSession())
    await screen.findByRole('button', { name: '立即报名' })
    expect(mockedEnroll).not.toHaveBeenCalled()
  })
})
