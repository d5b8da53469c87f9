import { render, screen } from '@testing-library/react'
import { ownPlaceBadge, SeatBadge, seatBadgeTone } from '.'

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

  it('speaks of the worker’s own place instead of the seats when they hold one', () => {
    render(<SeatBadge state="full" seatsLeft={0} place={{ status: 'waitlisted', waitlistPosition: 4 }} />)
    expect(screen.getByText('候补第 4 位').className).toContain('xz-seat-badge--few')
    expect(screen.queryByText('已满·可候补')).toBeNull()
    expect(ownPlaceBadge({ status: 'enrolled', waitlistPosition: null })).toEqual({ label: '已报名', tone: 'open' })
    expect(ownPlaceBadge({ status: 'offered', waitlistPosition: null })).toEqual({ label: '待确认', tone: 'waitlist' })
    expect(ownPlaceBadge({ status: 'waitlisted', waitlistPosition: null })?.label).toBe('候补中')
    // A place given up or lapsed is no place: the course's own state shows again.
    expect(ownPlaceBadge({ status: 'cancelled', waitlistPosition: null })).toBeNull()
    expect(ownPlaceBadge(null)).toBeNull()
  })

  it('grows for the detail page header', () => {
    render(<SeatBadge state="not_open" seatsLeft={40} size="large" />)
    expect(screen.getByText('未开放').className).toContain('xz-seat-badge--large')
  })
})
