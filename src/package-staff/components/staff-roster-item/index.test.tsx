import { fireEvent, render, screen } from '@testing-library/react'
import type { RosterEntry } from '@core'
import { StaffRosterItem, maskPhone } from '.'

const entry: RosterEntry = {
  name: '李娜',
  phone: '13800138000',
  employer: '市建工集团',
  memberNo: 'GH2026001',
  status: 'offered',
  waitlistPosition: null,
  offerExpiresAt: '2026-11-20T04:00:00.000Z',
  updatedAt: '2026-11-19T04:00:00.000Z',
}

describe('StaffRosterItem', () => {
  it('masks the middle four digits of a phone number', () => {
    expect(maskPhone('13800138000')).toBe('138****8000')
    expect(maskPhone('021-1234')).toBe('021-1234')
  })

  it('shows the masked phone until tapped, then the full number', () => {
    render(<StaffRosterItem entry={entry} />)
    expect(screen.getByText('138****8000')).toBeTruthy()
    expect(screen.queryByText('13800138000')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '显示李娜的手机号' }))
    expect(screen.getByText('13800138000')).toBeTruthy()
  })

  it('shows employer, member number and the offer deadline in Shanghai time', () => {
    render(<StaffRosterItem entry={entry} />)
    expect(screen.getByText('市建工集团')).toBeTruthy()
    expect(screen.getByText('会员号 GH2026001')).toBeTruthy()
    expect(screen.getByText('须在 2026年11月20日 12:00 前确认')).toBeTruthy()
  })

  it('shows the waitlist position', () => {
    render(<StaffRosterItem entry={{ ...entry, status: 'waitlisted', waitlistPosition: 3, offerExpiresAt: null }} />)
    expect(screen.getByText('候补第 3 位')).toBeTruthy()
  })
})

describe('StaffRosterItem on a cancelled course, and 拨打', () => {
  it('shows what the worker held and 已取消', () => {
    render(
      <StaffRosterItem entry={{ ...entry, status: 'cancelled', formerStatus: 'waitlisted', offerExpiresAt: null }} />,
    )
    expect(screen.getByText('原候补')).toBeTruthy()
    expect(screen.getByText('已取消')).toBeTruthy()
    expect(screen.queryByText('待确认')).toBeNull()
  })

  it('calls the full number with one tap, without showing it first', () => {
    const onCall = jest.fn()
    render(<StaffRosterItem entry={entry} onCall={onCall} />)
    fireEvent.click(screen.getByRole('button', { name: '拨打李娜的电话' }))
    expect(onCall).toHaveBeenCalledWith('13800138000')
    expect(screen.queryByText('13800138000')).toBeNull()
  })

  it('offers no call without a number', () => {
    render(<StaffRosterItem entry={{ ...entry, phone: '' }} onCall={jest.fn()} />)
    expect(screen.queryByRole('button', { name: '拨打李娜的电话' })).toBeNull()
  })
})
