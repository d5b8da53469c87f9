import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro, { useDidShow } from '@tarojs/taro'
import { myAttendance } from '@/services/checkin'
import { cancelEnrollment, confirmOffer, myEnrollments } from '@/services/enrollment'
import { askSubscription, mySubscriptions, templates } from '@/services/reminders'
import { deleteProfile, login } from '@/services/user'
import { DEV_OPENID_KEY } from '@/services/dev-identity'
import { resetSession } from '@/hooks/session-store'
import { forgetReminderTemplates } from '@/hooks/use-reminder-templates'
import { enrollmentView } from '@/test-setup/fixtures'
import { REMINDER_TEMPLATES } from '@/test-setup/service-mocks'
import MePage from '.'

jest.mock('@/services/enrollment', () => jest.requireActual('@/test-setup/service-mocks').enrollmentService())
jest.mock('@/services/user', () => jest.requireActual('@/test-setup/service-mocks').workerUserService())
jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())
jest.mock('@/services/reminders', () => jest.requireActual('@/test-setup/service-mocks').remindersService())

const mocked = {
  myEnrollments: myEnrollments as jest.MockedFunction<typeof myEnrollments>,
  cancelEnrollment: cancelEnrollment as jest.MockedFunction<typeof cancelEnrollment>,
  confirmOffer: confirmOffer as jest.MockedFunction<typeof confirmOffer>,
  showModal: Taro.showModal as unknown as jest.Mock,
  useDidShow: useDidShow as unknown as jest.Mock,
  templates: templates as jest.MockedFunction<typeof templates>,
  askSubscription: askSubscription as jest.MockedFunction<typeof askSubscription>,
  mySubscriptions: mySubscriptions as jest.MockedFunction<typeof mySubscriptions>,
}

function credits(lessonReminder: number, seatOffer: number, courseChange: number) {
  return { ok: true as const, data: { credits: { lessonReminder, seatOffer, courseChange } } }
}

const enrolled = enrollmentView({}, { id: 'c1', title: 'AI 办公助手实战' })
const waitlisted = enrollmentView({ status: 'waitlisted', waitlistPosition: 2 }, { id: 'c2', title: '无人机航拍入门' })
const offered = enrollmentView(
  { status: 'offered', offerExpiresAt: '2026-11-21T06:00:00.000Z' },
  { id: 'c3', title: '跨境电商开店实务' },
)
const cancelled = enrollmentView({ status: 'cancelled', canCancel: false }, { id: 'c4', title: '数据分析基础' })
const expired = enrollmentView({ status: 'expired', canCancel: false }, { id: 'c5', title: '工业机器人编程' })

async function renderPage() {
  render(<MePage />)
  await screen.findByText('我的课程')
  // Let the chained first reads (templates, then the counts) land before a test starts tapping.
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)))
}

beforeEach(() => {
  jest.clearAllMocks()
  forgetReminderTemplates()
  mocked.templates.mockResolvedValue({ ok: true, data: { templates: REMINDER_TEMPLATES } })
  mocked.askSubscription.mockResolvedValue({})
  mocked.mySubscriptions.mockResolvedValue(credits(0, 0, 0))
  ;(myAttendance as jest.Mock).mockResolvedValue({ ok: true, data: { lessons: {} } })
  mocked.myEnrollments.mockResolvedValue({
    ok: true,
    data: { active: [enrolled, waitlisted, offered], past: [cancelled, expired] },
  })
  mocked.showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
})

