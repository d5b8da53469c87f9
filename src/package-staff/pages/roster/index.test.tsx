import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouterParams } from '@/test-setup/taro-mock'
import type { RosterEntry, RosterResult } from '@core'
import { roster } from '@/services/admin'
import { login } from '@/services/user'
import { callPhone } from '@/services/phone'
import { signInAs } from '../../testing/session'
import RosterPage from '.'

jest.mock('@/services/user', () => ({ login: jest.fn() }))
jest.mock('@/services/admin', () => ({ roster: jest.fn() }))
jest.mock('@/services/phone', () => ({ callPhone: jest.fn().mockResolvedValue(true) }))

const mockedRoster = roster as jest.MockedFunction<typeof roster>

function person(name: string, overrides: Partial<RosterEntry> = {}): RosterEntry {
  return {
    name,
    phone: '13800138000',
    employer: '市建工集团',
    memberNo: null,
    status: 'enrolled',
    waitlistPosition: null,
    offerExpiresAt: null,
    updatedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  }
}

function page(entries: RosterEntry[], nextCursor: string | null): { ok: true; data: RosterResult } {
  return {
    ok: true,
    data: {
      courseId: 'course-1',
      title: 'AI 办公助手实战',
      capacity: 2,
      seatsTaken: 2,
      waitlistLength: 1,
      entries,
      nextCursor,
    },
  }
}

const FIRST = page(
  [person('张伟'), person('李娜', { status: 'offered', offerExpiresAt: '2026-11-21T04:00:00.000Z' })],
  'c2',
)
const SECOND = page([person('王五, "老王"', { status: 'waitlisted', waitlistPosition: 1, memberNo: 'GH01' })], null)

function serveRoster() {
  mockedRoster.mockImplementation(async (_id, cursor) => (cursor === 'c2' ? SECOND : FIRST))
}

// jsdom's Blob has no text()/arrayBuffer(); FileReader reads it as a browser would.
function read(blob: Blob, as: 'text'): Promise<string>
function read(blob: Blob, as: 'bytes'): Promise<ArrayBuffer>
function read(blob: Blob, as: 'text' | 'bytes'): Promise<string | ArrayBuffer> {
  return new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string | ArrayBuffer)
    if (as === 'text') reader.readAsText(blob, 'utf-8')
    else reader.readAsArrayBuffer(blob)
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  __setRouterParams({ id: 'course-1' })
  signInAs(login as jest.Mock)
})

