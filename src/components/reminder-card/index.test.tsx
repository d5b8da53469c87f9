import { fireEvent, render, screen } from '@testing-library/react'
import { ReminderCard } from '.'

describe('ReminderCard', () => {
  it('says each kind is on or off, in plain words', () => {
    render(
      <ReminderCard
        kinds={['lessonReminder', 'seatOffer', 'courseChange']}
        credits={{ lessonReminder: 2, seatOffer: 0, courseChange: 1 }}
      />,
    )
    expect(screen.getByText('上课提醒：已开启 · 递补通知：未开启 · 变更通知：已开启')).toBeTruthy()
    expect(screen.getByText('点「开启提醒」并选择「允许」，上课前微信会提醒您')).toBeTruthy()
  })

  it('counts a kind missing from the credits as off, and explains the one-time credits once all are on', () => {
    const { rerender } = render(<ReminderCard kinds={['seatOffer']} credits={{}} />)
    expect(screen.getByText('递补通知：未开启')).toBeTruthy()
    rerender(<ReminderCard kinds={['seatOffer']} credits={{ seatOffer: 1 }} />)
    expect(screen.getByText('递补通知：已开启')).toBeTruthy()
    expect(screen.getByText('每次允许可收到一条提醒，用完后再点一次「开启提醒」')).toBeTruthy()
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
