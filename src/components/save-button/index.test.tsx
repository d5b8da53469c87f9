import { fireEvent, render, screen } from '@testing-library/react'
import { SaveButton } from '.'

describe('SaveButton', () => {
  it('saves on a tap', () => {
    const onSave = jest.fn()
    render(
      <SaveButton saving={false} onSave={onSave}>
        保存
      </SaveButton>,
    )
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
    expect(onSave).toHaveBeenCalledTimes(1)
  })

  it('cannot be tapped again while saving', () => {
    const onSave = jest.fn()
    render(
      <SaveButton saving onSave={onSave}>
        保存
      </SaveButton>,
    )
    const button = screen.getByRole('button', { name: '保存' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
    fireEvent.click(button)
    expect(onSave).not.toHaveBeenCalled()
  })
})
