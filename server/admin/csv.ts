/**
 * A small RFC 4180 reader for the programme import: quoted fields with commas, line breaks and doubled
 * quotes; CRLF, LF or CR line ends; a leading byte-order mark (Excel's "CSV UTF-8" writes one). No CSV
 * library is installed and the functions bundle must stay small; swap in csv-parse if one is added.
 */

export interface CsvRecord {
  /** The line the record starts on, counting from 1, as a text editor shows it. */
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

/**
 * Splits `text` into records. Lenient where Excel users trip (a stray quote inside an unquoted field is
 * kept as a character) and strict where data would be lost (an unclosed quote, text after a closing
 * quote). Blank lines, and lines with only commas, are skipped.
 */
export function parseCsv(text: string): CsvResult {
  const records: CsvRecord[] = []
  const problems: CsvProblem[] = []
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  let line = 1
  let recordLine = 1
  let fields: string[] = []
  let field = ''
  let i = 0

  const endRecord = () => {
    fields.push(field)
    field = ''
    if (fields.some((f) => f !== '')) records.push({ line: recordLine, fields })
    fields = []
  }
  const newline = () => {
    // CRLF counts as one line end.
    if (s[i] === '\r' && s[i + 1] === '\n') i++
    i++
    line++
  }

  while (i < s.length) {
    const c = s[i]
    if (c === '"' && field === '') {
      const openedOn = line
      i++
      let closed = false
      while (i < s.length) {
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"'
            i += 2
            continue
          }
          i++
          closed = true
          break
        }
        if (s[i] === '\r' || s[i] === '\n') {
          // A line break inside quotes is part of the value; keep it as \n whatever the file used.
          field += '\n'
          newline()
          continue
        }
        field += s[i++]
      }
      if (!closed) {
        problems.push({ line: openedOn, message: '引号没有闭合：以英文双引号开头的内容需要以双引号结束' })
        break
      }
      if (i < s.length && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') {
        problems.push({ line, message: '双引号后面应紧跟英文逗号或换行；内容中的双引号请写成两个双引号 ""' })
        while (i < s.length && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') field += s[i++]
      }
      continue
    }
    if (c === ',') {
      fields.push(field)
      field = ''
      i++
      continue
    }
    if (c === '\r' || c === '\n') {
      endRecord()
      newline()
      recordLine = line
      continue
    }
    field += c
    i++
  }
  if (field !== '' || fields.length > 0) endRecord()
  return { records, problems }
}
