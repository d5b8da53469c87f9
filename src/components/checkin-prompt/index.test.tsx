import { fireEvent, render, screen } from '@testing-library/react'
import { CheckinPrompt } from '.'

const lesson = { index: 2, startsAt: '2026-12-05T11:00:00.000Z' }

describe('CheckinPrompt', () => {
  it('invites the worker to check in to the open lesson', () => {
    const onCheckIn = jest.fn()
    render(<CheckinPrompt lesson={lesson} onCheckIn={onCheckIn} />)
    expect(screen.getByText('第 2 课 正在签到')).toBeTruthy()
    expect(screen.getByText('19:00 开课，请扫现场大屏签到码')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '扫码签到' }))
    expect(onCheckIn).toHaveBeenCalledTimes(1)
  })

  it('says the lesson is checked in, late or not, and offers no button', () => {
    render(<CheckinPrompt lesson={lesson} attended={{ at: '2026-12-05T11:12:00.000Z', late: true }} />)
    expect(screen.getByText('第 2 课已签到 19:12')).toBeTruthy()
    expect(screen.getByText('迟到')).toBeTruthy()
    expect(screen.queryByRole('button')).toBeNull()
  })
})
