import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { AccountDeletion, DELETION_DIALOG } from '.'

const showModal = Taro.showModal as unknown as jest.Mock

beforeEach(() => {
  showModal.mockReset()
})

async function tap(name: string | RegExp) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }))
  })
}

describe('AccountDeletion', () => {
  it('asks first, saying exactly what is deleted and what remains, and deletes only on 确认注销', async () => {
    showModal.mockResolvedValue({ confirm: true, cancel: false })
    const onDelete = jest.fn()
    render(<AccountDeletion onDelete={onDelete} />)
    await tap('注销账号')
    expect(showModal).toHaveBeenCalledTimes(1)
    const dialog = showModal.mock.calls[0][0] as { title: string; content: string; confirmText: string }
    expect(dialog.title).toBe('注销账号')
    expect(dialog.confirmText).toBe('确认注销')
    expect(dialog.content).toContain('姓名、手机号、单位、会员号、行业立即删除')
    expect(dialog.content).toContain('签到记录去除身份后仅用于项目统计')
    expect(dialog.content).toContain('保留至到期（最长60天）')
    expect(dialog.content).toContain('无法撤销')
    expect(onDelete).toHaveBeenCalledTimes(1)
  })

  it('does nothing when the worker steps back in the dialog', async () => {
    showModal.mockResolvedValue({ confirm: false, cancel: true })
    const onDelete = jest.fn()
    render(<AccountDeletion onDelete={onDelete} />)
    await tap('注销账号')
    expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ cancelText: DELETION_DIALOG.cancelText }))
    expect(onDelete).not.toHaveBeenCalled()
  })

  it('shows progress and cannot be tapped twice while deleting', () => {
    render(<AccountDeletion deleting onDelete={jest.fn()} />)
    const button = screen.getByRole('button', { name: '正在注销…' }) as HTMLButtonElement
    expect(button.disabled).toBe(true)
  })

  it("shows the server's refusal as it is", () => {
    const refusal = '您还有报名中、候补或待确认的课程，请先在「我的课程」中取消后再删除个人信息'
    render(<AccountDeletion error={refusal} onDelete={jest.fn()} />)
    expect(screen.getByRole('alert').textContent).toBe(refusal)
  })
})
