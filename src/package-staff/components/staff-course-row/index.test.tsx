import { fireEvent, render, screen } from '@testing-library/react'
import { courseCard } from '@/test-setup/fixtures'
import { StaffCourseRow } from '.'

describe('StaffCourseRow', () => {
  it('shows seats taken against capacity and the waitlist', () => {
    render(<StaffCourseRow course={courseCard({ seatsTaken: 40, capacity: 40, waitlistLength: 6, seatsLeft: 0 })} />)
    expect(screen.getByText('已占 / 名额').previousSibling?.textContent).toBe('40 / 40')
    expect(screen.getByText('候补').previousSibling?.textContent).toBe('6')
    expect(screen.getByText(/11月28日 周六 19:00 · 共 4 课 · 市职工服务中心/)).toBeTruthy()
  })

  it('reports which course was tapped', () => {
    const onOpen = jest.fn()
    render(<StaffCourseRow course={courseCard({ id: 'c-9' })} onOpen={onOpen} />)
    fireEvent.click(screen.getByRole('link', { name: 'AI 办公助手实战' }))
    expect(onOpen).toHaveBeenCalledWith('c-9')
  })
})
