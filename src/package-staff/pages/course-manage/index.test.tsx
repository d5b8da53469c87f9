import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouterParams } from '@/test-setup/taro-mock'
import { cancelCourse, setCapacity } from '@/services/admin'
import { getCourse } from '@/services/catalog'
import { login } from '@/services/user'
import { courseDetail } from '@/test-setup/fixtures'
import { signInAs } from '../../testing/session'
import CourseManagePage from '.'

jest.mock('@tarojs/components', () => jest.requireActual('@/package-staff/testing/taro-components').staffComponents())
jest.mock('@/services/user', () => ({ login: jest.fn() }))
jest.mock('@/services/admin', () => ({ setCapacity: jest.fn(), cancelCourse: jest.fn() }))
jest.mock('@/services/catalog', () => ({ getCourse: jest.fn(), listCourses: jest.fn() }))

const mockedGetCourse = getCourse as jest.MockedFunction<typeof getCourse>
const mockedSetCapacity = setCapacity as jest.MockedFunction<typeof setCapacity>
const mockedCancel = cancelCourse as jest.MockedFunction<typeof cancelCourse>
const showModal = Taro.showModal as jest.Mock

async function renderCourse(overrides = {}) {
  mockedGetCourse.mockResolvedValue({ ok: true, data: courseDetail(overrides) })
  render(<CourseManagePage />)
  await screen.findByText('AI 办公助手实战')
}

async function tap(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }))
  })
}

function dialog(name: string) {
  return within(screen.getByRole('dialog', { name }))
}

async function openCancelAndType(reason: string) {
  await tap('取消课程')
  fireEvent.change(dialog('取消课程').getByLabelText('取消原因'), { target: { value: reason } })
}

beforeEach(() => {
  jest.clearAllMocks()
  __setRouterParams({ id: 'course-1' })
  signInAs(login as jest.Mock)
})

