import { render, screen } from '@testing-library/react'
import { courseCard } from '@/test-setup/fixtures'
import { CourseCard } from '.'

describe('CourseCard: the worker’s own place and the opening time', () => {
  it('names the worker’s own place instead of the seats left', () => {
    const few = { seatsLeft: 1, seatsTaken: 39, capacity: 40 }
    const { rerender } = render(
      <CourseCard course={{ ...courseCard(few), own: { status: 'enrolled', waitlistPosition: null } }} />,
    )
    expect(screen.getByText('已报名')).toBeTruthy()
    expect(screen.queryByText('仅剩 1 席')).toBeNull()
    rerender(<CourseCard course={{ ...courseCard(few), own: { status: 'waitlisted', waitlistPosition: 3 } }} />)
    expect(screen.getByText('候补第 3 位')).toBeTruthy()
    rerender(<CourseCard course={{ ...courseCard(few), own: { status: 'offered', waitlistPosition: null } }} />)
    expect(screen.getByText('待确认')).toBeTruthy()
    rerender(<CourseCard course={{ ...courseCard(few), own: null }} />)
    expect(screen.getByText('仅剩 1 席')).toBeTruthy()
  })

  it('says when enrollment opens on a 未开放 card, with the day, and nothing on an open one', () => {
    const now = new Date('2026-11-20T02:00:00Z') // 11月20日 10:00 北京时间
    const { rerender } = render(
      <CourseCard now={now} course={courseCard({ enrollState: 'not_open', enrollOpensAt: '2026-11-21T01:00:00Z' })} />,
    )
    expect(screen.getByText('报名 11月21日 周六（明天）09:00 开始')).toBeTruthy()
    rerender(<CourseCard now={now} course={courseCard({ enrollState: 'open' })} />)
    expect(screen.queryByText(/开始$/)).toBeNull()
  })
})
