import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouterParams } from '@/test-setup/taro-mock'
import { upsertCourse } from '@/services/admin'
import { getCourse } from '@/services/catalog'
import { login } from '@/services/user'
import { courseDetail } from '@/test-setup/fixtures'
import { signInAs } from '../../testing/session'
import CourseEditPage from '.'

jest.mock('@tarojs/components', () => jest.requireActual('@/package-staff/testing/taro-components').staffComponents())
jest.mock('@/services/user', () => ({ login: jest.fn() }))
jest.mock('@/services/admin', () => ({ upsertCourse: jest.fn() }))
jest.mock('@/services/catalog', () => ({ getCourse: jest.fn(), listCourses: jest.fn() }))

const mockedUpsert = upsertCourse as jest.MockedFunction<typeof upsertCourse>
const mockedGetCourse = getCourse as jest.MockedFunction<typeof getCourse>

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

function fillValid() {
  type('课程名称', '无人机航拍入门')
  fireEvent.change(screen.getByLabelText('课程类别'), { target: { value: '1' } })
  type('授课老师', '刘强')
  type('课程简介', '从起飞到构图，周末两次课。')
  type('地点名称', '区工人文化宫')
  type('详细地址', '人民路 12 号')
  type('名额', '30')
  type('报名开始日期', '2026-11-01')
  type('报名开始时间', '09:00')
  type('报名截止日期', '2026-11-27')
  type('报名截止时间', '18:00')
  type('第 1 课日期', '2026-11-28')
  type('第 1 课上课时间', '19:00')
  type('第 1 课下课时间', '21:00')
}

async function submit(name = '发布课程') {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }))
  })
}

function futureLesson() {
  const venue = { name: '市职工服务中心', address: '建设路 88 号' }
  return {
    id: 'l1',
    index: 1,
    startsAt: '2099-11-28T11:00:00.000Z',
    endsAt: '2099-11-28T13:00:00.000Z',
    checkinOpensAt: '2099-11-28T10:30:00.000Z',
    venue,
  }
}

beforeEach(() => {
  jest.clearAllMocks()
  jest.useRealTimers()
  __setRouterParams({})
  signInAs(login as jest.Mock)
})

