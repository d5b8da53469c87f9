/** 我的 with a course the union cancelled: a red card on top until 知道了, and the offer red dot. */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { myAttendance } from '@/services/checkin'
import { ackCancelled, myEnrollments } from '@/services/enrollment'
import { mySubscriptions, templates } from '@/services/reminders'
import { forgetReminderTemplates } from '@/hooks/use-reminder-templates'
import { enrollmentView } from '@/test-setup/fixtures'
import { REMINDER_TEMPLATES } from '@/test-setup/service-mocks'
import MePage from '.'

jest.mock('@/services/enrollment', () => ({
  ...jest.requireActual('@/test-setup/service-mocks').enrollmentService(),
  ackCancelled: jest.fn(),
}))
jest.mock('@/services/user', () => jest.requireActual('@/test-setup/service-mocks').workerUserService())
jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())
jest.mock('@/services/reminders', () => jest.requireActual('@/test-setup/service-mocks').remindersService())

const mockedList = myEnrollments as jest.MockedFunction<typeof myEnrollments>
const mockedAck = ackCancelled as jest.MockedFunction<typeof ackCancelled>
const taro = Taro as unknown as Record<string, jest.Mock>

const unionCancelled = enrollmentView(
  {
    status: 'cancelled',
    canCancel: false,
    cancelledBy: 'union',
    cancelReason: '讲师临时出差，课程取消',
    cancelUnseen: true,
  },
  { id: 'c9', title: '无人机航拍入门' },
)
const leftByWorker = enrollmentView(
  { status: 'cancelled', canCancel: false, cancelledBy: 'worker' },
  { id: 'c8', title: '数据分析基础' },
)
const offered = enrollmentView(
  { status: 'offered', offerExpiresAt: '2026-11-21T06:00:00.000Z' },
  { id: 'c3', title: '跨境电商开店实务' },
)

beforeEach(() => {
  jest.clearAllMocks()
  forgetReminderTemplates()
  ;(templates as jest.Mock).mockResolvedValue({ ok: true, data: { templates: REMINDER_TEMPLATES } })
  ;(mySubscriptions as jest.Mock).mockResolvedValue({ ok: true, data: { credits: {} } })
  ;(myAttendance as jest.Mock).mockResolvedValue({ ok: true, data: { lessons: {} } })
})

async function renderPage() {
  render(<MePage />)
  await screen.findByText('我的课程')
}

describe('我的: a course the union cancelled', () => {
  it('stays on top in red with the reason until 知道了, which is recorded and takes it away', async () => {
    mockedList.mockResolvedValue({ ok: true, data: { active: [], past: [unionCancelled, leftByWorker] } })
    await renderPage()
    expect(await screen.findByText('工会已取消：无人机航拍入门')).toBeTruthy()
    expect(screen.getByText('原因：讲师临时出差，课程取消')).toBeTruthy()

    mockedAck.mockResolvedValue({ ok: true, data: { seen: true } })
    mockedList.mockResolvedValue({
      ok: true,
      data: { active: [], past: [{ ...unionCancelled, cancelUnseen: false }, leftByWorker] },
    })
    await act(async () => fireEvent.click(screen.getByText('知道了')))
    expect(mockedAck).toHaveBeenCalledWith('c9')
    await waitFor(() => expect(screen.queryByText('工会已取消：无人机航拍入门')).toBeNull())

    // The history tells the two apart.
    await act(async () => fireEvent.click(screen.getByText(/条 展开/)))
    expect(screen.getByText('工会已取消')).toBeTruthy()
    expect(screen.getByText('您已取消')).toBeTruthy()
  })

  it('keeps the card and says why when 知道了 could not be recorded', async () => {
    mockedList.mockResolvedValue({ ok: true, data: { active: [], past: [unionCancelled] } })
    mockedAck.mockResolvedValue({
      ok: false,
      error: { code: 'COMMON.BUSY', message: '现在使用的人太多，请过几秒再试' },
    })
    await renderPage()
    await act(async () => fireEvent.click(await screen.findByText('知道了')))
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ content: '现在使用的人太多，请过几秒再试' }),
      ),
    )
    expect(screen.getByText('工会已取消：无人机航拍入门')).toBeTruthy()
  })
})

describe('我的: the red dot', () => {
  it('is on while an offer waits in the list', async () => {
    mockedList.mockResolvedValue({ ok: true, data: { active: [offered], past: [] } })
    await renderPage()
    await waitFor(() => expect(taro.showTabBarRedDot).toHaveBeenCalledWith({ index: 1 }))
  })

  it('is cleared when nothing waits', async () => {
    mockedList.mockResolvedValue({ ok: true, data: { active: [], past: [leftByWorker] } })
    await renderPage()
    await waitFor(() => expect(taro.hideTabBarRedDot).toHaveBeenCalledWith({ index: 1 }))
    expect(taro.showTabBarRedDot).not.toHaveBeenCalled()
  })
})
