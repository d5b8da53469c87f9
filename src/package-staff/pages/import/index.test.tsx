import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { importProgramme } from '@/services/admin'
import { login } from '@/services/user'
import { signInAs } from '../../testing/session'
import ImportPage from '.'

jest.mock('@tarojs/components', () => jest.requireActual('@/package-staff/testing/taro-components').staffComponents())
jest.mock('@/services/user', () => ({ login: jest.fn() }))
jest.mock('@/services/admin', () => ({ importProgramme: jest.fn() }))
jest.mock('@/services/export', () => ({
  canPickFiles: () => true,
  pickTextFile: jest.fn(),
  deliverCsv: jest.fn(() => Promise.resolve({ ok: true, via: 'download' })),
}))

const mockedImport = importProgramme as jest.MockedFunction<typeof importProgramme>
const showModal = Taro.showModal as jest.Mock

const CSV = 'course_key,title\nAI-01,AI 办公助手实战\nAI-01,AI 办公助手实战\n'

async function paste(text: string) {
  render(<ImportPage />)
  fireEvent.change(await screen.findByLabelText('课程表内容'), { target: { value: text } })
}

async function tap(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }))
  })
}

beforeEach(() => {
  jest.clearAllMocks()
  signInAs(login as jest.Mock)
})

describe('import page', () => {
  it('lists every line error from the dry run and keeps 确认导入 off', async () => {
    mockedImport.mockResolvedValue({
      ok: true,
      data: {
        dryRun: true,
        alreadyImported: 0,
        imported: 0,
        courseIds: [],
        errors: [
          { line: 2, field: 'capacity', message: '名额应为 1–500 的整数' },
          { line: 3, field: 'lesson_end', message: '下课时间应晚于上课时间' },
        ],
      },
    })
    await paste(CSV)
    await tap('先校验')
    expect(mockedImport).toHaveBeenCalledWith(CSV, true)
    expect(screen.getByText('发现 2 处问题，未导入任何课程')).toBeTruthy()
    const rows = screen.getAllByRole('row').map((r) => r.textContent)
    expect(rows).toEqual(['第 2 行名额名额应为 1–500 的整数', '第 3 行下课时间下课时间应晚于上课时间'])
    expect((screen.getByRole('button', { name: '确认导入' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('after a clean check, imports the same text for real and shows the result', async () => {
    mockedImport
      .mockResolvedValueOnce({
        ok: true,
        data: { dryRun: true, imported: 2, alreadyImported: 0, courseIds: ['a', 'b'], errors: [] },
      })
      .mockResolvedValueOnce({
        ok: true,
        data: { dryRun: false, imported: 2, alreadyImported: 0, courseIds: ['a', 'b'], errors: [] },
      })
    await paste(CSV)
    await tap('先校验')
    expect(screen.getByText('校验通过：2 门课程')).toBeTruthy()
    await tap('确认导入')
    expect(showModal).toHaveBeenCalled()
    expect(mockedImport).toHaveBeenLastCalledWith(CSV, false)
    expect(screen.getByText('已导入 2 门课程')).toBeTruthy()
  })

  it('asks for a new check once the text changes', async () => {
    mockedImport.mockResolvedValue({
      ok: true,
      data: { dryRun: true, imported: 1, alreadyImported: 0, courseIds: ['a'], errors: [] },
    })
    await paste(CSV)
    await tap('先校验')
    fireEvent.change(screen.getByLabelText('课程表内容'), { target: { value: CSV + 'AI-02,新课\n' } })
    expect(screen.queryByText(/校验通过/)).toBeNull()
    expect((screen.getByRole('button', { name: '确认导入' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('does not import when the confirmation is dismissed', async () => {
    mockedImport.mockResolvedValue({
      ok: true,
      data: { dryRun: true, imported: 1, alreadyImported: 0, courseIds: ['a'], errors: [] },
    })
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true, errMsg: 'ok' })
    await paste(CSV)
    await tap('先校验')
    await tap('确认导入')
    expect(mockedImport).toHaveBeenCalledTimes(1)
  })
})
