import { fireEvent, render, screen } from '@testing-library/react'
import { StateView } from '.'

describe('StateView', () => {
  it('draws placeholder cards while loading', () => {
    render(<StateView status="loading" skeletonCount={4} />)
    expect(screen.getAllByTestId('skeleton')).toHaveLength(4)
  })

  it('shows an empty state with a local picture and no button unless asked', () => {
    const { container } = render(<StateView status="empty" title="暂无课程" description="新课程即将上线" />)
    expect(screen.getByText('暂无课程')).toBeTruthy()
    expect(screen.getByText('新课程即将上线')).toBeTruthy()
    // Never a remote URL: the picture ships with the app.
    expect(container.querySelector('img')?.getAttribute('src')).not.toMatch(/^https?:/)
    expect(screen.queryByRole('button')).toBeNull()
  })

  it('offers 重试 on an error and reports the tap', () => {
    const onAction = jest.fn()
    render(<StateView status="error" title="网络不太好，请稍后重试" onAction={onAction} />)
    expect(screen.getByText('网络不太好，请稍后重试')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(onAction).toHaveBeenCalledTimes(1)
  })

  it('uses a custom action label', () => {
    const onAction = jest.fn()
    render(<StateView status="empty" actionText="去选课" onAction={onAction} />)
    fireEvent.click(screen.getByRole('button', { name: '去选课' }))
    expect(onAction).toHaveBeenCalled()
  })
})
