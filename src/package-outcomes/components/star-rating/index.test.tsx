import { fireEvent, render, screen } from '@testing-library/react'
import { StarRating } from './index'

it('shows the chosen rating in words and reports the star tapped', () => {
  const onChange = jest.fn()
  render(<StarRating value={4} onChange={onChange} />)
  expect(screen.getByText('满意')).toBeTruthy()
  expect(screen.getByLabelText('4 星 满意').getAttribute('aria-checked')).toBe('true')
  fireEvent.click(screen.getByLabelText('2 星 不满意'))
  expect(onChange).toHaveBeenCalledWith(2)
})

it('is read-only without a handler and small without the words', () => {
  render(<StarRating value={3} size="small" />)
  expect(screen.queryByText('一般')).toBeNull()
  fireEvent.click(screen.getByLabelText('5 星 非常满意'))
  expect(screen.getByLabelText('3 星 一般').getAttribute('aria-checked')).toBe('true')
})
