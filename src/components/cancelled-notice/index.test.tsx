import { fireEvent, render, screen } from '@testing-library/react'
import { enrollmentTag } from '../enrollment-card'
import { CancelledNotice } from '.'

const enrollment = { courseId: 'c1', cancelReason: '讲师临时出差，课程取消', course: { title: '无人机航拍入门' } }

describe('CancelledNotice', () => {
  it('names the course and the union’s reason, and records 知道了 once', () => {
    const onAck = jest.fn()
    render(<CancelledNotice enrollment={enrollment} onAck={onAck} />)
    expect(screen.getByText('工会已取消：无人机航拍入门')).toBeTruthy()
    expect(screen.getByText('原因：讲师临时出差，课程取消')).toBeTruthy()
    fireEvent.click(screen.getByText('知道了'))
    expect(onAck).toHaveBeenCalledWith('c1')
  })

  it('ignores taps while the acknowledgement is on its way', () => {
    const onAck = jest.fn()
    render(<CancelledNotice enrollment={enrollment} onAck={onAck} busy />)
    fireEvent.click(screen.getByText('正在确认…'))
    expect(onAck).not.toHaveBeenCalled()
  })
})

describe('enrollmentTag for a cancelled place', () => {
  const base = { status: 'cancelled' as const, waitlistPosition: null, offerExpiresAt: null }
  it('tells 工会已取消 from 您已取消', () => {
    expect(enrollmentTag({ ...base, cancelledBy: 'union' })).toEqual({ text: '工会已取消', tone: 'danger' })
    expect(enrollmentTag({ ...base, cancelledBy: 'worker' })).toEqual({ text: '您已取消', tone: 'muted' })
  })
})
