import { fireEvent, render, screen } from '@testing-library/react'
import { enrollmentView } from '@/test-setup/fixtures'
import { EnrollmentCard, enrollmentTag } from '.'

const BEFORE_COURSE = new Date('2026-11-20T00:00:00.000Z')

describe('enrollmentTag', () => {
  it('names every status in Chinese with its colour', () => {
    expect(enrollmentTag({ status: 'enrolled', waitlistPosition: null, offerExpiresAt: null })).toEqual({
      text: '已报名',
      tone: 'success',
    })
    expect(enrollmentTag({ status: 'waitlisted', waitlistPosition: 4, offerExpiresAt: null })).toEqual({
      text: '候补第 4 位',
      tone: 'warning',
    })
    expect(
      enrollmentTag({ status: 'offered', waitlistPosition: null, offerExpiresAt: '2026-11-21T06:00:00.000Z' }),
    ).toEqual({ text: '待确认·截止 11月21日 周六 14:00', tone: 'danger' })
    expect(enrollmentTag({ status: 'cancelled', waitlistPosition: null, offerExpiresAt: null }).text).toBe('已取消')
    expect(enrollmentTag({ status: 'expired', waitlistPosition: null, offerExpiresAt: null }).text).toBe('已过期')
    expect(enrollmentTag({ status: 'declined', waitlistPosition: null, offerExpiresAt: null }).text).toBe('已放弃')
  })
})

describe('EnrollmentCard', () => {
  it('shows title, status, next lesson and venue', () => {
    render(<EnrollmentCard enrollment={enrollmentView()} now={BEFORE_COURSE} />)
    expect(screen.getByText('AI 办公助手实战')).toBeTruthy()
    expect(screen.getByText('已报名')).toBeTruthy()
    expect(screen.getByText(/11月28日 周六 19:00–21:00/)).toBeTruthy()
    expect(screen.getByText(/第 1\/4 课/)).toBeTruthy()
    expect(screen.getByText('市职工服务中心')).toBeTruthy()
  })

  it('moves on to the next lesson once one is over', () => {
    render(<EnrollmentCard enrollment={enrollmentView()} now={new Date('2026-11-29T00:00:00.000Z')} />)
    expect(screen.getByText(/12月5日 周六 19:00–21:00/)).toBeTruthy()
  })

  it('opens the course on a tap, but a button tap does not', () => {
    const onOpen = jest.fn()
    const onCancel = jest.fn()
    const e = enrollmentView()
    render(<EnrollmentCard enrollment={e} onOpen={onOpen} onCancel={onCancel} now={BEFORE_COURSE} />)
    fireEvent.click(screen.getByRole('button', { name: '取消报名' }))
    expect(onCancel).toHaveBeenCalledWith(e)
    expect(onOpen).not.toHaveBeenCalled()
    fireEvent.click(screen.getByText('AI 办公助手实战'))
    expect(onOpen).toHaveBeenCalledWith('course-1')
  })

  it('offers no cancel button once the deadline has passed', () => {
    render(<EnrollmentCard enrollment={enrollmentView({ canCancel: false })} now={BEFORE_COURSE} />)
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('lets a waitlisted worker leave the waitlist', () => {
    render(<EnrollmentCard enrollment={enrollmentView({ status: 'waitlisted', waitlistPosition: 2 })} />)
    expect(screen.getByText('候补第 2 位')).toBeTruthy()
    expect(screen.getByRole('button', { name: '退出候补' })).toBeTruthy()
  })

  it('asks an offered worker to confirm, with the deadline in red', () => {
    const onConfirm = jest.fn()
    const onDecline = jest.fn()
    const e = enrollmentView({ status: 'offered', offerExpiresAt: '2026-11-21T06:00:00.000Z' })
    render(<EnrollmentCard enrollment={e} onConfirm={onConfirm} onDecline={onDecline} />)
    expect(screen.getByText('待确认·截止 11月21日 周六 14:00').className).toContain('xz-enrollment-card__tag--danger')
    fireEvent.click(screen.getByRole('button', { name: '确认参加' }))
    fireEvent.click(screen.getByRole('button', { name: '放弃' }))
    expect(onConfirm).toHaveBeenCalledWith(e)
    expect(onDecline).toHaveBeenCalledWith(e)
  })

  it('spins the button of the running action and disables the rest', () => {
    const e = enrollmentView({ status: 'offered' })
    render(<EnrollmentCard enrollment={e} pending="confirm" />)
    const buttons = screen.getAllByRole('button') as HTMLButtonElement[]
    expect(buttons.every((b) => b.disabled)).toBe(true)
  })

  it('draws a past enrollment as one line with its outcome', () => {
    render(<EnrollmentCard enrollment={enrollmentView({ status: 'cancelled', canCancel: false })} variant="past" />)
    expect(screen.getByText('已取消')).toBeTruthy()
    expect(screen.getByText('2026年11月20日')).toBeTruthy()
    expect(screen.queryByRole('button')).toBeNull()
  })
})

describe('EnrollmentCard check-in', () => {
  // 2026-11-28 18:40 in Shanghai: lesson 1 (19:00–21:00) is open for check-in.
  const DURING_CHECKIN = new Date('2026-11-28T10:40:00.000Z')

  it('offers 签到 while the next lesson is open for check-in, instead of cancelling', () => {
    const onCheckIn = jest.fn()
    const onOpen = jest.fn()
    const e = enrollmentView()
    render(<EnrollmentCard enrollment={e} now={DURING_CHECKIN} onCheckIn={onCheckIn} onOpen={onOpen} />)
    fireEvent.click(screen.getByRole('button', { name: '签到' }))
    expect(onCheckIn).toHaveBeenCalledWith(e)
    expect(onOpen).not.toHaveBeenCalled()
    expect(screen.queryByRole('button', { name: '取消报名' })).toBeNull()
  })

  it('offers no 签到 before check-in opens (more than 30 minutes ahead)', () => {
    render(<EnrollmentCard enrollment={enrollmentView()} now={BEFORE_COURSE} onCheckIn={jest.fn()} />)
    expect(screen.queryByRole('button', { name: '签到' })).toBeNull()
  })

  it('marks a checked-in lesson, late or not, and counts attended lessons', () => {
    render(
      <EnrollmentCard
        enrollment={enrollmentView()}
        now={DURING_CHECKIN}
        onCheckIn={jest.fn()}
        attendance={{ l1: { at: '2026-11-28T11:12:00.000Z', late: true } }}
      />,
    )
    expect(screen.getByText('✓ 已签到')).toBeTruthy()
    expect(screen.getByText('迟到')).toBeTruthy()
    expect(screen.getByText('已签到 1/2 课')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '签到' })).toBeNull()
  })

  it('offers no 签到 to a waitlisted worker', () => {
    render(
      <EnrollmentCard
        enrollment={enrollmentView({ status: 'waitlisted', waitlistPosition: 1 })}
        now={DURING_CHECKIN}
        onCheckIn={jest.fn()}
      />,
    )
    expect(screen.queryByRole('button', { name: '签到' })).toBeNull()
  })
})
