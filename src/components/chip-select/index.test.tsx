import { fireEvent, render, screen } from '@testing-library/react'
import { INDUSTRIES } from '@core'
import { ChipSelect } from '.'

describe('ChipSelect', () => {
  it('shows every option, marks the chosen ones and reports a tap on any of them', () => {
    const onToggle = jest.fn()
    render(<ChipSelect options={INDUSTRIES} selected={['制造业', '金融']} onToggle={onToggle} />)
    expect(screen.getAllByRole('checkbox')).toHaveLength(INDUSTRIES.length)
    expect(screen.getByLabelText('制造业，已选').className).toContain('xz-chip-select__chip--on')
    expect(screen.getByLabelText('教育').className).not.toContain('--on')
    fireEvent.click(screen.getByText('教育'))
    fireEvent.click(screen.getByText('金融'))
    expect(onToggle.mock.calls).toEqual([['教育'], ['金融']])
  })
})
