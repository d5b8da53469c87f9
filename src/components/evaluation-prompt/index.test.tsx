import { fireEvent, render, screen } from '@testing-library/react'
import { EvaluationPrompt } from './index'

it('asks for a rating until one is given, then shows it', () => {
  const onOpen = jest.fn()
  const { rerender } = render(<EvaluationPrompt rating={null} onOpen={onOpen} />)
  expect(screen.getByText('课程结束了，给这门课打个分吧')).toBeTruthy()
  fireEvent.click(screen.getByLabelText('评价课程'))
  expect(onOpen).toHaveBeenCalledTimes(1)
  rerender(<EvaluationPrompt rating={4} onOpen={onOpen} />)
  expect(screen.getByText('★★★★☆')).toBeTruthy()
})
