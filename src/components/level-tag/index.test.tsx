import { render, screen } from '@testing-library/react'
import { LevelTag } from '.'

describe('LevelTag', () => {
  it.each([
    ['入门', 'basic'],
    ['进阶', 'advanced'],
    ['实操', 'practice'],
  ])('shows %s in its own colours', (level, tone) => {
    render(<LevelTag level={level} />)
    expect(screen.getByText(level).className).toContain(`xz-level-tag--${tone}`)
  })

  it('shows a level it does not know as written, in the first level’s colours', () => {
    render(<LevelTag level="高级" size="large" />)
    const tag = screen.getByText('高级')
    expect(tag.className).toContain('xz-level-tag--basic')
    expect(tag.className).toContain('xz-level-tag--large')
  })
})
