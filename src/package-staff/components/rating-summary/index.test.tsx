import { render, screen } from '@testing-library/react'
import { RatingSummary } from './index'

it('shows the mean, the count and each star count, the longest bar full', () => {
  render(<RatingSummary summary={{ count: 5, average: 3.8, distribution: [0, 1, 1, 1, 2] }} />)
  expect(screen.getByText('3.8')).toBeTruthy()
  expect(screen.getByText('5 人评价')).toBeTruthy()
  const five = screen.getByLabelText('5 星 2 人')
  expect((five.querySelector('.xz-rating-summary__fill') as HTMLElement).style.width).toBe('100%')
  expect(
    (screen.getByLabelText('3 星 1 人').querySelector('.xz-rating-summary__fill') as HTMLElement).style.width,
  ).toBe('50%')
})

it('says so when nobody has rated yet', () => {
  render(<RatingSummary summary={{ count: 0, average: null, distribution: [0, 0, 0, 0, 0] }} />)
  expect(screen.getByText('暂无评价')).toBeTruthy()
  expect(screen.getByText('—')).toBeTruthy()
})
