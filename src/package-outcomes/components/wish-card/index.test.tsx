import { fireEvent, render, screen } from '@testing-library/react'
import type { WishView } from '@core/contracts/wishes'
import { WishCard } from './index'

const wish = (over: Partial<WishView> = {}): WishView => ({
  id: 'w1',
  title: '用 AI 写工作总结',
  detail: '想学怎么让 AI 帮忙整理材料',
  category: '人工智能',
  state: 'published',
  votes: 12,
  votedByMe: false,
  mine: false,
  closeReason: null,
  createdAt: '2026-12-01T01:00:00.000Z',
  ...over,
})

it('offers one vote on a published wish and reports the tap', () => {
  const onVote = jest.fn()
  render(<WishCard wish={wish()} onVote={onVote} />)
  expect(screen.getByText('12')).toBeTruthy()
  fireEvent.click(screen.getByText('我也想学'))
  expect(onVote).toHaveBeenCalledTimes(1)
})

it('shows a vote already cast as voted, and a tap on it does nothing', () => {
  const onVote = jest.fn()
  render(<WishCard wish={wish({ votedByMe: true, votes: 13 })} onVote={onVote} />)
  expect(screen.queryByText('我也想学')).toBeNull()
  expect(screen.queryByRole('button')).toBeNull()
  fireEvent.click(screen.getByText('✓ 已投票'))
  expect(onVote).not.toHaveBeenCalled()
})

it('marks the worker’s own proposal waiting for staff as 审核中, with no vote, and a closed one with its reason', () => {
  const { rerender } = render(<WishCard wish={wish({ state: 'pending', mine: true, votes: 0 })} />)
  expect(screen.getByText('审核中')).toBeTruthy()
  expect(screen.queryByText('我也想学')).toBeNull()
  rerender(<WishCard wish={wish({ state: 'closed', mine: true, closeReason: '已有同类课程' })} />)
  expect(screen.getByText('未采纳')).toBeTruthy()
  expect(screen.getByText('工作人员回复：已有同类课程')).toBeTruthy()
})
