/**
 * Reads the programme import with csv-parse, and turns what it reports into problems a staff member
 * can fix: each record carries the line it starts on, as a text editor shows it. Lenient where Excel
 * users trip (a stray quote inside an unquoted field is kept as a character), strict where data would
 * be lost (an unclosed quote, text after a closing quote). Blank lines and comma-only lines are skipped.
 */
import { parse } from 'csv-parse/sync'

export interface CsvRecord {
  /** The line the record starts on, counting from 1. */
  line: number
  fields: string[]
}

export interface CsvProblem {
  line: number
  message: string
}

export interface CsvResult {
  records: CsvRecord[]
  problems: CsvProblem[]
}

const UNCLOSED = '引号没有闭合：以英文双引号开头的内容需要以双引号结束'
const AFTER_QUOTE = '双引号后面应紧跟英文逗号或换行；内容中的双引号请写成两个双引号 ""'

const newlines = (s: string) => (s.match(/\n/g) ?? []).length

export function parseCsv(text: string): CsvResult {
  // One line ending everywhere (Excel on Windows writes CRLF, old Macs CR), also inside quoted fields.
  const input = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n')
  const problems: CsvProblem[] = []
  let lastEnd = 0
  const parsed = parse(input, {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    skip_records_with_error: true,
    on_record: (record, context) => {
      lastEnd = context.lines
      return record
    },
    on_skip: (err) => {
      if (err)
        problems.push({ line: lastEnd + 1, message: err.code === 'CSV_QUOTE_NOT_CLOSED' ? UNCLOSED : AFTER_QUOTE })
    },
  }) as unknown as { record: string[]; info: { lines: number }; raw: string }[]

  const records: CsvRecord[] = []
  for (const { record, info, raw } of parsed) {
    const line = info.lines - record.reduce((n, f) => n + newlines(f), 0)
    if (record.every((f) => f === '')) continue
    // relax_quotes keeps `"x"y` whole; that is a quoting slip whose intent is unclear, so say so.
    if (/(^|,)"[^"\n]*"[^,"\n]/.test(raw.replace(/""/g, ''))) problems.push({ line, message: AFTER_QUOTE })
    records.push({ line, fields: record })
  }
  return { records, problems }
}
