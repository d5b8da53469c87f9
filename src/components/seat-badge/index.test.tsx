import { render, screen } from '@testing-library/react'
import { SeatBadge, seatBadgeTone } from '.'

describe('SeatBadge', () => {
  it('says a course is open while plenty of seats remain', () => {
    render(<SeatBadge state="open" seatsLeft={30} />)
    const badge = screen.getByText('报名中')
    expect(badge.className).toContain('xz-seat-badge--open')
  })

  it('counts down the last five seats in a warning colour', () => {
    render(<SeatBadge state="open" seatsLeft={3} />)
    expect(screen.getByText('仅剩 3 席').className).toContain('xz-seat-badge--few')
  })

  it('offers the waitlist once the course is full', () => {
    render(<SeatBadge state="full" seatsLeft={0} />)
    expect(screen.getByText('已满·可候补').className).toContain('xz-seat-badge--waitlist')
  })

  it('greys out closed and cancelled courses', () => {
    expect(seatBadgeTone('closed', 10)).toBe('muted')
    expect(seatBadgeTone('cancelled', 10)).toBe('muted')
    expect(seatBadgeTone('not_open', 10)).toBe('upcoming')
  })

  it('grows for the detail page header', () => {
    render(<SeatBadge state="not_open" seatsLeft={40} size="large" />)
    expect(screen.getByText('未开放').className).toContain('xz-seat-badge--large')
  })
})
