import type { EnrollmentView, OwnPlaceView } from '@core'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouterParams } from '@/test-setup/taro-mock'
import type { EnrollResult, Reply } from '@core'
import { getCourse } from '@/services/catalog'
import { myAttendance } from '@/services/checkin'
import { cancelEnrollment, confirmOffer, declineOffer, enroll, myEnrollments } from '@/services/enrollment'
import { askSubscription, templates } from '@/services/reminders'
import { forgetReminderTemplates } from '@/hooks/use-reminder-templates'
import { courseDetail, enrollmentView } from '@/test-setup/fixtures'
import { REMINDER_TEMPLATES } from '@/test-setup/service-mocks'
import CoursePage from '.'

// Our own service modules, not the cloud SDK: the page's contract is "calls enroll with…".
jest.mock('@/services/catalog', () => ({ getCourse: jest.fn(), listCourses: jest.fn() }))
jest.mock('@/services/enrollment', () => jest.requireActual('@/test-setup/service-mocks').enrollmentService())
jest.mock('@/services/user', () => jest.requireActual('@/test-setup/service-mocks').workerUserService())
jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())
jest.mock('@/services/reminders', () => jest.requireActual('@/test-setup/service-mocks').remindersService())

const mocked = {
  getCourse: getCourse as jest.MockedFunction<typeof getCourse>,
  enroll: enroll as jest.MockedFunction<typeof enroll>,
  cancelEnrollment: cancelEnrollment as jest.MockedFunction<typeof cancelEnrollment>,
  confirmOffer: confirmOffer as jest.MockedFunction<typeof confirmOffer>,
  declineOffer: declineOffer as jest.MockedFunction<typeof declineOffer>,
  myEnrollments: myEnrollments as jest.MockedFunction<typeof myEnrollments>,
  showModal: Taro.showModal as unknown as jest.Mock,
  askSubscription: askSubscription as jest.MockedFunction<typeof askSubscription>,
  templates: templates as jest.MockedFunction<typeof templates>,
}

const ALL_TEMPLATES = ['tmpl-lesson', 'tmpl-offer', 'tmpl-change']

/** Whether `first` was called before `then` (the first call of each). */
type Called = { mock: { invocationCallOrder: number[] } }

function calledBefore(first: Called, then: Called): boolean {
  return first.mock.invocationCallOrder[0] < then.mock.invocationCallOrder[0]
}

function answerModal(confirm: boolean) {
  mocked.showModal.mockResolvedValueOnce({ confirm, cancel: !confirm, errMsg: 'showModal:ok' })
}

function refusal<T>(code: string, message: string): Reply<T> {
  return { ok: false, error: { code, message } } as Reply<T>
}

async function renderPage() {
  render(<CoursePage />)
  await screen.findByText('AI 办公助手实战', { selector: '.xz-course__title' })
}

/** The worker holds this place: getCourse answers it with the course, as the server does. */
function holding(
  place: Pick<EnrollmentView, 'status' | 'waitlistPosition' | 'offerExpiresAt' | 'cancelDeadline' | 'canCancel'>,
) {
  const mine = place as OwnPlaceView
  const base = mocked.getCourse.getMockImplementation()!
  mocked.getCourse.mockImplementation(async (...args) => {
    const reply = await base(...args)
    return reply.ok ? { ...reply, data: { ...reply.data, mine } } : reply
  })
}

async function tap(name: string) {
  await act(async () => {
    fireEvent.click(await screen.findByRole('button', { name }))
  })
}

const FAR_AHEAD = '2099-01-01T11:00:00.000Z'

