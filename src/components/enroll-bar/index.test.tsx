import { fireEvent, render, screen } from '@testing-library/react'
import { courseCard } from '@/test-setup/fixtures'
import { EnrollBar, enrollBarMode, type EnrollBarMode } from '.'

const NOW = new Date('2026-11-25T02:00:00.000Z') // 10:00 in Shanghai

describe('enrollBarMode', () => {
  it('offers a seat while the course is open, and the waitlist once it is full', () => {
    expect(enrollBarMode({ course: courseCard(), enrollment: null })).toEqual({ kind: 'open', seatsLeft: 30 })
    expect(
      enrollBarMode({
        course: courseCard({ enrollState: 'full', seatsLeft: 0, seatsTaken: 40, waitlistLength: 3 }),
        enrollment: null,
      }),
    ).toEqual({ kind: 'full', waitlistLength: 3 })
  })

  it('says the waitlist is full when it has reached the course capacity', () => {
    const course = courseCard({ enrollState: 'full', capacity: 40, seatsLeft: 0, waitlistLength: 40 })
    expect(enrollBarMode({ course, enrollment: null }).kind).toBe('waitlist_full')
  })

  it("shows the worker's own place before anything the course says", () => {
    const full = courseCard({ enrollState: 'full', seatsLeft: 0 })
    const base = { waitlistPosition: null, offerExpiresAt: null, canCancel: true }
    expect(enrollBarMode({ course: full, enrollment: { ...base, status: 'enrolled' } }).kind).toBe('enrolled')
    expect(enrollBarMode({ course: full, enrollment: { ...base, status: 'waitlisted', waitlistPosition: 2 } })).toEqual(
      { kind: 'waitlisted', position: 2 },
    )
    expect(enrollBarMode({ course: full, enrollment: { ...base, status: 'offered' }, needsProfile: true }).kind).toBe(
      'offered',
    )
  })

  it('asks for the profile only where enrolling is possible at all', () => {
    expect(enrollBarMode({ course: courseCard(), enrollment: null, needsProfile: true }).kind).toBe('profile')
    expect(
      enrollBarMode({ course: courseCard({ enrollState: 'closed' }), enrollment: null, needsProfile: true }).kind,
    ).toBe('closed')
  })

  it('waits for the worker status before offering to enrol', () => {
    expect(enrollBarMode({ course: courseCard(), enrollment: null, checking: true }).kind).toBe('checking')
  })
})

describe('EnrollBar', () => {
  function renderBar(mode: EnrollBarMode, extra: Partial<Parameters<typeof EnrollBar>[0]> = {}) {
    const handlers = {
      onEnroll: jest.fn(),
      onJoinWaitlist: jest.fn(),
      onCancel: jest.fn(),
      onConfirm: jest.fn(),
      onDecline: jest.fn(),
      onCompleteProfile: jest.fn(),
    }
    render(<EnrollBar mode={mode} now={NOW} {...handlers} {...extra} />)
    return handlers
  }

  it('enrols on 立即报名', () => {
    const h = renderBar({ kind: 'open', seatsLeft: 3 })
    expect(screen.getByText('剩余 3 个名额')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '立即报名' }))
    expect(h.onEnroll).toHaveBeenCalledTimes(1)
  })

  it('offers 加入候补 on a full course', () => {
    const h = renderBar({ kind: 'full', waitlistLength: 4 })
    expect(screen.getByText('当前候补 4 人')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '加入候补' }))
    expect(h.onJoinWaitlist).toHaveBeenCalled()
  })

  it('tells when enrolment opens and disables the button', () => {
    renderBar({ kind: 'not_open', opensAt: '2026-11-30T02:00:00.000Z' })
    expect(screen.getByText('11月30日 周一 10:00 开放报名')).toBeTruthy()
    expect((screen.getByRole('button', { name: '未开放' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows 已截止 as a disabled button', () => {
    renderBar({ kind: 'closed' })
    expect((screen.getByRole('button', { name: '已截止' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows 已报名 ✓ with 取消报名 while cancelling is still allowed', () => {
    const h = renderBar({ kind: 'enrolled', canCancel: true, cancelDeadline: '2026-11-27T11:00:00.000Z' })
    expect(screen.getByText('已报名 ✓')).toBeTruthy()
    expect(screen.getByText('如需取消，请在 11月27日 周五 19:00 前操作')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '取消报名' }))
    expect(h.onCancel).toHaveBeenCalled()
  })

  it('explains why an enrolled worker can no longer cancel', () => {
    renderBar({ kind: 'enrolled', canCancel: false, cancelDeadline: null }, { cancelDeadlineHours: 24 })
    expect(screen.queryByRole('button', { name: '取消报名' })).toBeNull()
    expect(screen.getByText('开课前 24 小时内不能取消，请按时上课')).toBeTruthy()
  })

  it('shows the waitlist place with 退出候补', () => {
    const h = renderBar({ kind: 'waitlisted', position: 2 })
    expect(screen.getByText('候补第 2 位')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '退出候补' }))
    expect(h.onCancel).toHaveBeenCalled()
  })

  it('shows an offer with its deadline, 确认参加 and 放弃', () => {
    const h = renderBar({ kind: 'offered', expiresAt: '2026-11-25T06:30:00.000Z' })
    expect(screen.getByText('待确认 · 截止 14:30')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '确认参加' }))
    fireEvent.click(screen.getByRole('button', { name: '放弃' }))
    expect(h.onConfirm).toHaveBeenCalled()
    expect(h.onDecline).toHaveBeenCalled()
  })

  it('names the day when the offer runs out tomorrow', () => {
    renderBar({ kind: 'offered', expiresAt: '2026-11-26T00:30:00.000Z' })
    expect(screen.getByText('待确认 · 截止 明天 08:30')).toBeTruthy()
  })

  it('disables every button while an action runs, so a second tap sends nothing', () => {
    const h = renderBar({ kind: 'offered', expiresAt: null }, { pending: 'confirm' })
    const buttons = screen.getAllByRole('button') as HTMLButtonElement[]
    expect(buttons.every((b) => b.disabled)).toBe(true)
    buttons.forEach((b) => fireEvent.click(b))
    expect(h.onConfirm).not.toHaveBeenCalled()
    expect(h.onDecline).not.toHaveBeenCalled()
  })

  it('sends an unregistered worker to the profile', () => {
    const h = renderBar({ kind: 'profile' })
    fireEvent.click(screen.getByRole('button', { name: '先完善个人信息' }))
    expect(h.onCompleteProfile).toHaveBeenCalled()
  })
})
