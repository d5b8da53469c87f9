import { IMPORT_COLUMN_LABELS, IMPORT_COLUMNS, IMPORT_OPTIONAL_COLUMNS } from '@core'

/** The template offers the optional columns too, so staff see where level and industries go. */
const COLUMNS = [...IMPORT_COLUMNS, ...IMPORT_OPTIONAL_COLUMNS]

/** One example course, so staff see what each column takes; more lessons of it repeat its course_key. */
const EXAMPLE_ROWS: Record<(typeof COLUMNS)[number], string>[] = [
  {
    course_key: 'AI-01',
    title: 'AI 办公助手实战',
    category: '人工智能',
    instructor: '王建国',
    summary: '零基础可学，带笔记本电脑',
    venue_name: '市职工服务中心',
    venue_address: '建设路 88 号 3 楼',
    capacity: '40',
    enroll_opens: '2026-11-01 09:00',
    enroll_closes: '2026-11-27 18:00',
    lesson_date: '2026-11-28',
    lesson_start: '19:00',
    lesson_end: '21:00',
    level: '入门',
    industries: '制造业、交通物流',
  },
]

/** The header in Chinese, as staff keep spreadsheets; the English keys are accepted too. */
export function importTemplateCsv(): string {
  const header = COLUMNS.map((c) => IMPORT_COLUMN_LABELS[c]).join(',')
  const rows = [header, ...EXAMPLE_ROWS.map((r) => COLUMNS.map((c) => r[c]).join(','))]
  return rows.join('\r\n') + '\r\n'
}

/** Lines with content after the header: how many lessons staff pasted, shown before they validate. */
export function countDataLines(csv: string): number {
  return Math.max(0, csv.split(/\r?\n/).filter((l) => l.trim() !== '').length - 1)
}

/** UTF-8 size as the server measures it; TextEncoder is missing from older WeChat base libraries. */
export function utf8Bytes(text: string): number {
  let n = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}
