import { fireEvent, render, screen } from '@testing-library/react'
import { ListFooter, type ListPager } from '.'

function pager(overrides: Partial<ListPager> = {}): ListPager {
  return { loadingMore: false, moreError: null, hasMore: false, loadMore: jest.fn(), ...overrides }
}

describe('ListFooter', () => {
  it('offers 加载更多 while pages remain, and loads on a tap', () => {
    const p = pager({ hasMore: true })
    render(<ListFooter pager={p} doneText="— 已显示全部课程 —" />)
    fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
    expect(p.loadMore).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('— 已显示全部课程 —')).toBeNull()
  })

  it('turns a failed page into a retry', () => {
    const p = pager({ hasMore: true, moreError: { message: '网络不太稳定' } })
    render(<ListFooter pager={p} />)
    fireEvent.click(screen.getByRole('button', { name: '网络不太稳定，点此重试' }))
    expect(p.loadMore).toHaveBeenCalledTimes(1)
  })

  it('says it is loading, then that everything is shown', () => {
    const { rerender } = render(<ListFooter pager={pager({ loadingMore: true, hasMore: true })} doneText="— 完 —" />)
    expect(screen.getByText('正在加载…')).toBeTruthy()
    rerender(<ListFooter pager={pager()} doneText="— 完 —" />)
    expect(screen.getByText('— 完 —')).toBeTruthy()
  })
})
