import { fireEvent, render, screen } from '@testing-library/react'
import { CatalogSearch } from '.'

const setup = (value = '', openOnly = false) => {
  const onSearch = jest.fn()
  const onToggleOpenOnly = jest.fn()
  const view = render(
    <CatalogSearch value={value} onSearch={onSearch} openOnly={openOnly} onToggleOpenOnly={onToggleOpenOnly} />,
  )
  return { onSearch, onToggleOpenOnly, view }
}

const box = () => screen.getByLabelText('搜索课程、讲师或地点') as HTMLInputElement

describe('CatalogSearch', () => {
  it('searches the typed words, trimmed, on the 搜索 button', () => {
    const { onSearch } = setup()
    fireEvent.input(box(), { target: { value: '  王老师 ' } })
    fireEvent.click(screen.getByText('搜索'))
    expect(onSearch).toHaveBeenCalledWith('王老师')
  })

  it('clears the search with ×, and follows a search cleared from outside', () => {
    const { onSearch, view } = setup('无人机')
    expect(box().value).toBe('无人机')
    fireEvent.click(screen.getByLabelText('清除搜索'))
    expect(onSearch).toHaveBeenCalledWith('')
    view.rerender(<CatalogSearch value="" onSearch={onSearch} openOnly={false} onToggleOpenOnly={jest.fn()} />)
    expect(box().value).toBe('')
  })

  it('shows 只看可报名 as a switch with its state', () => {
    const { onToggleOpenOnly, view } = setup()
    fireEvent.click(screen.getByLabelText('只看可报名'))
    expect(onToggleOpenOnly).toHaveBeenCalledTimes(1)
    view.rerender(<CatalogSearch value="" onSearch={jest.fn()} openOnly onToggleOpenOnly={onToggleOpenOnly} />)
    expect(screen.getByLabelText('只看可报名，已打开')).toBeTruthy()
  })
})
