import { fireEvent, render, screen } from '@testing-library/react'
import { attendanceEntry } from '@/test-setup/fixtures'
import { AttendanceRow } from '.'

describe('AttendanceRow', () => {
  it('offers 补签 for an absent worker, with employer and phone tail', () => {
    const onMark = jest.fn()
    const entry = attendanceEntry()
    render(<AttendanceRow entry={entry} onMark={onMark} />)
    expect(screen.getByText('市建工集团 · 尾号 8000')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '为张伟补签' }))
    expect(onMark).toHaveBeenCalledWith(entry)
  })

  it('does not report a tap while another mark is saving', () => {
    const onMark = jest.fn()
    render(<AttendanceRow entry={attendanceEntry()} onMark={onMark} disabled />)
    fireEvent.click(screen.getByRole('button', { name: '为张伟补签' }))
    expect(onMark).not.toHaveBeenCalled()
  })

  it('shows when and how a worker checked in, and a late badge', () => {
    render(
      <AttendanceRow
        entry={attendanceEntry({ status: 'late', at: '2026-11-28T11:14:00.000Z', method: 'manual', phoneTail: '' })}
      />,
    )
    expect(screen.getByText('19:14')).toBeTruthy()
    expect(screen.getByText('补签')).toBeTruthy()
    expect(screen.getByText('迟到')).toBeTruthy()
    expect(screen.getByText('市建工集团')).toBeTruthy()
    expect(screen.queryByRole('button')).toBeNull()
  })
})
