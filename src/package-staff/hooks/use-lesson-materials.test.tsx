import { act, renderHook, waitFor } from '@testing-library/react'
import type { Reply } from '@core'
import type { CourseMaterials, MaterialView } from '@core/contracts/materials'
import * as service from '@/services/materials'
import { useLessonMaterials } from './use-lesson-materials'

jest.mock('@/services/materials', () => ({
  listMaterials: jest.fn(),
  addFileMaterial: jest.fn(),
  addLinkMaterial: jest.fn(),
  removeMaterial: jest.fn(),
  pickMaterialFile: jest.fn(),
  uploadMaterialFile: jest.fn(),
  openMaterialFile: jest.fn(),
}))

const mocked = service as jest.Mocked<typeof service>
const MB = 1024 * 1024

const material: MaterialView = {
  id: 'f_1',
  lessonId: 'c1_l1',
  title: '讲义',
  kind: 'file',
  url: null,
  fileType: 'pdf',
  bytes: 2000,
  createdAt: '2026-12-01T01:00:00.000Z',
}
const list = (materials: MaterialView[]): Reply<CourseMaterials> => ({
  ok: true,
  data: {
    courseId: 'c1',
    upcoming: 1,
    lessons: [{ lessonId: 'c1_l1', index: 1, startsAt: '', endsAt: '', materials }],
  },
})

beforeEach(() => {
  jest.clearAllMocks()
  mocked.listMaterials.mockResolvedValue(list([]))
})

async function ready() {
  const hook = renderHook(() => useLessonMaterials('c1', 'c1_l1'))
  await waitFor(() => expect(hook.result.current.lesson).not.toBeNull())
  return hook
}

it('refuses a file over 20 MB before uploading a byte', async () => {
  const { result } = await ready()
  mocked.pickMaterialFile.mockResolvedValue({ name: '大文件.pdf', size: 20 * MB + 1, path: 'wxfile://x.pdf' })
  await act(() => result.current.addFile('file'))
  expect(mocked.uploadMaterialFile).not.toHaveBeenCalled()
  expect(result.current.notice).toEqual({ kind: 'error', text: '文件超过 20 MB，请压缩或拆分后再上传' })
})

it('uploads with progress, attaches the file under its name without the ending, then lists it', async () => {
  const { result } = await ready()
  mocked.pickMaterialFile.mockResolvedValue({ name: '第一课讲义.pdf', size: 2000, path: 'wxfile://x.pdf' })
  let report: (p: number) => void = () => undefined
  let finish: (r: Reply<string>) => void = () => undefined
  mocked.uploadMaterialFile.mockImplementation((_course, _file, onProgress) => {
    report = onProgress
    return new Promise((resolve) => (finish = resolve))
  })
  mocked.addFileMaterial.mockResolvedValue({ ok: true, data: { material: { ...material, title: '第一课讲义' } } })
  let adding: Promise<void> = Promise.resolve()
  act(() => {
    adding = result.current.addFile('file')
  })
  await waitFor(() => expect(mocked.uploadMaterialFile).toHaveBeenCalled())
  act(() => report(40))
  expect(result.current.upload).toEqual({ name: '第一课讲义.pdf', percent: 40, checking: false })
  mocked.listMaterials.mockResolvedValue(list([{ ...material, title: '第一课讲义' }]))
  await act(async () => {
    finish({ ok: true, data: 'cloud://env.bucket/materials/c1/1.pdf' })
    await adding
  })
  expect(mocked.addFileMaterial).toHaveBeenCalledWith(
    { courseId: 'c1', lessonId: 'c1_l1' },
    '第一课讲义',
    'cloud://env.bucket/materials/c1/1.pdf',
  )
  expect(result.current.upload).toBeNull()
  expect(result.current.notice).toEqual({ kind: 'ok', text: '已添加「第一课讲义」' })
  expect(result.current.lesson?.materials.map((m) => m.title)).toEqual(['第一课讲义'])
})

it("shows the server's refusal of a file and keeps the list as it was", async () => {
  const { result } = await ready()
  mocked.pickMaterialFile.mockResolvedValue({ name: 'a.pdf', size: 10, path: 'wxfile://a.pdf' })
  mocked.uploadMaterialFile.mockResolvedValue({ ok: true, data: 'cloud://e.b/materials/c1/a.pdf' })
  mocked.addFileMaterial.mockResolvedValue({
    ok: false,
    error: {
      code: 'MATERIAL.BAD_TYPE',
      message: '只能添加 PDF、PPT、Word、Excel 文件或 PNG、JPG 图片，这个文件没有添加',
    },
  })
  await act(() => result.current.addFile('file'))
  expect(result.current.notice?.kind).toBe('error')
  expect(result.current.notice?.text).toMatch(/这个文件没有添加/)
  expect(mocked.listMaterials).toHaveBeenCalledTimes(1)
})

it('does nothing when the picker is closed', async () => {
  const { result } = await ready()
  mocked.pickMaterialFile.mockResolvedValue(null)
  await act(() => result.current.addFile('image'))
  expect(mocked.uploadMaterialFile).not.toHaveBeenCalled()
  expect(result.current.notice).toBeNull()
})