beforeEach(() => {
  jest.clearAllMocks()
  forgetReminderTemplates()
  ;(myAttendance as jest.Mock).mockResolvedValue({ ok: true, data: { lessons: {} } })
  __setRouterParams({ id: 'course-1' })
  // A first lesson well ahead: enrolling needs no "cannot be cancelled" question unless a test says so.
  mocked.getCourse.mockResolvedValue({ ok: true, data: courseDetail({ firstLessonAt: FAR_AHEAD }) })
  mocked.showModal.mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
  mocked.templates.mockResolvedValue({ ok: true, data: { templates: REMINDER_TEMPLATES } })
  mocked.askSubscription.mockResolvedValue({})
})

describe('course page', () => {
  it('tells a worker when a course was cancelled, and why', async () => {
    mocked.getCourse.mockResolvedValue({
      ok: true,
      data: courseDetail({ enrollState: 'cancelled', cancelReason: '讲师临时出差，课程顺延' }),
    })
    await renderPage()
    expect(screen.getByText('本课程已取消')).toBeTruthy()
    expect(screen.getByText('原因：讲师临时出差，课程顺延')).toBeTruthy()
  })

  it('tags the level and says which industries the course suits', async () => {
    mocked.getCourse.mockResolvedValue({
      ok: true,
      data: courseDetail({ level: '进阶', industries: ['制造业', '交通物流', '金融', '教育'] }),
    })
    await renderPage()
    expect(screen.getByLabelText('难度：进阶').className).toContain('xz-level-tag--advanced')
    // The course page names every industry; only the cards shorten the list.
    expect(screen.getByText('适合：制造业、交通物流、金融、教育')).toBeTruthy()
  })

  it('says a course without industries suits every industry', async () => {
    await renderPage()
    expect(screen.getByText('适合所有行业')).toBeTruthy()
    expect(screen.getByText('入门')).toBeTruthy()
  })

  it('shows no cancellation notice for a running course', async () => {
    await renderPage()
    expect(screen.queryByText('本课程已取消')).toBeNull()
  })

  it('enrols on 立即报名, re-reads the course and shows the result with first lesson and venue', async () => {
    mocked.enroll.mockResolvedValue({ ok: true, data: { status: 'enrolled', waitlistPosition: null } })
    // The fixture's first lesson is past the cancel deadline already: the worker is told first.
    mocked.getCourse.mockResolvedValue({ ok: true, data: courseDetail() })
    await renderPage()
    const readsBefore = mocked.getCourse.mock.calls.length
    await tap('立即报名')
    await waitFor(() => expect(mocked.enroll).toHaveBeenCalledWith({ courseId: 'course-1' }))
    expect(mocked.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '报名后不能取消',
        content: expect.stringMatching(/开课前 24 小时内不能取消报名.*60 天内缺席 3 次，将有 14 天不能报名新课程/),
      }),
    )
    expect(await screen.findByText('报名成功')).toBeTruthy()
    expect(screen.getByText('11月28日 周六 19:00')).toBeTruthy()
    // The worker closed the reminder dialog (`{}`): no reminder is promised.
    expect(screen.getByText(/可在「我的课程」中随时查看/)).toBeTruthy()
    // Seat counts are re-read after the action.
    expect(mocked.getCourse.mock.calls.length).toBeGreaterThan(readsBefore)
  })

  it('asks to join the waitlist when the course filled up, and joins on yes', async () => {
    mocked.enroll
      .mockResolvedValueOnce(refusal<EnrollResult>('ENROLL.FULL', '名额已满，可以加入候补，有人退出时按顺序递补'))
      .mockResolvedValueOnce({ ok: true, data: { status: 'waitlisted', waitlistPosition: 1 } })
    await renderPage()
    // The re-read after the refusal shows the course full with 2 workers waiting.
    mocked.getCourse.mockResolvedValue({
      ok: true,
      data: courseDetail({ enrollState: 'full', seatsLeft: 0, seatsTaken: 40, waitlistLength: 2 }),
    })
    await tap('立即报名')
    await waitFor(() => expect(mocked.enroll).toHaveBeenCalledTimes(2))
    expect(mocked.showModal).toHaveBeenCalledWith(
      expect.objectContaining({
        content: '名额已满，是否加入候补？当前候补 2 人；有人退出时按顺序递补，递补后需在截止时间前确认',
      }),
    )
    expect(mocked.enroll).toHaveBeenLastCalledWith({ courseId: 'course-1', joinWaitlist: true })
    expect(await screen.findByText('已加入候补')).toBeTruthy()
    expect(screen.getByText('当前第 1 位')).toBeTruthy()
  })

  it('does not join the waitlist when the worker declines the question', async () => {
    mocked.enroll.mockResolvedValueOnce(refusal<EnrollResult>('ENROLL.FULL', '名额已满'))
    answerModal(false)
    await renderPage()
    await tap('立即报名')
    await waitFor(() => expect(mocked.showModal).toHaveBeenCalled())
    expect(mocked.enroll).toHaveBeenCalledTimes(1)
  })

  it('asks before joining the waitlist of a course already shown as full', async () => {
    mocked.getCourse.mockResolvedValue({
      ok: true,
      data: courseDetail({ enrollState: 'full', seatsLeft: 0, seatsTaken: 40, waitlistLength: 5 }),
    })
    mocked.enroll.mockResolvedValue({ ok: true, data: { status: 'waitlisted', waitlistPosition: 6 } })
    await renderPage()
    await tap('加入候补')
    expect(mocked.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('当前候补 5 人') }),
    )
    expect(mocked.enroll).toHaveBeenCalledWith({ courseId: 'course-1', joinWaitlist: true })
    expect(await screen.findByText('当前第 6 位')).toBeTruthy()
  })

  it('shows the place in line from the course re-read after joining, when the reply cannot know it', async () => {
    mocked.getCourse.mockResolvedValue({
      ok: true,
      data: courseDetail({ enrollState: 'full', seatsLeft: 0, seatsTaken: 40, waitlistLength: 5 }),
    })
    mocked.enroll.mockImplementation(async () => {
      holding(enrollmentView({ status: 'waitlisted', waitlistPosition: 6 }))
      return { ok: true, data: { status: 'waitlisted', waitlistPosition: null } }
    })
    await renderPage()
    await tap('加入候补')
    expect(await screen.findByText('当前第 6 位')).toBeTruthy()
  })

  it('asks before cancelling, and cancelling the dialog does not call the service', async () => {
    holding(enrollmentView())
    await renderPage()
    expect(await screen.findByText('已报名 ✓')).toBeTruthy()
    answerModal(false)
    await tap('取消报名')
    expect(mocked.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('取消后名额将让给候补人员') }),
    )
    expect(mocked.cancelEnrollment).not.toHaveBeenCalled()
  })

  it('cancels after a yes and says so', async () => {
    holding(enrollmentView())
    mocked.cancelEnrollment.mockResolvedValue({ ok: true, data: { status: 'cancelled' } })
    await renderPage()
    await tap('取消报名')
    expect(mocked.cancelEnrollment).toHaveBeenCalledWith('course-1')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已取消报名' }))
  })

  it('shows the waitlist place and asks before leaving it', async () => {
    holding(enrollmentView({ status: 'waitlisted', waitlistPosition: 3 }))
    answerModal(false)
    await renderPage()
    // The seat badge says the same words now; the action bar is the one under test here.
    expect(await screen.findByText('候补第 3 位', { selector: '.xz-enroll-bar__label' })).toBeTruthy()
    await tap('退出候补')
    expect(mocked.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确定退出候补？' }))
    expect(mocked.cancelEnrollment).not.toHaveBeenCalled()
  })

  it.each([
    ['a seat', enrollmentView(), '已报名', 'open'],
    [
      'an offer',
      enrollmentView({ status: 'offered', offerExpiresAt: '2026-11-21T06:00:00.000Z' }),
      '待确认',
      'waitlist',
    ],
    ['a waitlist place', enrollmentView({ status: 'waitlisted', waitlistPosition: 2 }), '候补第 2 位', 'few'],
  ])('puts the worker’s own place in the seat badge when they hold %s', async (_, mine, label, tone) => {
    mocked.getCourse.mockResolvedValue({
      ok: true,
      data: courseDetail({ enrollState: 'full', seatsLeft: 0, seatsTaken: 40, waitlistLength: 2 }),
    })
    holding(mine)
    await renderPage()
    const badge = await screen.findByText(label, { selector: '.xz-seat-badge' })
    expect(badge.className).toContain(`xz-seat-badge--${tone}`)
    expect(screen.queryByText('已满·可候补')).toBeNull()
  })

  it('keeps the course’s seat state in the badge for a worker without a place', async () => {
    mocked.getCourse.mockResolvedValue({
      ok: true,
      data: courseDetail({ enrollState: 'full', seatsLeft: 0, seatsTaken: 40, waitlistLength: 2 }),
    })
    await renderPage()
    await waitFor(() => expect(mocked.getCourse).toHaveBeenCalled())
    // The page is one call: the worker's place comes with the course.
    expect(mocked.myEnrollments).not.toHaveBeenCalled()
    expect(screen.getByText('已满·可候补', { selector: '.xz-seat-badge' })).toBeTruthy()
  })

  it('confirms an offer and shows 报名成功; declining asks first', async () => {
    holding(enrollmentView({ status: 'offered', offerExpiresAt: '2026-11-21T06:00:00.000Z' }))
    mocked.confirmOffer.mockResolvedValue({ ok: true, data: { status: 'enrolled' } })
    await renderPage()
    answerModal(false)
    await tap('放弃')
    expect(mocked.declineOffer).not.toHaveBeenCalled()
    await tap('确认参加')
    expect(mocked.confirmOffer).toHaveBeenCalledWith('course-1')
    expect(await screen.findByText('报名成功')).toBeTruthy()
  })

  it('offers 重试 when the course is busy, and tries again on yes', async () => {
    mocked.enroll
      .mockResolvedValueOnce(refusal<EnrollResult>('ENROLL.BUSY', '报名人数太多，请稍后再试'))
      .mockResolvedValueOnce({ ok: true, data: { status: 'enrolled', waitlistPosition: null } })
    await renderPage()
    await tap('立即报名')
    expect(mocked.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ content: '报名人数太多，请稍后再试', confirmText: '重试' }),
    )
    await waitFor(() => expect(mocked.enroll).toHaveBeenCalledTimes(2))
    expect(await screen.findByText('报名成功')).toBeTruthy()
  })

  it('sends a worker without a profile to the profile page', async () => {
    mocked.enroll.mockResolvedValue(refusal<EnrollResult>('ENROLL.PROFILE_INCOMPLETE', '请先完善个人信息'))
    await renderPage()
    await tap('立即报名')
    await waitFor(() => expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' }))
  })

  it('shows any other refusal as it comes from the server', async () => {
    const message = '同一时间最多可报名 3 门课程（含候补），请先完成或取消其他课程'
    mocked.enroll.mockResolvedValue(refusal<EnrollResult>('ENROLL.LIMIT_REACHED', message))
    await renderPage()
    await tap('立即报名')
    expect(mocked.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: message, showCancel: false }))
  })

  it('sends one request for a double tap', async () => {
    let answer: (r: Reply<EnrollResult>) => void = () => {}
    mocked.enroll.mockImplementation(() => new Promise((resolve) => (answer = resolve)))
    await renderPage()
    const button = await screen.findByRole('button', { name: '立即报名' })
    fireEvent.click(button)
    fireEvent.click(button)
    expect(mocked.enroll).toHaveBeenCalledTimes(1)
    await act(async () => answer({ ok: true, data: { status: 'enrolled', waitlistPosition: null } }))
    expect(await screen.findByText('报名成功')).toBeTruthy()
  })

  it('shows when enrolment opens for a course not yet open', async () => {
    mocked.getCourse.mockResolvedValue({
      ok: true,
      data: courseDetail({ enrollState: 'not_open', enrollOpensAt: '2026-11-30T02:00:00.000Z' }),
    })
    await renderPage()
    expect(await screen.findByText('11月30日 周一 10:00 开放报名')).toBeTruthy()
    expect((screen.getByRole('button', { name: '未开放' }) as HTMLButtonElement).disabled).toBe(true)
  })

  describe('reminders', () => {
    it('asks for all reminders first thing in the 立即报名 tap, and enrols even when nothing was allowed', async () => {
      mocked.enroll.mockResolvedValue({ ok: true, data: { status: 'enrolled', waitlistPosition: null } })
      await renderPage()
      await tap('立即报名')
      expect(mocked.askSubscription).toHaveBeenCalledTimes(1)
      expect(mocked.askSubscription).toHaveBeenCalledWith(ALL_TEMPLATES)
      expect(calledBefore(mocked.askSubscription, mocked.enroll)).toBe(true)
      expect(mocked.enroll).toHaveBeenCalledWith({ courseId: 'course-1' })
      expect(await screen.findByText('报名成功')).toBeTruthy()
    })

    it('promises a WeChat reminder the day before when the worker allowed the lesson reminder', async () => {
      mocked.askSubscription.mockResolvedValueOnce({ 'tmpl-lesson': 'accept', 'tmpl-offer': 'reject' })
      mocked.enroll.mockResolvedValue({ ok: true, data: { status: 'enrolled', waitlistPosition: null } })
      await renderPage()
      await tap('立即报名')
      expect(
        await screen.findByText('开课前一天会通过微信提醒您；开课时间和地点也可在「我的课程」中查看。'),
      ).toBeTruthy()
    })

    it('keeps the usual sentence when only other kinds were allowed', async () => {
      mocked.askSubscription.mockResolvedValueOnce({ 'tmpl-lesson': 'reject', 'tmpl-offer': 'accept' })
      mocked.enroll.mockResolvedValue({ ok: true, data: { status: 'enrolled', waitlistPosition: null } })
      await renderPage()
      await tap('立即报名')
      expect(await screen.findByText('开课时间和地点可在「我的课程」中随时查看，请按时到场签到。')).toBeTruthy()
    })

    it('asks in the 确认参加 tap before confirming, and confirms even when nothing was allowed', async () => {
      holding(enrollmentView({ status: 'offered', offerExpiresAt: '2026-11-21T06:00:00.000Z' }))
      mocked.confirmOffer.mockResolvedValue({ ok: true, data: { status: 'enrolled' } })
      await renderPage()
      await tap('确认参加')
      expect(mocked.askSubscription).toHaveBeenCalledWith(ALL_TEMPLATES)
      expect(calledBefore(mocked.askSubscription, mocked.confirmOffer)).toBe(true)
      expect(mocked.confirmOffer).toHaveBeenCalledWith('course-1')
      expect(await screen.findByText('报名成功')).toBeTruthy()
    })

    it('asks for 加入候补 in the tap that answers the waitlist question, not before it', async () => {
      mocked.getCourse.mockResolvedValue({
        ok: true,
        data: courseDetail({ enrollState: 'full', seatsLeft: 0, seatsTaken: 40, waitlistLength: 5 }),
      })
      mocked.enroll.mockResolvedValue({ ok: true, data: { status: 'waitlisted', waitlistPosition: 6 } })
      let askedInsideTheTap = false
      mocked.showModal.mockImplementationOnce((options: { success?: (r: { confirm: boolean }) => void }) => {
        expect(mocked.askSubscription).not.toHaveBeenCalled()
        options.success?.({ confirm: true })
        askedInsideTheTap = mocked.askSubscription.mock.calls.length === 1
        return Promise.resolve({ confirm: true, cancel: false, errMsg: 'showModal:ok' })
      })
      await renderPage()
      await tap('加入候补')
      expect(askedInsideTheTap).toBe(true)
      expect(mocked.askSubscription).toHaveBeenCalledTimes(1)
      expect(mocked.enroll).toHaveBeenCalledWith({ courseId: 'course-1', joinWaitlist: true })
      expect(await screen.findByText('当前第 6 位')).toBeTruthy()
    })

    it('does not ask when the worker says 暂不 to the waitlist', async () => {
      mocked.getCourse.mockResolvedValue({
        ok: true,
        data: courseDetail({ enrollState: 'full', seatsLeft: 0, seatsTaken: 40, waitlistLength: 5 }),
      })
      answerModal(false)
      await renderPage()
      await tap('加入候补')
      expect(mocked.askSubscription).not.toHaveBeenCalled()
      expect(mocked.enroll).not.toHaveBeenCalled()
    })

    it('asks once when 立即报名 turns into joining the waitlist', async () => {
      mocked.enroll
        .mockResolvedValueOnce(refusal<EnrollResult>('ENROLL.FULL', '名额已满'))
        .mockResolvedValueOnce({ ok: true, data: { status: 'waitlisted', waitlistPosition: 1 } })
      await renderPage()
      await tap('立即报名')
      await waitFor(() => expect(mocked.enroll).toHaveBeenCalledTimes(2))
      expect(await screen.findByText('已加入候补')).toBeTruthy()
      expect(mocked.askSubscription).toHaveBeenCalledTimes(1)
    })

    it('asks nothing when no reminder template is configured', async () => {
      mocked.templates.mockResolvedValue({ ok: true, data: { templates: [] } })
      mocked.enroll.mockResolvedValue({ ok: true, data: { status: 'enrolled', waitlistPosition: null } })
      await renderPage()
      await waitFor(() => expect(mocked.templates).toHaveBeenCalled())
      await tap('立即报名')
      expect(mocked.askSubscription).not.toHaveBeenCalled()
      expect(mocked.enroll).toHaveBeenCalledWith({ courseId: 'course-1' })
      expect(await screen.findByText('报名成功')).toBeTruthy()
    })
  })

  describe('check-in', () => {
    const at = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString()
    // Lesson 1 starts in 10 minutes: its check-in opened 20 minutes ago.
    function openLessonCourse() {
      const detail = courseDetail()
      return {
        ...detail,
        lessons: [
          { id: 'l1', index: 1, startsAt: at(10), endsAt: at(130), checkinOpensAt: at(-20), venue: detail.venue },
        ],
      }
    }

    it('offers check-in to an enrolled worker while a lesson is open for it', async () => {
      mocked.getCourse.mockResolvedValue({ ok: true, data: openLessonCourse() })
      holding(enrollmentView())
      await renderPage()
      expect(await screen.findByText('第 1 课 正在签到')).toBeTruthy()
      // No scanner in the H5 flavour: the check-in page takes the typed code.
      await tap('去签到')
      expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/checkin/index' })
    })

    it('says the lesson is checked in once it is', async () => {
      mocked.getCourse.mockResolvedValue({ ok: true, data: openLessonCourse() })
      holding(enrollmentView())
      ;(myAttendance as jest.Mock).mockResolvedValue({
        ok: true,
        data: { lessons: { l1: { at: at(-3), late: false } } },
      })
      await renderPage()
      expect(await screen.findByText(/^第 1 课已签到 \d\d:\d\d$/)).toBeTruthy()
      expect(screen.queryByRole('button', { name: '去签到' })).toBeNull()
    })

    it('offers no check-in to a worker without a seat', async () => {
      mocked.getCourse.mockResolvedValue({ ok: true, data: openLessonCourse() })
      await renderPage()
      await screen.findByRole('button', { name: '立即报名' })
      expect(screen.queryByText('第 1 课 正在签到')).toBeNull()
      expect(myAttendance).not.toHaveBeenCalled()
    })
  })
})
