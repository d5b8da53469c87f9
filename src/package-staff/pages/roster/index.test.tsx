import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { __setRouterParams } from '@/test-setup/taro-mock'
import type { RosterEntry, RosterResult } from '@core'
import { roster } from '@/services/admin'
import { login } from '@/services/user'
import { signInAs } from '../../testing/session'
import RosterPage from '.'

jest.mock('@/services/user', () => ({ login: jest.fn() }))
jest.mock('@/services/admin', () => ({ roster: jest.fn() }))

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

  it('exports every page as a UTF-8 CSV with a BOM, quoting what needs quoting', async () => {
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
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }))
    })

    // Fetched afresh from the first page through every cursor, not only what is on screen.
    expect(mockedRoster.mock.calls).toEqual([['course-1'], ['course-1', undefined], ['course-1', 'c2']])
    expect(click).toHaveBeenCalled()
    const text = await read(blobs[0], 'text')
    const bytes = new Uint8Array(await read(blobs[0], 'bytes'))
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

  it('shows the refusal when the function says no', async () => {
    mockedRoster.mockResolvedValue({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN', message: '该功能仅限工会工作人员使用' },
    })
    render(<RosterPage />)
    expect(await screen.findByText('该功能仅限工会工作人员使用')).toBeTruthy()
  })
})
