import { fireEvent, render, screen } from '@testing-library/react'
import { ResultSheet } from '.'

const base = {
  visible: true,
  courseTitle: 'AI 办公助手实战',
  firstLessonAt: '2026-11-28T11:00:00.000Z',
  venueName: '市职工服务中心',
  venueAddress: '建设路 88 号',
}

describe('ResultSheet', () => {
  it('confirms a seat with the course, first lesson in Shanghai time, venue and where to find them again', () => {
    render(<ResultSheet {...base} outcome={{ kind: 'enrolled' }} />)
    expect(screen.getByText('报名成功')).toBeTruthy()
    expect(screen.getByText('✓')).toBeTruthy()
    expect(screen.getByText('AI 办公助手实战')).toBeTruthy()
    expect(screen.getByText('11月28日 周六 19:00')).toBeTruthy()
    expect(screen.getByText('市职工服务中心')).toBeTruthy()
    expect(screen.getByText('建设路 88 号')).toBeTruthy()
    expect(screen.getByText('开课时间和地点可在「我的课程」中随时查看，请按时到场签到。')).toBeTruthy()
    // No lesson reminder was allowed in this tap: the sheet must not promise one.
    expect(screen.queryByText(/提醒/)).toBeNull()
  })

  it('promises a WeChat reminder the day before only when the worker allowed one', () => {
    render(<ResultSheet {...base} outcome={{ kind: 'enrolled' }} reminded />)
    expect(screen.getByText('开课前一天会通过微信提醒您；开课时间和地点也可在「我的课程」中查看。')).toBeTruthy()
    expect(screen.queryByText(/请按时到场签到/)).toBeNull()
  })

  it('keeps the waitlist wording whether or not a reminder was allowed', () => {
    render(<ResultSheet {...base} outcome={{ kind: 'waitlisted', position: 2 }} reminded />)
    expect(screen.getByText(/递补后需在截止时间前确认/)).toBeTruthy()
    expect(screen.queryByText(/开课前一天/)).toBeNull()
  })

  it('gives the waitlist place', () => {
    render(<ResultSheet {...base} outcome={{ kind: 'waitlisted', position: 3 }} />)
    expect(screen.getByText('已加入候补')).toBeTruthy()
    expect(screen.getByText('当前第 3 位')).toBeTruthy()
    expect(screen.getByText(/递补后需在截止时间前确认/)).toBeTruthy()
  })

  it('closes on 好的 and offers 查看我的课程 only when asked', () => {
    const onClose = jest.fn()
    const onViewMine = jest.fn()
    const { rerender } = render(<ResultSheet {...base} outcome={{ kind: 'enrolled' }} onClose={onClose} />)
    expect(screen.queryByRole('button', { name: '查看我的课程' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '好的' }))
    expect(onClose).toHaveBeenCalled()
    rerender(<ResultSheet {...base} outcome={{ kind: 'enrolled' }} onClose={onClose} onViewMine={onViewMine} />)
    fireEvent.click(screen.getByRole('button', { name: '查看我的课程' }))
    expect(onViewMine).toHaveBeenCalled()
  })

  it('draws nothing while hidden', () => {
    const { container } = render(<ResultSheet {...base} visible={false} outcome={{ kind: 'enrolled' }} />)
    expect(container.innerHTML).toBe('')
  })
})
