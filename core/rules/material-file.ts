import type { MaterialFileType } from '../contracts/materials'

/** How many leading bytes `fileTypeOf` needs. */
export const FILE_HEAD_BYTES = 8

const starts = (head: Uint8Array, sig: number[]) => sig.every((b, i) => head[i] === b)

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d] // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const JPEG = [0xff, 0xd8, 0xff]
/** Office 2007+ files are zip archives. */
const ZIP = [0x50, 0x4b, 0x03, 0x04]
/** Office 97–2003 files are OLE2 compound documents. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/**
 * The accepted type of a file, judged by its first bytes; null when it is none of them. A name can lie,
 * so PDF and images are told by their bytes alone (a PNG named .pdf is a PNG). A zip or OLE2 container
 * holds a Word, PowerPoint or Excel file alike, so for those the name's ending picks which, and only
 * within the container its bytes show (a .zip, or a .docx that is not a zip, is refused).
 */
export function fileTypeOf(head: Uint8Array, name: string): MaterialFileType | null {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase() ?? ''
  if (starts(head, PDF)) return 'pdf'
  if (starts(head, PNG)) return 'png'
  if (starts(head, JPEG)) return 'jpeg'
  if (starts(head, ZIP)) return ext === 'docx' || ext === 'pptx' || ext === 'xlsx' ? ext : null
  if (starts(head, OLE2)) return ext === 'doc' || ext === 'ppt' || ext === 'xls' ? ext : null
  return null
}

/** 1.2 MB, 350 KB: what a worker reads beside a file. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`
  if (bytes >= 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`
  return `${bytes} B`
}
