import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouterParams } from '@/test-setup/taro-mock'
import type { AttendanceEntry, AttendanceLiveResult, Reply } from '@core'
import { attendanceLive, markAttendance, staffCheckIn, undoMark } from '@/services/checkin'
import { login } from '@/services/user'
import { attendanceEntry, lessonRef } from '@/test-setup/fixtures'
import { signInAs } from '../../testing/session'
import AttendancePage from '.'

jest.mock('@tarojs/components', () => jest.requireActual('@/package-staff/testing/taro-components').staffComponents())
jest.mock('@/services/checkin', () => jest.requireActual('@/test-setup/service-mocks').checkinService())
jest.mock('@/services/user', () => ({ login: jest.fn() }))

const mocked = {
  live: attendanceLive as jest.MockedFunction<typeof attendanceLive>,
  mark: markAttendance as jest.MockedFunction<typeof markAttendance>,
  undo: undoMark as jest.MockedFunction<typeof undoMark>,
  staffCheckIn: staffCheckIn as jest.MockedFunction<typeof staffCheckIn>,
}

const zhang = attendanceEntry({ ref: 'r-zhang', name: '张伟', phoneTail: '8000' })
const li = attendanceEntry({
  ref: 'r-li',
  name: '李娜',
  employer: '市公交集团',
  phoneTail: '1234',
  status: 'late',
  // 19:14 in Shanghai.
  at: '2026-11-28T11:14:00.000Z',
  method: 'scan',
})
const wang = attendanceEntry({
  ref: 'r-wang',
  name: '王强',
  status: 'present',
  at: '2026-11-28T10:52:00.000Z',
  method: 'scan',
})

function liveReply(entries: AttendanceEntry[]): Reply<AttendanceLiveResult> {
  const present = entries.filter((e) => e.status !== 'absent').length
  return {
    ok: true,
    data: {
      lesson: lessonRef(),
      opensAt: '2026-11-28T10:30:00.000Z',
      closesAt: '2026-11-28T13:00:00.000Z',
      expected: entries.length,
      present,
      late: entries.filter((e) => e.status === 'late').length,
      entries,
    },
  }
}

function group(title: string) {
  return within(screen.getByLabelText(title))
}

function dialog() {
  return within(screen.getByRole('dialog'))
}

async function renderPage() {
  render(<AttendancePage />)
  await screen.findByText('张伟')
}