describe('roster page', () => {
  it('shows the header counts and the first page, then loads the next with nextCursor', async () => {
    serveRoster()
    render(<RosterPage />)
    expect(await screen.findByText('张伟')).toBeTruthy()
    expect(screen.getByText('已占名额').previousSibling?.textContent).toBe('2 / 2')
    expect(screen.getByRole('tab', { name: '已报名 1+' })).toBeTruthy()
    expect(mockedRoster).toHaveBeenCalledWith('course-1')

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '加载更多' }))
    })
    expect(mockedRoster).toHaveBeenLastCalledWith('course-1', 'c2')
    expect(screen.getByText('— 已显示全部 3 人 —')).toBeTruthy()

    fireEvent.click(screen.getByRole('tab', { name: '候补 1' }))
    expect(screen.getByText('王五, "老王"')).toBeTruthy()
    expect(screen.getByText('候补第 1 位')).toBeTruthy()
    fireEvent.click(screen.getByRole('tab', { name: '待确认 1' }))
    expect(screen.getByText('须在 2026年11月21日 12:00 前确认')).toBeTruthy()
  })

  it('exports every page as a UTF-8 CSV with a BOM, quoting what needs quoting, full phones only when chosen', async () => {
    serveRoster()
    const blobs: Blob[] = []
    const createObjectURL = jest.fn((b: Blob) => {
      blobs.push(b)
      return 'blob:roster'
    })
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() })
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})

    render(<RosterPage />)
    await screen.findByText('张伟')
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }))
    // Asked first; masked unless staff pick full numbers, and then told what the file holds.
    const dialog = within(screen.getByRole('dialog', { name: '导出名单' }))
    expect(dialog.queryByText(/完整手机号。请妥善保管/)).toBeNull()
    await act(async () => {
      fireEvent.click(dialog.getByRole('button', { name: '导出' }))
    })
    const masked = await read(blobs[0], 'text')
    expect(masked).toContain('张伟,138****8000,市建工集团')
    expect(masked).not.toContain('13800138000')
    mockedRoster.mockClear()

    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }))
    const again = within(screen.getByRole('dialog', { name: '导出名单' }))
    fireEvent.click(again.getByRole('radio', { name: '完整手机号' }))
    expect(again.getByText('文件将包含 3 位职工的完整手机号。请妥善保管，不要转发到群聊，用完及时删除。')).toBeTruthy()
    await act(async () => {
      fireEvent.click(again.getByRole('button', { name: '导出完整号码' }))
    })

    // Fetched afresh from the first page through every cursor, not only what is on screen.
    expect(mockedRoster.mock.calls).toEqual([
      ['course-1', undefined],
      ['course-1', 'c2'],
    ])
    expect(click).toHaveBeenCalled()
    const text = await read(blobs[1], 'text')
    const bytes = new Uint8Array(await read(blobs[1], 'bytes'))
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf])
    expect(text.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      '姓名,手机号,工作单位,工会会员号,状态,候补顺位,确认截止,更新时间',
      '张伟,13800138000,市建工集团,,已报名,,,2026年11月20日 10:00',
      '李娜,13800138000,市建工集团,,待确认,,2026年11月21日 12:00,2026年11月20日 10:00',
      '"王五, ""老王""",13800138000,市建工集团,GH01,候补,1,,2026年11月20日 10:00',
      '',
    ])
    expect(Taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已导出 3 人名单' }))
    click.mockRestore()
  })

  it('finds people by name across every page, and calls them with one tap', async () => {
    serveRoster()
    render(<RosterPage />)
    await screen.findByText('张伟')
    await act(async () => {
      fireEvent.change(screen.getByLabelText('搜索姓名'), { target: { value: '王 五' } })
    })
    // The second page is fetched for the search; the match sits under 候补.
    expect(mockedRoster).toHaveBeenLastCalledWith('course-1', 'c2')
    expect(screen.getByRole('tab', { name: '已报名 0' })).toBeTruthy()
    fireEvent.click(screen.getByRole('tab', { name: '候补 1' }))
    fireEvent.click(screen.getByRole('button', { name: '拨打王五, "老王"的电话' }))
    expect(callPhone).toHaveBeenCalledWith('13800138000')

    fireEvent.change(screen.getByLabelText('搜索姓名'), { target: { value: '赵' } })
    expect(screen.getByText('没有找到姓名含「赵」的职工')).toBeTruthy()
  })

  it("keeps a cancelled course's roster: one list, each person with what they held and 已取消", async () => {
    mockedRoster.mockResolvedValue({
      ok: true,
      data: {
        ...FIRST.data,
        seatsTaken: 0,
        waitlistLength: 0,
        cancelled: true,
        nextCursor: null,
        entries: [
          person('张伟', { status: 'cancelled', formerStatus: 'enrolled' }),
          person('赵六', { status: 'cancelled', formerStatus: 'waitlisted' }),
        ],
      },
    })
    render(<RosterPage />)
    expect(await screen.findByText('张伟')).toBeTruthy()
    expect(screen.getByText('赵六')).toBeTruthy()
    expect(screen.queryByRole('tablist')).toBeNull()
    expect(screen.getByText('原已报名')).toBeTruthy()
    expect(screen.getByText('原候补')).toBeTruthy()
    expect(screen.getAllByText('已取消').length).toBeGreaterThanOrEqual(2)
    expect(screen.getByText(/以下是取消时已报名和候补的 2/)).toBeTruthy()

    // The file says the same: 已取消 with what each held, phones masked by default.
    const blobs: Blob[] = []
    Object.assign(URL, {
      createObjectURL: jest.fn((b: Blob) => (blobs.push(b), 'blob:roster')),
      revokeObjectURL: jest.fn(),
    })
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }))
    await act(async () => {
      fireEvent.click(within(screen.getByRole('dialog', { name: '导出名单' })).getByRole('button', { name: '导出' }))
    })
    const text = await read(blobs[0], 'text')
    expect(text).toContain('张伟,138****8000,市建工集团,,已取消（原已报名）')
    expect(text).toContain('赵六,138****8000,市建工集团,,已取消（原候补）')
    click.mockRestore()
  })

  it('shows the refusal when the function says no', async () => {
    mockedRoster.mockResolvedValue({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN', message: '该功能仅限工会工作人员使用' },
    })
    render(<RosterPage />)
    expect(await screen.findByText('该功能仅限工会工作人员使用')).toBeTruthy()
  })
})