describe('我的 page', () => {
  it('lists active courses with their Chinese status labels', async () => {
    await renderPage()
    expect(await screen.findByText('AI 办公助手实战')).toBeTruthy()
    expect(screen.getByText('已报名')).toBeTruthy()
    expect(screen.getByText('候补第 2 位')).toBeTruthy()
    expect(screen.getByText('待确认·截止 11月21日 周六 14:00')).toBeTruthy()
    expect(screen.getByText('共 3 门')).toBeTruthy()
  })

  it('offers 确认参加 on an offered seat and shows 报名成功 after confirming', async () => {
    mocked.confirmOffer.mockResolvedValue({ ok: true, data: { status: 'enrolled' } })
    await renderPage()
    const buttons = await screen.findAllByRole('button', { name: '确认参加' })
    expect(buttons).toHaveLength(1)
    await act(async () => {
      fireEvent.click(buttons[0])
    })
    expect(mocked.confirmOffer).toHaveBeenCalledWith('c3')
    expect(await screen.findByText('报名成功')).toBeTruthy()
    expect(screen.getByText('跨境电商开店实务', { selector: '.xz-result-sheet__title' })).toBeTruthy()
  })

  it('keeps the history folded until asked, then shows 已取消 and 已过期', async () => {
    await renderPage()
    await screen.findByText('历史记录')
    expect(screen.queryByText('已取消')).toBeNull()
    fireEvent.click(screen.getByText('历史记录'))
    expect(screen.getByText('已取消')).toBeTruthy()
    expect(screen.getByText('已过期')).toBeTruthy()
  })

  it('asks before cancelling and does nothing when the worker says no', async () => {
    mocked.showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    await renderPage()
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: '取消报名' }))
    })
    expect(mocked.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确定取消报名？' }))
    expect(mocked.cancelEnrollment).not.toHaveBeenCalled()
  })

  it('cancels after a yes and re-reads the list', async () => {
    mocked.cancelEnrollment.mockResolvedValue({ ok: true, data: { status: 'cancelled' } })
    await renderPage()
    await screen.findByText('AI 办公助手实战')
    mocked.myEnrollments.mockResolvedValue({ ok: true, data: { active: [waitlisted], past: [cancelled] } })
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '取消报名' }))
    })
    expect(mocked.cancelEnrollment).toHaveBeenCalledWith('c1')
    await waitFor(() => expect(screen.queryByText('AI 办公助手实战')).toBeNull())
  })

  it('opens the course page on a card tap', async () => {
    await renderPage()
    fireEvent.click(await screen.findByText('无人机航拍入门'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/course/index?id=c2' })
  })

  it('shows an empty state that leads to the catalog', async () => {
    mocked.myEnrollments.mockResolvedValue({ ok: true, data: { active: [], past: [] } })
    await renderPage()
    expect(await screen.findByText('还没有报名课程，去课程页看看')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '去选课' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/catalog/index' })
  })

  it('shows a load failure with 重试', async () => {
    mocked.myEnrollments.mockResolvedValueOnce({
      ok: false,
      error: { code: 'COMMON.INTERNAL', message: '网络不太好，请稍后重试' },
    })
    await renderPage()
    expect(await screen.findByText('网络不太好，请稍后重试')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '重试' }))
    })
    expect(await screen.findByText('AI 办公助手实战')).toBeTruthy()
  })

  it('re-reads the list each time the tab is shown again', async () => {
    await renderPage()
    await screen.findByText('AI 办公助手实战')
    const calls = mocked.myEnrollments.mock.calls.length
    const onShow = mocked.useDidShow.mock.calls.at(-1)?.[0] as () => void
    await act(async () => {
      onShow() // the first show: the mount already loaded
      onShow()
    })
    expect(mocked.myEnrollments.mock.calls.length).toBe(calls + 1)
  })

  it('marks checked-in lessons on the card and sums up attendance', async () => {
    ;(myAttendance as jest.Mock).mockResolvedValue({
      ok: true,
      data: { lessons: { l1: { at: '2026-11-28T11:12:00.000Z', late: true } } },
    })
    mocked.myEnrollments.mockResolvedValue({ ok: true, data: { active: [enrolled], past: [] } })
    await renderPage()
    expect(await screen.findByText('已签到 1/2 课')).toBeTruthy()
    expect(screen.getByText('已签到课次').previousSibling?.textContent).toBe('1')
    expect(screen.getByText('迟到', { selector: '.xz-me__attendance-label' }).previousSibling?.textContent).toBe('1')
  })

  it('offers 签到 on a course whose lesson is open for check-in, opening the check-in page', async () => {
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
    const soon = enrollmentView(
      {
        canCancel: false,
        lessons: [
          {
            id: 'l1',
            index: 1,
            startsAt: at(10),
            endsAt: at(130),
            checkinOpensAt: at(-20),
            venue: { name: '市职工服务中心', address: '建设路 88 号' },
          },
        ],
      },
      { id: 'c1', title: 'AI 办公助手实战' },
    )
    mocked.myEnrollments.mockResolvedValue({ ok: true, data: { active: [soon], past: [] } })
    await renderPage()
    await act(async () => {
      fireEvent.click(await screen.findByRole('button', { name: '签到' }))
    })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/checkin/index' })
  })

  describe('微信提醒', () => {
    it('shows how many reminders of each kind can still be received, and why to tap more than once', async () => {
      mocked.mySubscriptions.mockResolvedValue(credits(1, 0, 2))
      await renderPage()
      expect(await screen.findByText('上课提醒：已开启 · 递补通知：未开启 · 变更通知：已开启')).toBeTruthy()
      expect(screen.getByText('微信提醒')).toBeTruthy()
      expect(screen.getByText('点「开启提醒」并选择「允许」，上课前微信会提醒您')).toBeTruthy()
    })

    it('asks for all templates on 开启提醒, then shows the new counts', async () => {
      await renderPage()
      await screen.findByText('上课提醒：未开启 · 递补通知：未开启 · 变更通知：未开启')
      mocked.askSubscription.mockResolvedValueOnce({ 'tmpl-lesson': 'accept', 'tmpl-offer': 'accept' })
      mocked.mySubscriptions.mockResolvedValue(credits(1, 1, 0))
      const readsBefore = mocked.mySubscriptions.mock.calls.length
      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: '开启提醒' }))
      })
      expect(mocked.askSubscription).toHaveBeenCalledWith(['tmpl-lesson', 'tmpl-offer', 'tmpl-change'])
      expect(await screen.findByText('上课提醒：已开启 · 递补通知：已开启 · 变更通知：未开启')).toBeTruthy()
      expect(mocked.mySubscriptions.mock.calls.length).toBe(readsBefore + 1)
    })

    it('lists only the kinds configured here', async () => {
      mocked.templates.mockResolvedValue({ ok: true, data: { templates: [REMINDER_TEMPLATES[0]] } })
      mocked.mySubscriptions.mockResolvedValue(credits(2, 0, 0))
      await renderPage()
      expect(await screen.findByText('上课提醒：已开启')).toBeTruthy()
    })

    it('hides the card when no template is configured, without reading any counts', async () => {
      mocked.templates.mockResolvedValue({ ok: true, data: { templates: [] } })
      await renderPage()
      await screen.findByText('AI 办公助手实战')
      await waitFor(() => expect(mocked.templates).toHaveBeenCalled())
      expect(screen.queryByText('微信提醒')).toBeNull()
      expect(mocked.mySubscriptions).not.toHaveBeenCalled()
    })

    it('hides the card when the counts cannot be read', async () => {
      mocked.mySubscriptions.mockResolvedValue({
        ok: false,
        error: { code: 'COMMON.INTERNAL', message: '网络不太好，请稍后重试' },
      })
      await renderPage()
      await screen.findByText('AI 办公助手实战')
      await waitFor(() => expect(mocked.mySubscriptions).toHaveBeenCalled())
      expect(screen.queryByText('微信提醒')).toBeNull()
    })

    it('asks first in the 确认参加 tap, confirms even when nothing was allowed', async () => {
      mocked.confirmOffer.mockResolvedValue({ ok: true, data: { status: 'enrolled' } })
      await renderPage()
      await act(async () => {
        fireEvent.click(await screen.findByRole('button', { name: '确认参加' }))
      })
      expect(mocked.askSubscription).toHaveBeenCalledWith(['tmpl-lesson', 'tmpl-offer', 'tmpl-change'])
      expect(mocked.askSubscription.mock.invocationCallOrder[0]).toBeLessThan(
        mocked.confirmOffer.mock.invocationCallOrder[0],
      )
      expect(mocked.confirmOffer).toHaveBeenCalledWith('c3')
      expect(await screen.findByText('报名成功')).toBeTruthy()
      expect(screen.getByText('开课时间和地点可在「我的课程」中随时查看，请按时到场签到。')).toBeTruthy()
    })

    it('promises the reminder after 确认参加 when the worker allowed it', async () => {
      mocked.confirmOffer.mockResolvedValue({ ok: true, data: { status: 'enrolled' } })
      mocked.askSubscription.mockResolvedValueOnce({ 'tmpl-lesson': 'accept' })
      await renderPage()
      await act(async () => {
        fireEvent.click(await screen.findByRole('button', { name: '确认参加' }))
      })
      expect(
        await screen.findByText('开课前一天会通过微信提醒您；开课时间和地点也可在「我的课程」中查看。'),
      ).toBeTruthy()
    })
  })
})