async function tap(element: HTMLElement) {
  await act(async () => {
    fireEvent.click(element)
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  __setRouterParams({ id: 'l1' })
  signInAs(login as jest.Mock)
  mocked.live.mockResolvedValue(liveReply([zhang, li, wang]))
})

describe('attendance page', () => {
  it('groups workers into 未签到, 迟到 and 已签到 with times and how they checked in', async () => {
    await renderPage()
    expect(mocked.live).toHaveBeenCalledWith('l1')
    expect(screen.getByText('已签到 / 应到').previousSibling?.textContent).toBe('2 / 3')
    expect(group('未签到').getByText('张伟')).toBeTruthy()
    expect(group('未签到').getByText('市建工集团 · 尾号 8000')).toBeTruthy()
    expect(group('迟到').getByText('李娜')).toBeTruthy()
    expect(group('迟到').getByText('19:14')).toBeTruthy()
    expect(group('已签到').getByText('王强')).toBeTruthy()
    expect(group('已签到').getByText('18:52')).toBeTruthy()
    expect(group('已签到').getByText('扫码')).toBeTruthy()
    // Only the absent can be marked by hand.
    expect(screen.getAllByRole('button', { name: /^为.*补签$/ })).toHaveLength(1)
  })

  it('will not mark a worker without a reason of at least two characters', async () => {
    await renderPage()
    await tap(screen.getByRole('button', { name: '为张伟补签' }))
    expect(screen.getByRole('dialog', { name: '为 张伟 补签' })).toBeTruthy()
    const confirm = dialog().getByRole('button', { name: '确认补签' })
    fireEvent.change(dialog().getByLabelText('补签原因'), { target: { value: '' } })
    await tap(confirm)
    fireEvent.change(dialog().getByLabelText('补签原因'), { target: { value: '没' } })
    await tap(confirm)
    expect(confirm.getAttribute('aria-disabled')).toBe('true')
    expect(mocked.mark).not.toHaveBeenCalled()
  })

  it('dismissing the dialog marks nobody', async () => {
    await renderPage()
    await tap(screen.getByRole('button', { name: '为张伟补签' }))
    await tap(dialog().getByRole('button', { name: '手机没电' }))
    await tap(dialog().getByRole('button', { name: '取消' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(mocked.mark).not.toHaveBeenCalled()
  })

  it('marks with a quick reason, then re-reads the list and shows the worker as 补签', async () => {
    mocked.mark.mockResolvedValue({ ok: true, data: { status: 'checked_in' } })
    await renderPage()
    const readsBefore = mocked.live.mock.calls.length
    mocked.live.mockResolvedValue(
      liveReply([li, { ...zhang, status: 'present', at: '2026-11-28T11:05:00.000Z', method: 'manual' }, wang]),
    )
    await tap(screen.getByRole('button', { name: '为张伟补签' }))
    await tap(dialog().getByRole('button', { name: '手机没电' }))
    expect((dialog().getByLabelText('补签原因') as HTMLTextAreaElement).value).toBe('手机没电')
    await tap(dialog().getByRole('button', { name: '确认补签' }))
    expect(mocked.mark).toHaveBeenCalledWith('l1', 'r-zhang', '手机没电')
    expect(mocked.live.mock.calls.length).toBeGreaterThan(readsBefore)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(group('已签到').getByText('张伟')).toBeTruthy()
    expect(group('已签到').getByText('补签')).toBeTruthy()
    expect(group('未签到').getByText('全部到齐')).toBeTruthy()
    expect(screen.getByRole('status').textContent).toContain('已补签 张伟')
    expect(Taro.showToast).not.toHaveBeenCalled()
  })

  it('marks in two taps with 现场核实 preselected, and 撤销 takes the mark back', async () => {
    mocked.mark.mockResolvedValue({ ok: true, data: { status: 'checked_in' } })
    mocked.undo.mockResolvedValue({ ok: true, data: { status: 'undone' } })
    await renderPage()
    await tap(screen.getByRole('button', { name: '为张伟补签' }))
    await tap(dialog().getByRole('button', { name: '确认补签' }))
    expect(mocked.mark).toHaveBeenCalledWith('l1', 'r-zhang', '现场核实')
    await tap(screen.getByRole('button', { name: '撤销' }))
    expect(mocked.undo).toHaveBeenCalledWith('l1', 'r-zhang')
    expect(screen.getByRole('status').textContent).toBe('已撤销 张伟 的补签')
  })

  it("finds a worker by name, employer or the phone's last digits", async () => {
    await renderPage()
    fireEvent.change(screen.getByLabelText('搜索职工'), { target: { value: '李' } })
    expect(screen.queryByText('张伟')).toBeNull()
    expect(group('迟到').getByText('李娜')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('搜索职工'), { target: { value: '8000' } })
    expect(group('未签到').getByText('张伟')).toBeTruthy()
    expect(screen.queryByText('李娜')).toBeNull()
    fireEvent.change(screen.getByLabelText('搜索职工'), { target: { value: '没有这个人' } })
    expect(screen.getAllByText('没有找到')).toHaveLength(3)
  })

  it('checks a worker in from their personal code (反扫) and re-reads the list', async () => {
    mocked.staffCheckIn.mockResolvedValue({
      ok: false,
      error: { code: 'CHECKIN.WORKER_CODE_EXPIRED', message: '职工的签到码已过期，请让职工刷新后再扫' },
    })
    await renderPage()
    fireEvent.change(screen.getByLabelText('职工签到码'), { target: { value: 'WOLD' } })
    await tap(screen.getByRole('button', { name: '确认签到' }))
    expect(mocked.staffCheckIn).toHaveBeenCalledWith('WOLD', 'l1')
    expect(screen.getByText('职工的签到码已过期，请让职工刷新后再扫')).toBeTruthy()
  })

  it('keeps the dialog open with the refusal when marking fails', async () => {
    mocked.mark.mockResolvedValue({
      ok: false,
      error: { code: 'CHECKIN.NOT_ENROLLED', message: '名单中没有这位职工，请刷新后重试' },
    })
    await renderPage()
    await tap(screen.getByRole('button', { name: '为张伟补签' }))
    fireEvent.change(dialog().getByLabelText('补签原因'), { target: { value: '现场核实身份证' } })
    await tap(dialog().getByRole('button', { name: '确认补签' }))
    expect(mocked.mark).toHaveBeenCalledWith('l1', 'r-zhang', '现场核实身份证')
    expect(dialog().getByText('名单中没有这位职工，请刷新后重试')).toBeTruthy()
  })

  it('shows the refusal when the function says no', async () => {
    mocked.live.mockResolvedValue({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN', message: '该功能仅限工会工作人员使用' },
    })
    render(<AttendancePage />)
    expect(await screen.findByText('该功能仅限工会工作人员使用')).toBeTruthy()
  })
})
