/**
 * The import file's columns: which a header must have, which it may add, and how the optional course
 * columns (level, industries) read. Files made before those columns existed import as they always did.
 */
import {
  IMPORT_COLUMN_ALIASES,
  IMPORT_COLUMN_LABELS,
  IMPORT_COLUMNS,
  IMPORT_LIST_SEPARATOR,
  IMPORT_OPTIONAL_COLUMNS,
  type ImportPreviewCourse,
  type ImportRowError,
} from '@core/contracts/admin'
import { DEFAULT_LEVEL, type Industry, type Level } from '@core/contracts/catalog'
import type { CsvRecord } from './csv'
import type { CourseDraft } from './course-rules'

export type Column = (typeof IMPORT_COLUMNS)[number] | (typeof IMPORT_OPTIONAL_COLUMNS)[number]
export type Row = Record<Column, string> & { line: number }

const KNOWN: readonly string[] = [...IMPORT_COLUMNS, ...IMPORT_OPTIONAL_COLUMNS]

/** The key and the lesson's own columns; every other column describes the course and must agree across its rows. */
const LESSON_COLUMNS: readonly Column[] = ['course_key', 'lesson_date', 'lesson_start', 'lesson_end']
export const COURSE_COLUMNS: readonly Column[] = KNOWN.filter((c) => !LESSON_COLUMNS.includes(c as Column)) as Column[]

/** The column a header cell names: its key, its Chinese label or a common synonym; '' when none. */
export function columnOf(cell: string): Column | '' {
  const name = cell.trim().replace(/^\uFEFF/, '')
  const key = name.toLowerCase()
  if (KNOWN.includes(key)) return key as Column
  const byLabel = (Object.keys(IMPORT_COLUMN_LABELS) as Column[]).find((c) => IMPORT_COLUMN_LABELS[c] === name)
  return byLabel ?? IMPORT_COLUMN_ALIASES[name] ?? ''
}

/** How an error names a column to staff: 「开始时间」. */
export const label = (col: Column) => `「${IMPORT_COLUMN_LABELS[col]}」`

/** The header's column keys (Chinese headers mapped to them), or null with the problems recorded. */
export function checkHeader(
  header: CsvRecord | undefined,
  body: CsvRecord[],
  errors: ImportRowError[],
): string[] | null {
  if (!header) {
    errors.push({ line: 1, field: '', message: `文件是空的；第 1 行应为表头：${IMPORT_COLUMNS.join(',')}` })
    return null
  }
  const names: string[] = header.fields.map(columnOf)
  for (const col of IMPORT_COLUMNS) {
    if (!names.includes(col)) {
      errors.push({ line: header.line, field: col, message: `表头缺少列${label(col)}（或 ${col}）` })
    }
  }
  names.forEach((n, i) => {
    if (n === '') {
      const cell = header.fields[i].trim()
      errors.push({ line: header.line, field: cell, message: `无法识别的列「${cell}」` })
    } else if (names.indexOf(n) !== i) {
      errors.push({ line: header.line, field: n, message: `列${label(n as Column)}重复出现` })
    }
  })
  if (errors.length > 0) return null
  if (body.length === 0) {
    errors.push({ line: header.line, field: '', message: '文件中没有课程：表头之后每行写一节课' })
    return null
  }
  return names
}

/** A record's cells by column; an optional column the file leaves out reads as a blank cell. */
export function toRow(record: CsvRecord, names: string[]): Row {
  const row = { line: record.line } as Row
  for (const col of IMPORT_OPTIONAL_COLUMNS) row[col] = ''
  names.forEach((n, i) => (row[n as Column] = record.fields[i].trim()))
  return row
}

/**
 * The level cell: blank is 入门. Anything else is passed on as written for the course rules to judge,
 * so the import and the course form refuse it with the same words.
 */
export function levelCell(cell: string): Level {
  return (cell || DEFAULT_LEVEL) as Level
}

/** The industries cell: names separated by 、 ; or |, blank for every industry; judged by the course rules. */
export function industriesCell(cell: string): Industry[] {
  return cell
    .split(IMPORT_LIST_SEPARATOR)
    .map((s) => s.trim())
    .filter((s) => s !== '') as Industry[]
}

/** How the import's check shows one planned course to staff. */
export function previewOf(draft: CourseDraft, alreadyImported: boolean): ImportPreviewCourse {
  const starts = draft.lessons.map((l) => l.startsAt.getTime())
  return {
    title: draft.title,
    category: draft.category,
    instructor: draft.instructor,
    capacity: draft.capacity,
    lessonCount: draft.lessons.length,
    firstLessonAt: new Date(Math.min(...starts)).toISOString(),
    venueName: draft.venue.name,
    alreadyImported,
  }
}
