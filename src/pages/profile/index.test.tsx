import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { CONSENT_VERSION, type ProfileView, type Reply } from '@core'
import { getProfile, saveProfile } from '@/services/user'
import ProfilePage from '.'

// Our own service module, not the cloud SDK: the page's contract is "calls saveProfile with…".
jest.mock('@/services/user', () => ({
  getProfile: jest.fn(),
  saveProfile: jest.fn(),
  login: jest.fn(() => new Promise(() => {})),
}))

const mockedGetProfile = getProfile as jest.MockedFunction<typeof getProfile>
const mockedSaveProfile = saveProfile as jest.MockedFunction<typeof saveProfile>

const saved: ProfileView = {
  name: '张伟',
  phone: '13812345678',
  employer: '市建工集团',
  memberNo: null,
  industry: null,
  role: 'worker',
  consent: { version: CONSENT_VERSION, at: '2026-11-20T00:00:00.000Z' },
  createdAt: '2026-11-20T00:00:00.000Z',
  updatedAt: '2026-11-20T00:00:00.000Z',
}

async function renderNewWorker() {
  mockedGetProfile.mockResolvedValue({ ok: true, data: null })
  const rendered = render(<ProfilePage />)
  await screen.findByLabelText('姓名')
  return rendered
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

function fillValid() {
  type('姓名', '张伟')
  type('手机号', '13812345678')
  type('工作单位', '市建工集团')
}

function agree() {
  fireEvent.click(screen.getByLabelText('我已阅读并同意《个人信息保护说明》'))
}

async function submit() {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '保存' }))
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  jest.useRealTimers()
})

