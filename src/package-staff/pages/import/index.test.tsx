import { act, fireEvent, render, screen, within } from '@testing-library/react'
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
    // Each line names the one wrong cell: its row and its column as the Chinese header calls it.
    const rows = screen.getAllByRole('listitem').map((r) => r.textContent)
    expect(rows).toEqual(['第 2 行「名额」：名额应为 1–500 的整数', '第 3 行「结束时间」：下课时间应晚于上课时间'])
    expect((screen.getByRole('button', { name: '确认导入' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('after a clean check, imports the same text for real and shows the result', async () => {
    mockedImport
      .mockResolvedValueOnce({
        ok: true,
        data: {
          dryRun: true,
          imported: 1,
          alreadyImported: 1,
          courseIds: ['a', 'b'],
          errors: [],
          preview: [
            {
              title: 'AI 办公助手实战',
              category: '人工智能',
              instructor: '王建国',
              capacity: 40,
              lessonCount: 2,
              firstLessonAt: '2026-11-28T11:00:00.000Z',
              venueName: '市职工服务中心',
              alreadyImported: false,
            },
            {
              title: '数据看板',
              category: '数据分析',
              instructor: '李敏',
              capacity: 30,
              lessonCount: 1,
              firstLessonAt: '2026-12-05T06:00:00.000Z',
              venueName: '技师学院',
              alreadyImported: true,
            },
          ],
        },
      })
      .mockResolvedValueOnce({
        ok: true,
        data: { dryRun: false, imported: 2, alreadyImported: 0, courseIds: ['a', 'b'], errors: [] },
      })
    await paste(CSV)
    await tap('先校验')
    expect(screen.getByText('校验通过：2 门课程')).toBeTruthy()
    // The preview: what each course will be, before anything is written.
    const table = within(screen.getByRole('table', { name: '将创建的课程' }))
    const first = table.getByRole('row', { name: 'AI 办公助手实战' })
    expect(first.textContent).toBe('AI 办公助手实战人工智能 · 王建国 · 市职工服务中心11月28日 周六 19:00240')
    expect(table.getByRole('row', { name: '数据看板' }).textContent).toContain('此前已导入，不变')
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
