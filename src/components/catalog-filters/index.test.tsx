import { fireEvent, render, screen } from '@testing-library/react'
import { CatalogFilters, type CatalogFiltersProps } from '.'

const props = (overrides: Partial<CatalogFiltersProps> = {}): CatalogFiltersProps => ({
  level: '',
  allValue: '',
  onLevel: jest.fn(),
  mine: false,
  myIndustry: '制造业',
  onToggleMine: jest.fn(),
  ...overrides,
})

describe('CatalogFilters', () => {
  it('marks the chosen level and reports a tap on another, 全部 standing for every level', () => {
    const p = props({ level: '进阶' })
    render(<CatalogFilters {...p} />)
    expect(screen.getByText('进阶').className).toContain('xz-catalog-filters__level--active')
    expect(screen.getByText('全部').className).not.toContain('--active')
    fireEvent.click(screen.getByText('实操'))
    fireEvent.click(screen.getByText('全部'))
    expect((p.onLevel as jest.Mock).mock.calls).toEqual([['实操'], ['']])
  })

  it('offers 适合我的行业 while off, and names the industry once on', () => {
    const off = props()
    const { rerender } = render(<CatalogFilters {...off} />)
    fireEvent.click(screen.getByText('适合我的行业'))
    expect(off.onToggleMine).toHaveBeenCalledTimes(1)
    rerender(<CatalogFilters {...props({ mine: true })} />)
    expect(screen.getByLabelText('适合制造业，已打开').className).toContain('xz-catalog-filters__mine--on')
  })

  it('still offers the toggle to a worker without an industry, for the page to ask for one', () => {
    const p = props({ myIndustry: null })
    render(<CatalogFilters {...p} />)
    fireEvent.click(screen.getByText('适合我的行业'))
    expect(p.onToggleMine).toHaveBeenCalledTimes(1)
  })
})
