import { fireEvent, render, screen } from '@testing-library/react'
import { PrivacyNotice } from '.'

describe('PrivacyNotice', () => {
  it('states purpose, data kept, retention and rights before asking for consent', () => {
    render(<PrivacyNotice agreed={false} />)
    expect(screen.getByText(/报名、上课签到、课程提醒与结业证书/)).toBeTruthy()
    expect(screen.getByText(/姓名、手机号、工作单位、工会会员号（选填）、所在行业（选填）/)).toBeTruthy()
    expect(screen.getByText(/项目结束后 1 年内删除/)).toBeTruthy()
    expect(screen.getByText(/查看、更正您的个人信息/)).toBeTruthy()
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

describe('PrivacyNotice after deletion', () => {
  it('states what remains after 注销账号, word for word the server policy', () => {
    render(<PrivacyNotice agreed={false} />)
    expect(
      screen.getByText(
        '姓名、手机号、单位、会员号、行业立即删除；报名、提醒和订阅记录删除；签到记录去除身份后仅用于项目统计；' +
          '未到课次数与暂停报名期限（不含任何个人信息）保留至到期（最长60天），以免注销后重新报名绕过规则。',
      ),
    ).toBeTruthy()
    expect(screen.getByText(/在「我的」页底部注销账号/)).toBeTruthy()
  })
})
