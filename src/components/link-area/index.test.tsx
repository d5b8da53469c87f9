import { fireEvent, render, screen } from '@testing-library/react'
import { LinkArea } from '.'

describe('LinkArea', () => {
  it('is announced as a link under its label and opens on a tap', () => {
    const onOpen = jest.fn()
    render(
      <LinkArea className="xz-certs__item" label="AI 办公助手实战" onOpen={onOpen}>
        结业
      </LinkArea>,
    )
    const link = screen.getByRole('link', { name: 'AI 办公助手实战' })
    expect(link.className).toContain('xz-certs__item')
    fireEvent.click(link)
    expect(onOpen).toHaveBeenCalledTimes(1)
  })

  it('takes its name from its text when no label is given', () => {
    render(
      <LinkArea className="xz-certs__verify" onOpen={() => undefined}>
        查验这张证书 ›
      </LinkArea>,
    )
    expect(screen.getByRole('link', { name: '查验这张证书 ›' })).toBeTruthy()
  })
})
