import { fileTypeOf, formatBytes } from './material-file'

const bytes = (...b: number[]) => Uint8Array.from([...b, 0, 0, 0, 0, 0, 0, 0, 0])
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d)
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0)
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04)
const OLE2 = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)

it('judges PDF and images by their bytes, whatever the name says', () => {
  expect(fileTypeOf(PDF, 'handout.pdf')).toBe('pdf')
  expect(fileTypeOf(PNG, 'handout.pdf')).toBe('png')
  expect(fileTypeOf(JPEG, 'photo.png')).toBe('jpeg')
  expect(fileTypeOf(PDF, 'noext')).toBe('pdf')
})

it('takes Office files by container bytes, the name picking which of the family', () => {
  expect(fileTypeOf(ZIP, 'slides.PPTX')).toBe('pptx')
  expect(fileTypeOf(ZIP, 'notes.docx')).toBe('docx')
  expect(fileTypeOf(ZIP, 'sheet.xlsx')).toBe('xlsx')
  expect(fileTypeOf(OLE2, 'old.ppt')).toBe('ppt')
  expect(fileTypeOf(OLE2, 'old.xls')).toBe('xls')
})

it('refuses anything else: a zip that is no Office file, an Office name on other bytes, text', () => {
  expect(fileTypeOf(ZIP, 'archive.zip')).toBeNull()
  expect(fileTypeOf(ZIP, 'old.doc')).toBeNull()
  expect(fileTypeOf(OLE2, 'new.docx')).toBeNull()
  expect(fileTypeOf(Uint8Array.from(Buffer.from('MZ\x90\x00 exe')), 'virus.pdf')).toBeNull()
  expect(fileTypeOf(Uint8Array.from(Buffer.from('%PD')), 'short.pdf')).toBeNull()
  expect(fileTypeOf(new Uint8Array(0), 'empty.pdf')).toBeNull()
})

it('writes sizes as a worker reads them', () => {
  expect(formatBytes(20 * 1024 * 1024)).toBe('20 MB')
  expect(formatBytes(1_300_000)).toBe('1.2 MB')
  expect(formatBytes(350 * 1024)).toBe('350 KB')
  expect(formatBytes(12)).toBe('12 B')
})