describe('course manage page', () => {
  it('shows seats taken against capacity and the waitlist in the header', async () => {
    await renderCourse({ seatsTaken: 40, capacity: 40, seatsLeft: 0, waitlistLength: 6, enrollState: 'full' })
    expect(screen.getByText('已报名 / 名额').previousSibling?.textContent).toBe('40 / 40')
    expect(screen.getByText('候补').previousSibling?.textContent).toBe('6')
  })

  it('counts only confirmed seats as 已报名 and names the offers waiting for an answer', async () => {
    await renderCourse({ seatsTaken: 67, seatsOffered: 6, capacity: 67, seatsLeft: 0, waitlistLength: 3 })
    expect(screen.getByText('已报名 · 待确认 6').previousSibling?.textContent).toBe('61 / 67')
    expect(screen.getByRole('button', { name: '查看名单' }).textContent).toContain('已报名 61 · 待确认 6 · 候补 3')
  })

  it('will not cancel without a reason of at least two characters', async () => {
    await renderCourse()
    await openCancelAndType('改')
    await tap('确认取消课程')
    expect(mockedCancel).not.toHaveBeenCalled()
  })

  it('says in its one dialog how many workers will be told, and asks nothing on top of it', async () => {
    mockedCancel.mockResolvedValue({ ok: true, data: { notified: 35 } })
    await renderCourse({ seatsTaken: 30, waitlistLength: 5 })
    await openCancelAndType('讲师临时生病')
    expect(dialog('取消课程').getByText('将通知 35 位已报名和候补的职工')).toBeTruthy()
    await tap('确认取消课程')
    expect(showModal).not.toHaveBeenCalled()
    expect(mockedCancel).toHaveBeenCalledTimes(1)
  })

  it('keeps the reason when the server refuses, for another try', async () => {
    mockedCancel.mockResolvedValue({ ok: false, error: { code: 'ADMIN.BUSY', message: '操作繁忙，请稍后重试' } })
    await renderCourse()
    await openCancelAndType('讲师临时生病')
    await tap('确认取消课程')
    expect(dialog('取消课程').getByText('操作繁忙，请稍后重试')).toBeTruthy()
    expect((dialog('取消课程').getByLabelText('取消原因') as HTMLTextAreaElement).value).toBe('讲师临时生病')
  })

  it('closing the reason dialog cancels nothing', async () => {
    await renderCourse()
    await openCancelAndType('讲师临时生病')
    await tap('再想想')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(mockedCancel).not.toHaveBeenCalled()
  })

  it('cancels with the trimmed reason and says how many were notified', async () => {
    mockedCancel.mockResolvedValue({ ok: true, data: { notified: 12 } })
    await renderCourse()
    await openCancelAndType('  讲师临时生病  ')
    await tap('确认取消课程')
    expect(mockedCancel).toHaveBeenCalledWith('course-1', '讲师临时生病')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '课程已取消，已通知 12 人' }))
  })

  it('shows the capacity refusal inside the dialog', async () => {
    mockedSetCapacity.mockResolvedValue({
      ok: false,
      error: { code: 'ADMIN.CAPACITY_BELOW_TAKEN', message: '名额不能少于已报名人数' },
    })
    await renderCourse({ seatsTaken: 10, capacity: 40 })
    await tap('调整名额')
    fireEvent.change(dialog('调整名额').getByLabelText('新名额'), { target: { value: '8' } })
    expect(dialog('调整名额').getByText('名额由 40 调整为 8')).toBeTruthy()
    await tap('确认调整')
    expect(mockedSetCapacity).toHaveBeenCalledWith('course-1', 8)
    expect(dialog('调整名额').getByText('名额不能少于已报名人数（当前已占 10 个名额，含待确认）')).toBeTruthy()
  })

  it('says the waitlist will be offered seats when capacity goes up', async () => {
    mockedSetCapacity.mockResolvedValue({ ok: true, data: { capacity: 45, seatsTaken: 45, offered: 5 } })
    await renderCourse({ seatsTaken: 40, capacity: 40, seatsLeft: 0, waitlistLength: 6, enrollState: 'full' })
    await tap('调整名额')
    fireEvent.change(dialog('调整名额').getByLabelText('新名额'), { target: { value: '45' } })
    expect(dialog('调整名额').getByText(/将按顺序向候补人员发出递补通知/)).toBeTruthy()
    await tap('确认调整')
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '名额已调整为 45，已通知 5 位候补' }))
  })

  it('rejects a capacity outside 1–500 without calling the server', async () => {
    await renderCourse()
    await tap('调整名额')
    fireEvent.change(dialog('调整名额').getByLabelText('新名额'), { target: { value: '501' } })
    await tap('确认调整')
    expect(mockedSetCapacity).not.toHaveBeenCalled()
    expect(dialog('调整名额').getByText('请输入 1–500 之间的整数')).toBeTruthy()
  })

  it('offers only the roster for a cancelled course', async () => {
    await renderCourse({ enrollState: 'cancelled' })
    expect(screen.getByText('该课程已取消，名单仍可查看，其他操作不可用')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '取消课程' })).toBeNull()
    await tap('调整名额')
    expect(screen.queryByRole('dialog')).toBeNull()
    await tap('查看名单')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/roster/index?id=course-1' })
  })

  it('opens the check-in code and the attendance of each lesson', async () => {
    await renderCourse()
    await tap('第 1 课签到码')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/checkin-code/index?id=l1' })
    await tap('第 1 课考勤')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/package-staff/pages/attendance/index?id=l1' })
  })

  it('offers only attendance, not a code, for a cancelled course', async () => {
    await renderCourse({ enrollState: 'cancelled' })
    expect(screen.queryByRole('button', { name: '第 1 课签到码' })).toBeNull()
    expect(screen.getByRole('button', { name: '第 1 课考勤' })).toBeTruthy()
  })
})
