import { fireEvent, render, screen } from '@testing-library/react'
import { CATEGORIES } from '@core'
import { CategoryChips } from '.'

describe('CategoryChips', () => {
  it('marks the chosen category and reports a tap on another, 全部 standing for all', () => {
    const onChange = jest.fn()
    render(<CategoryChips value={CATEGORIES[0]} allValue="" onChange={onChange} />)
    expect(screen.getByText(CATEGORIES[0]).className).toContain('xz-category-chips__chip--active')
    expect(screen.getByText('全部').className).not.toContain('--active')
    fireEvent.click(screen.getByText('全部'))
    expect(onChange).toHaveBeenCalledWith('')
  })
})