describe('course edit page', () => {
  it('shows Chinese messages for bad input and does not call upsertCourse', async () => {
    render(<CourseEditPage />)
    await screen.findByLabelText('课程名称')
    fillValid()
    type('课程名称', 'A'.repeat(41))
    type('名额', '0')
    type('第 1 课下课时间', '18:00')
    type('报名截止日期', '2026-11-29')
    await submit()
    expect(screen.getByText('课程名称最多 40 个字，请删减 1 个字（41/40）')).toBeTruthy()
    expect(screen.getByText('名额应为 1–500 之间的整数')).toBeTruthy()
    expect(screen.getByText('下课时间应晚于上课时间')).toBeTruthy()
    expect(screen.getByText('报名截止时间不能晚于第一节课的上课时间')).toBeTruthy()
    expect(mockedUpsert).not.toHaveBeenCalled()
  })

  it('keeps a title past the limit as typed and refuses it with its count, not cut off', async () => {
    render(<CourseEditPage />)
    await screen.findByLabelText('课程名称')
    fillValid()
    expect(screen.getByText('7/40')).toBeTruthy()
    const long = '新质生产力'.repeat(8) + '工业机器人'
    type('课程名称', long)
    expect((screen.getByLabelText('课程名称') as HTMLInputElement).value).toBe(long)
    expect(screen.getByText('课程名称最多 40 个字，请删减 5 个字（45/40）')).toBeTruthy()
    await submit()
    expect(mockedUpsert).not.toHaveBeenCalled()
  })

  it('says before saving how many workers an edit of time or place will notify, and only then', async () => {
    __setRouterParams({ id: 'course-1' })
    mockedGetCourse.mockResolvedValue({ ok: true, data: courseDetail({ seatsTaken: 35, waitlistLength: 0 }) })
    render(<CourseEditPage />)
    await screen.findByLabelText('课程名称')
    type('课程名称', 'AI 办公助手实战（进阶）')
    expect(screen.queryByText(/将收到变更通知/)).toBeNull()
    type('第 1 课日期', '2099-11-28')
    expect(screen.getByText('保存后，已报名 35 人将收到变更通知')).toBeTruthy()
    type('第 1 课日期', '2026-11-28')
    expect(screen.queryByText(/将收到变更通知/)).toBeNull()
  })

  it('counts the waitlist among those told of a new venue', async () => {
    __setRouterParams({ id: 'course-1' })
    mockedGetCourse.mockResolvedValue({
      ok: true,
      data: courseDetail({ seatsTaken: 30, waitlistLength: 5, lessons: [futureLesson()] }),
    })
    render(<CourseEditPage />)
    await screen.findByLabelText('课程名称')
    type('地点名称', '市职工服务中心二楼')
    expect(screen.getByText('保存后，已报名 30 人和候补 5 人将收到变更通知')).toBeTruthy()
  })

  it('asks for at least one lesson and for closing after opening', async () => {
    render(<CourseEditPage />)
    await screen.findByLabelText('课程名称')
    fillValid()
    type('报名截止日期', '2026-10-01')
    fireEvent.click(screen.getByRole('button', { name: '删除第 1 课' }))
    await submit()
    expect(screen.getByText('请至少安排一节课')).toBeTruthy()
    expect(screen.getByText('报名截止时间应晚于报名开始时间')).toBeTruthy()
    expect(mockedUpsert).not.toHaveBeenCalled()
  })

  it('refuses overlapping lessons like the server does', async () => {
    render(<CourseEditPage />)
    await screen.findByLabelText('课程名称')
    fillValid()
    fireEvent.click(screen.getByText('＋ 添加一节课'))
    type('第 2 课日期', '2026-11-28')
    type('第 2 课上课时间', '20:00')
    type('第 2 课下课时间', '22:00')
    await submit()
    expect(screen.getByText('与另一节课的时间重叠')).toBeTruthy()
    expect(mockedUpsert).not.toHaveBeenCalled()
  })

  it('sends valid input with instants built from Shanghai wall-clock times', async () => {
    jest.useFakeTimers()
    mockedUpsert.mockResolvedValue({ ok: true, data: { courseId: 'c-new' } })
    render(<CourseEditPage />)
    await act(async () => {
      await jest.runOnlyPendingTimersAsync()
    })
    fillValid()
    await submit()
    expect(mockedUpsert).toHaveBeenCalledWith({
      title: '无人机航拍入门',
      category: '无人机',
      instructor: '刘强',
      summary: '从起飞到构图，周末两次课。',
      venue: { name: '区工人文化宫', address: '人民路 12 号' },
      level: '入门',
      industries: [],
      capacity: 30,
      enrollOpensAt: '2026-11-01T01:00:00.000Z',
      enrollClosesAt: '2026-11-27T10:00:00.000Z',
      presence: 'location',
      checkinRadiusM: 300,
      lessons: [{ startsAt: '2026-11-28T11:00:00.000Z', endsAt: '2026-11-28T13:00:00.000Z' }],
    })
    act(() => {
      jest.advanceTimersByTime(1000)
    })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/package-staff/pages/course-manage/index?id=c-new' })
  })

  it('sends the level and the industries chosen, in the list’s order, and a second tap takes one out', async () => {
    mockedUpsert.mockResolvedValue({ ok: true, data: { courseId: 'c-new' } })
    render(<CourseEditPage />)
    await screen.findByLabelText('课程名称')
    fillValid()
    expect(screen.getByText('不选即适合所有行业')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('课程难度'), { target: { value: '2' } })
    for (const industry of ['交通物流', '制造业', '金融']) fireEvent.click(screen.getByText(industry))
    fireEvent.click(screen.getByText('金融'))
    expect(screen.getByText('已选 2 个')).toBeTruthy()
    await submit()
    expect(mockedUpsert).toHaveBeenCalledWith(
      expect.objectContaining({ level: '实操', industries: ['制造业', '交通物流'] }),
    )
  })

  it('loads a course’s level and industries, and shows a refusal of them under the chips', async () => {
    __setRouterParams({ id: 'course-1' })
    mockedGetCourse.mockResolvedValue({ ok: true, data: courseDetail({ level: '进阶', industries: ['教育'] }) })
    mockedUpsert.mockResolvedValue({
      ok: false,
      error: { code: 'ADMIN.BAD_INDUSTRY', message: '「教育」不是可选的行业', field: 'course.industries' },
    })
    render(<CourseEditPage />)
    await screen.findByLabelText('课程名称')
    expect((screen.getByLabelText('课程难度') as HTMLSelectElement).value).toBe('1')
    expect(screen.getByLabelText('教育，已选')).toBeTruthy()
    await submit('保存修改')
    expect(mockedUpsert).toHaveBeenCalledWith(expect.objectContaining({ level: '进阶', industries: ['教育'] }))
    await waitFor(() => expect(screen.getAllByText('「教育」不是可选的行业').length).toBeGreaterThan(0))
    expect(document.querySelector('.xz-staff-edit__industries .xz-staff-edit__error')).not.toBeNull()
  })

  it('shows the server message on the field it names', async () => {
    mockedUpsert.mockResolvedValue({
      ok: false,
      error: { code: 'ADMIN.BAD_COURSE', message: '该地点名称过长', field: 'course.venue.name' },
    })
    render(<CourseEditPage />)
    await screen.findByLabelText('课程名称')
    fillValid()
    await submit()
    await waitFor(() => expect(screen.getAllByText('该地点名称过长').length).toBeGreaterThan(0))
    expect(screen.getByLabelText('地点名称').closest('.xz-form-field')?.className).toContain('xz-form-field--error')
  })

  it('loads an existing course into the form and keeps its id when saving', async () => {
    __setRouterParams({ id: 'course-1' })
    mockedGetCourse.mockResolvedValue({ ok: true, data: courseDetail() })
    mockedUpsert.mockResolvedValue({ ok: true, data: { courseId: 'course-1' } })
    render(<CourseEditPage />)
    expect(((await screen.findByLabelText('课程名称')) as HTMLInputElement).value).toBe('AI 办公助手实战')
    expect((screen.getByLabelText('第 1 课日期') as HTMLInputElement).value).toBe('2026-11-28')
    expect((screen.getByLabelText('第 1 课上课时间') as HTMLInputElement).value).toBe('19:00')
    await submit('保存修改')
    expect(mockedUpsert).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'course-1',
        cancelDeadlineHours: 24,
        lessons: [{ startsAt: '2026-11-28T11:00:00.000Z', endsAt: '2026-11-28T13:00:00.000Z' }],
      }),
    )
  })

  it('keeps the venue coordinates on an edit and saves the check-in fence and its switch', async () => {
    __setRouterParams({ id: 'course-1' })
    const course = courseDetail()
    mockedGetCourse.mockResolvedValue({
      ok: true,
      data: { ...course, venue: { ...course.venue, lat: 30.2847, lng: 120.1613 } },
    })
    mockedUpsert.mockResolvedValue({ ok: true, data: { courseId: 'course-1' } })
    render(<CourseEditPage />)
    expect(((await screen.findByLabelText('地点纬度')) as HTMLInputElement).value).toBe('30.2847')
    fireEvent.change(screen.getByLabelText('签到范围（米）'), { target: { value: '20' } })
    await submit('保存修改')
    expect(mockedUpsert).not.toHaveBeenCalled()
    expect(screen.getAllByText('签到范围应为上课地点 50–2000 米内').length).toBeGreaterThan(0)
    fireEvent.change(screen.getByLabelText('签到范围（米）'), { target: { value: '500' } })
    await submit('保存修改')
    expect(mockedUpsert).toHaveBeenCalledWith(
      expect.objectContaining({
        venue: { name: '市职工服务中心', address: '建设路 88 号', lat: 30.2847, lng: 120.1613 },
        presence: 'location',
        checkinRadiusM: 500,
      }),
    )
  })
})
