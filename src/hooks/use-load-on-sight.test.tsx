import { act, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useLoadOnSight } from './use-load-on-sight'

type Seen = (res: { intersectionRatio?: number }) => void

/** A fake IntersectionObserver the test drives: `see(true)` puts the footer in sight. */
function fakeObserver() {
  let callback: Seen = () => undefined
  interface FakeObserver {
    relativeToViewport: jest.Mock<FakeObserver>
    observe: jest.Mock<void, [string, Seen]>
    disconnect: jest.Mock
  }
  const observer: FakeObserver = {
    relativeToViewport: jest.fn(() => observer),
    observe: jest.fn((_selector: string, cb: Seen) => {
      callback = cb
    }),
    disconnect: jest.fn(),
  }
  const taro = Taro as unknown as Record<string, unknown>
  taro.createIntersectionObserver = jest.fn(() => observer)
  taro.getCurrentInstance = jest.fn(() => ({ page: {} }))
  return { observer, see: (inSight: boolean) => act(() => callback({ intersectionRatio: inSight ? 1 : 0 })) }
}

const pager = (patch: Partial<{ hasMore: boolean; loadingMore: boolean; moreError: unknown }> = {}) => ({
  hasMore: true,
  loadingMore: false,
  moreError: null,
  loadMore: jest.fn(),
  ...patch,
})

describe('useLoadOnSight', () => {
  it('loads the next page when the footer comes into sight, even on a first page too short to scroll', () => {
    const { see, observer } = fakeObserver()
    const p = pager()
    renderHook(() => useLoadOnSight('.foot', p, 3, true))
    expect(observer.observe).toHaveBeenCalledWith('.foot', expect.any(Function))
    expect(p.loadMore).not.toHaveBeenCalled()
    see(true)
    expect(p.loadMore).toHaveBeenCalledTimes(1)
  })

  it('keeps going when a page arrives while the footer is still in sight, and stops at the end', () => {
    const { see } = fakeObserver()
    let p = pager({ loadingMore: true })
    const { rerender } = renderHook(({ shown, pg }) => useLoadOnSight('.foot', pg, shown, true), {
      initialProps: { shown: 10, pg: p },
    })
    see(true)
    expect(p.loadMore).not.toHaveBeenCalled() // a load is running
    p = pager()
    rerender({ shown: 20, pg: p })
    expect(p.loadMore).toHaveBeenCalledTimes(1) // no scroll event needed
    const last = pager({ hasMore: false })
    rerender({ shown: 25, pg: last })
    expect(last.loadMore).not.toHaveBeenCalled()
  })

  it('waits while the footer is out of sight, or after a failure (the footer offers 重试)', () => {
    const { see } = fakeObserver()
    const failed = pager({ moreError: { message: '网络不好' } })
    const { rerender } = renderHook(({ pg }) => useLoadOnSight('.foot', pg, 10, true), { initialProps: { pg: failed } })
    see(true)
    expect(failed.loadMore).not.toHaveBeenCalled()
    const p = pager()
    see(false)
    rerender({ pg: p })
    expect(p.loadMore).not.toHaveBeenCalled()
  })

  it('disconnects when the list is no longer shown', () => {
    const { observer } = fakeObserver()
    const { rerender } = renderHook(({ active }) => useLoadOnSight('.foot', pager(), 0, active), {
      initialProps: { active: true },
    })
    rerender({ active: false })
    expect(observer.disconnect).toHaveBeenCalled()
  })
})
