import { parseCsv } from './csv'

const fields = (text: string) => parseCsv(text).records.map((r) => r.fields)

describe('parseCsv', () => {
  it('splits plain fields and records, with or without a final line break', () => {
    expect(fields('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ])
    expect(fields('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ])
  })

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const { records, problems } = parseCsv('k,summary\nA,"学透视表，做月报"\nB,"第一行\n第二行"\nC,"他说""好"""\n')
    expect(problems).toEqual([])
    expect(records.slice(1).map((r) => r.fields[1])).toEqual(['学透视表，做月报', '第一行\n第二行', '他说"好"'])
  })

  it('reads CRLF (Excel on Windows) and a lone CR as line ends, and drops the byte-order mark', () => {
    expect(fields('\ufeffcourse_key,title\r\nA,"x\r\ny"\r\nB,z\rC,w')).toEqual([
      ['course_key', 'title'],
      ['A', 'x\ny'],
      ['B', 'z'],
      ['C', 'w'],
    ])
  })

  it('numbers each record by the line it starts on, counting lines inside quotes', () => {
    const { records } = parseCsv('h1,h2\n"a\nb",1\n\n,\nc,2\n')
    expect(records.map((r) => [r.line, r.fields[0]])).toEqual([
      [1, 'h1'],
      [2, 'a\nb'],
      [6, 'c'],
    ])
  })

  it('keeps empty fields, including a trailing one', () => {
    expect(fields('a,,c,\n')).toEqual([['a', '', 'c', '']])
    expect(fields('"",x\n')).toEqual([['', 'x']])
  })

  it('keeps a stray quote inside an unquoted field as a character', () => {
    expect(fields('5"屏,b\n')).toEqual([['5"屏', 'b']])
  })

  it('reports an unclosed quote at the line it opened on', () => {
    const { problems } = parseCsv('a,b\nx,"never closed\ny,z\n')
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(/引号没有闭合/) }])
  })

  it('reports text after a closing quote instead of silently joining it', () => {
    const { records, problems } = parseCsv('a,b\n"x"y,z\n')
    expect(problems).toEqual([{ line: 2, message: expect.stringMatching(/双引号/) }])
    expect(records[1].fields).toEqual(['"x"y', 'z'])
  })

  it('reads an empty file as no records', () => {
    expect(parseCsv('')).toEqual({ records: [], problems: [] })
    expect(parseCsv('\ufeff\r\n')).toEqual({ records: [], problems: [] })
  })
})