describe('profile page', () => {
  it('shows the privacy notice before the form', async () => {
    await renderNewWorker()
    const notice = screen.getByText('个人信息保护说明')
    const nameField = screen.getByLabelText('姓名')
    expect(notice.compareDocumentPosition(nameField) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
  })

  it('refuses to submit until the worker consents, and says why', async () => {
    await renderNewWorker()
    fillValid()
    await submit()
    expect(mockedSaveProfile).not.toHaveBeenCalled()
    // Said on the consent line itself, not in a toast laid over it.
    expect(Taro.showToast).not.toHaveBeenCalled()
    expect(screen.getByText('请先阅读并同意《个人信息保护说明》')).toBeTruthy()
    expect(document.querySelector('.xz-privacy-notice__consent--alert')).not.toBeNull()
    agree()
    expect(screen.queryByText('请先阅读并同意《个人信息保护说明》')).toBeNull()
  })

  it('shows the Chinese message for an invalid phone and does not call the service', async () => {
    await renderNewWorker()
    agree()
    fillValid()
    type('手机号', '12345')
    await submit()
    expect(screen.getByText('请填写正确的 11 位手机号码')).toBeTruthy()
    expect(mockedSaveProfile).not.toHaveBeenCalled()
  })

  it('checks name and employer length with the shared limits', async () => {
    await renderNewWorker()
    agree()
    type('姓名', '张')
    type('手机号', '13812345678')
    await submit()
    expect(screen.getByText('请填写 2–20 个字的真实姓名')).toBeTruthy()
    expect(screen.getByText('请填写工作单位（2–40 个字）')).toBeTruthy()
    expect(mockedSaveProfile).not.toHaveBeenCalled()
  })

  it('saves valid input with the current consent version, then says 已保存 and goes back', async () => {
    jest.useFakeTimers()
    mockedSaveProfile.mockResolvedValue({ ok: true, data: saved })
    await renderNewWorker()
    agree()
    fillValid()
    type('工会会员号', ' GH2026001 ')
    await submit()
    expect(mockedSaveProfile).toHaveBeenCalledWith({
      name: '张伟',
      phone: '13812345678',
      employer: '市建工集团',
      memberNo: 'GH2026001',
      consentVersion: CONSENT_VERSION,
    })
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已保存' }))
    act(() => {
      jest.advanceTimersByTime(1000)
    })
    expect(Taro.navigateBack).toHaveBeenCalled()
  })

  it('does not go back after 已保存 once the worker has left the page', async () => {
    jest.useFakeTimers()
    mockedSaveProfile.mockResolvedValue({ ok: true, data: saved })
    const { unmount } = await renderNewWorker()
    agree()
    fillValid()
    await submit()
    unmount()
    act(() => {
      jest.advanceTimersByTime(1000)
    })
    expect(Taro.navigateBack).not.toHaveBeenCalled()
    expect(Taro.switchTab).not.toHaveBeenCalled()
  })

  it('leaves the optional member number out when it is empty', async () => {
    mockedSaveProfile.mockResolvedValue({ ok: true, data: saved })
    await renderNewWorker()
    agree()
    fillValid()
    await submit()
    expect(mockedSaveProfile.mock.calls[0][0]).not.toHaveProperty('memberNo')
  })

  it('sends the industry chosen, and leaves it out once the worker taps it again', async () => {
    mockedSaveProfile.mockImplementation(async (input) => ({
      ok: true,
      data: { ...saved, industry: input.industry ?? null },
    }))
    await renderNewWorker()
    agree()
    fillValid()
    fireEvent.click(screen.getByText('交通物流'))
    expect(screen.getByLabelText('交通物流，已选')).toBeTruthy()
    await submit()
    expect(mockedSaveProfile.mock.calls[0][0]).toMatchObject({ industry: '交通物流' })
    fireEvent.click(screen.getByText('交通物流'))
    expect(screen.queryByLabelText('交通物流，已选')).toBeNull()
    // Saved once, the form now edits a profile.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    })
    expect(mockedSaveProfile.mock.calls[1][0]).not.toHaveProperty('industry')
  })

  it('keeps one industry at most: choosing another replaces it', async () => {
    mockedGetProfile.mockResolvedValue({ ok: true, data: { ...saved, industry: '制造业' } })
    render(<ProfilePage />)
    expect(await screen.findByLabelText('制造业，已选')).toBeTruthy()
    fireEvent.click(screen.getByText('金融'))
    expect(screen.getByLabelText('金融，已选')).toBeTruthy()
    expect(screen.queryByLabelText('制造业，已选')).toBeNull()
  })

  it('shows the server’s refusal of an industry under the industry chips', async () => {
    mockedSaveProfile.mockResolvedValue({
      ok: false,
      error: { code: 'USER.BAD_INDUSTRY', message: '请从列表中选择您所在的行业', field: 'industry' },
    })
    await renderNewWorker()
    agree()
    fillValid()
    fireEvent.click(screen.getByText('教育'))
    await submit()
    expect(await screen.findByText('请从列表中选择您所在的行业')).toBeTruthy()
    expect(document.querySelector('.xz-profile__industry--error')).not.toBeNull()
  })

  it('shows a server refusal next to the field it is about', async () => {
    const refusal: Reply<ProfileView> = {
      ok: false,
      error: { code: 'USER.BAD_PHONE', message: '该手机号已被其他账号使用', field: 'phone' },
    }
    mockedSaveProfile.mockResolvedValue(refusal)
    await renderNewWorker()
    agree()
    fillValid()
    await submit()
    await waitFor(() => expect(screen.getByText('该手机号已被其他账号使用')).toBeTruthy())
    expect(screen.getByLabelText('手机号').closest('.xz-form-field')?.className).toContain('xz-form-field--error')
    expect(Taro.navigateBack).not.toHaveBeenCalled()
  })

  it('prefills a returning worker and keeps their consent to the current notice', async () => {
    mockedGetProfile.mockResolvedValue({ ok: true, data: saved })
    mockedSaveProfile.mockResolvedValue({ ok: true, data: saved })
    render(<ProfilePage />)
    expect(((await screen.findByLabelText('姓名')) as HTMLInputElement).value).toBe('张伟')
    const box = screen.getByLabelText('我已阅读并同意《个人信息保护说明》') as HTMLInputElement
    expect(box.checked).toBe(true)
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '保存修改' }))
    })
    expect(mockedSaveProfile).toHaveBeenCalledWith(expect.objectContaining({ consentVersion: CONSENT_VERSION }))
  })
})
