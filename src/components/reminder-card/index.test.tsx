import { fireEvent, render, screen } from '@testing-library/react'
import { ReminderCard } from '.'

describe('ReminderCard', () => {
  it('lists what is left of each kind in plain words', () => {
    render(
      <ReminderCard
        kinds={['lessonReminder', 'seatOffer', 'courseChange']}
        credits={{ lessonReminder: 2, seatOffer: 0, courseChange: 1 }}
      />,
    )
    expect(screen.getByText('还可接收 上课提醒 2 条 · 递补通知 0 条 · 变更通知 1 条')).toBeTruthy()
    expect(screen.getByText('每次允许可接收一条提醒。报名多节课时，可多点几次「开启提醒」')).toBeTruthy()
  })

  it('counts a kind missing from the credits as 0', () => {
    render(<ReminderCard kinds={['seatOffer']} credits={{}} />)
    expect(screen.getByText('还可接收 递补通知 0 条')).toBeTruthy()
  })

  it('calls onEnable on 开启提醒 and holds the button while busy', () => {
    const onEnable = jest.fn()
    const { rerender } = render(<ReminderCard kinds={['lessonReminder']} credits={{}} onEnable={onEnable} />)
    fireEvent.click(screen.getByRole('button', { name: '开启提醒' }))
    expect(onEnable).toHaveBeenCalledTimes(1)
    rerender(<ReminderCard kinds={['lessonReminder']} credits={{}} onEnable={onEnable} busy />)
    expect((screen.getByRole('button', { name: '开启提醒' }) as HTMLButtonElement).disabled).toBe(true)
  })
})
