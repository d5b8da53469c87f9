import { fireEvent, render, screen } from '@testing-library/react'
import { courseCard } from '@/test-setup/fixtures'
import { CourseCard } from '.'

describe('CourseCard', () => {
  it('shows what a worker needs to decide: title, category, first lesson, venue, instructor', () => {
    render(<CourseCard course={courseCard()} />)
    expect(screen.getByText('AI 办公助手实战')).toBeTruthy()
    expect(screen.getByText('人工智能')).toBeTruthy()
    // First lesson in Shanghai time, not the UTC instant it is stored as.
    expect(screen.getByText(/11月28日 周六 19:00/)).toBeTruthy()
    expect(screen.getByText(/共 4 课/)).toBeTruthy()
    expect(screen.getByText('市职工服务中心')).toBeTruthy()
    expect(screen.getByText('王建国')).toBeTruthy()
  })

  it('shows seats left and the enrolment state label', () => {
    render(<CourseCard course={courseCard({ seatsLeft: 2, seatsTaken: 38, capacity: 40 })} />)
    expect(screen.getByText('仅剩 2 席')).toBeTruthy()
    expect(screen.getByText(/剩余 2 \/ 40 席/)).toBeTruthy()
  })

  it('tells a full course apart and mentions the waitlist', () => {
    render(
      <CourseCard
        course={courseCard({ enrollState: 'full', seatsLeft: 0, seatsTaken: 40, capacity: 40, waitlistLength: 6 })}
      />,
    )
    expect(screen.getByText('已满·可候补')).toBeTruthy()
    expect(screen.getByText(/已满 40 席 · 候补 6 人/)).toBeTruthy()
  })

  it('tags the level and names the industries the course suits, or all of them', () => {
    const { rerender } = render(
      <CourseCard course={courseCard({ level: '实操', industries: ['制造业', '交通物流'] })} />,
    )
    expect(screen.getByText('实操').className).toContain('xz-level-tag--practice')
    expect(screen.getByText('制造业、交通物流')).toBeTruthy()
    rerender(<CourseCard course={courseCard({ level: '入门', industries: [] })} />)
    expect(screen.getByText('入门').className).toContain('xz-level-tag--basic')
    expect(screen.getByText('所有行业')).toBeTruthy()
    rerender(<CourseCard course={courseCard({ industries: ['制造业', '交通物流', '金融', '教育', '其他'] })} />)
    expect(screen.getByText('制造业、交通物流、金融 等 5 个行业')).toBeTruthy()
  })

  it('reports which course was tapped', () => {
    const onOpen = jest.fn()
    render(<CourseCard course={courseCard({ id: 'c-42' })} onOpen={onOpen} />)
    fireEvent.click(screen.getByText('AI 办公助手实战'))
    expect(onOpen).toHaveBeenCalledWith('c-42')
  })
})
