import { fireEvent, render, screen } from '@testing-library/react'
import { OfferBanner } from '.'

describe('OfferBanner', () => {
  it('shows nothing while no seat waits', () => {
    const { container } = render(<OfferBanner count={0} />)
    expect(container.textContent).toBe('')
  })

  it('says a seat waits and leads to the confirmation on a tap', () => {
    const onOpen = jest.fn()
    render(<OfferBanner count={1} onOpen={onOpen} />)
    expect(screen.getByText('您有一个候补名额待确认')).toBeTruthy()
    fireEvent.click(screen.getByText('去确认 ›'))
    expect(onOpen).toHaveBeenCalledTimes(1)
  })

  it('counts several', () => {
    render(<OfferBanner count={2} />)
    expect(screen.getByText('您有 2 个候补名额待确认')).toBeTruthy()
  })
})
