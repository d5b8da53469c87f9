import { fireEvent, render, screen } from '@testing-library/react'
import { StaffDialog } from '.'

describe('StaffDialog', () => {
  it('renders nothing while hidden', () => {
    const { container } = render(<StaffDialog visible={false} title="调整名额" />)
    expect(container.innerHTML).toBe('')
  })

  it('reports confirm and cancel taps', () => {
    const onConfirm = jest.fn()
    const onCancel = jest.fn()
    render(
      <StaffDialog visible title="调整名额" confirmText="保存" onConfirm={onConfirm} onCancel={onCancel}>
        内容
      </StaffDialog>,
    )
    expect(screen.getByRole('dialog', { name: '调整名额' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    fireEvent.click(screen.getByRole('button', { name: '取消' }))
    expect(onConfirm).toHaveBeenCalledTimes(1)
    expect(onCancel).toHaveBeenCalledTimes(1)
  })

  it('ignores confirm while disabled and paints a destructive action red', () => {
    const onConfirm = jest.fn()
    render(<StaffDialog visible title="取消课程" confirmText="下一步" danger confirmDisabled onConfirm={onConfirm} />)
    const button = screen.getByRole('button', { name: '下一步' })
    fireEvent.click(button)
    expect(onConfirm).not.toHaveBeenCalled()
    expect(button.className).toContain('xz-staff-dialog__button--danger')
  })
})