describe('注销账号', () => {
  const deleteButton = () => screen.findByRole('button', { name: '注销账号' })

  // Signed in as a registered worker (the H5 flavour: a chosen demo identity).
  beforeEach(() => {
    localStorage.setItem(DEV_OPENID_KEY, 'o_worker_001')
    resetSession()
  })

  afterEach(() => {
    localStorage.removeItem(DEV_OPENID_KEY)
    resetSession()
  })

  it('deletes after the worker confirms, then starts again from the first screen with a fresh session', async () => {
    await renderPage()
    const logins = (login as jest.Mock).mock.calls.length
    await act(async () => {
      fireEvent.click(await deleteButton())
    })
    expect(mocked.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '注销账号', confirmText: '确认注销' }),
    )
    expect(deleteProfile).toHaveBeenCalledTimes(1)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/catalog/index' })
    // The old session is gone: the demo identity is forgotten and nobody is signed in any more.
    expect(localStorage.getItem(DEV_OPENID_KEY)).toBeNull()
    expect(await screen.findByText('未登记')).toBeTruthy()
    expect((login as jest.Mock).mock.calls.length).toBe(logins)
  })

  it('sends nothing when the worker steps back in the dialog', async () => {
    await renderPage()
    mocked.showModal.mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' })
    await act(async () => {
      fireEvent.click(await deleteButton())
    })
    expect(deleteProfile).not.toHaveBeenCalled()
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it("shows the server's refusal plainly and stays on the page", async () => {
    const message = '您还有报名中、候补或待确认的课程，请先在「我的课程」中取消后再删除个人信息'
    ;(deleteProfile as jest.Mock).mockResolvedValueOnce({
      ok: false,
      error: { code: 'USER.HAS_ACTIVE_ENROLLMENTS', message },
    })
    await renderPage()
    await act(async () => {
      fireEvent.click(await deleteButton())
    })
    expect((await screen.findByRole('alert')).textContent).toBe(message)
    expect(Taro.reLaunch).not.toHaveBeenCalled()
    expect(screen.getByRole('button', { name: '注销账号' })).toBeTruthy()
  })
})

describe('工作人员入口', () => {
  afterEach(() => {
    localStorage.removeItem(DEV_OPENID_KEY)
    resetSession()
  })

  it('comes first on 我的 for a staff account, above their own courses, and opens the 工作台', async () => {
    ;(login as jest.Mock).mockResolvedValue({
      ok: true,
      data: { role: 'staff', profileComplete: true, consentOutdated: false, name: '王芳', industry: null },
    })
    localStorage.setItem(DEV_OPENID_KEY, 'o_staff_demo')
    resetSession()
    await renderPage()
    const entry = await screen.findByText('工作人员入口')
    const courses = screen.getByText('我的课程')
    expect(entry.compareDocumentPosition(courses) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    fireEvent.click(entry)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/home/index' })
  })

  it('is not there for a worker', async () => {
    await renderPage()
    expect(screen.queryByText('工作人员入口')).toBeNull()
  })
})
