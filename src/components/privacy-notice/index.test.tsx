import { fireEvent, render, screen } from '@testing-library/react'
import { PrivacyNotice } from '.'

describe('PrivacyNotice', () => {
  it('states purpose, data kept, retention and rights before asking for consent', () => {
    render(<PrivacyNotice agreed={false} />)
    expect(screen.getByText(/报名、上课签到、课程提醒与结业证书/)).toBeTruthy()
    expect(screen.getByText(/姓名、手机号、工作单位、工会会员号（选填）/)).toBeTruthy()
    expect(screen.getByText(/项目结束后 1 年内删除/)).toBeTruthy()
    expect(screen.getByText(/查看、更正、删除/)).toBeTruthy()
  })

  it('reports ticking and unticking the consent box', () => {
    const onAgreedChange = jest.fn()
    const { rerender } = render(<PrivacyNotice agreed={false} onAgreedChange={onAgreedChange} />)
    const box = screen.getByLabelText('我已阅读并同意《个人信息保护说明》') as HTMLInputElement
    expect(box.checked).toBe(false)
    fireEvent.click(box)
    expect(onAgreedChange).toHaveBeenLastCalledWith(true)

    rerender(<PrivacyNotice agreed onAgreedChange={onAgreedChange} />)
    fireEvent.click(box)
    expect(onAgreedChange).toHaveBeenLastCalledWith(false)
  })

  it('highlights the consent box only while consent is missing', () => {
    const { container, rerender } = render(<PrivacyNotice agreed={false} highlight />)
    expect(container.querySelector('.xz-privacy-notice__consent--alert')).not.toBeNull()
    rerender(<PrivacyNotice agreed highlight />)
    expect(container.querySelector('.xz-privacy-notice__consent--alert')).toBeNull()
  })
})
