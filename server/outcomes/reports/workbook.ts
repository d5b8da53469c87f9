import ExcelJS from 'exceljs'

/** A column of a sheet: its header, width, and how its numbers read (a rate as 87.5%). */
export interface Column {
  header: string
  width?: number
  percent?: boolean
}

export type Cell = string | number | Date | null

/** Builds an .xlsx from sheets of rows; Chinese headers, frozen header row, rates as percentages. */
export function newWorkbook() {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '新质课堂'
  return {
    sheet(name: string, columns: Column[], rows: Cell[][]): void {
      const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
      ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }))
      ws.getRow(1).font = { bold: true }
      for (const row of rows) ws.addRow(row)
      columns.forEach((c, i) => {
        if (c.percent) ws.getColumn(i + 1).numFmt = '0.0%'
      })
    },
    async toBuffer(): Promise<Buffer> {
      return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer)
    },
  }
}

/** part / whole, or null (an empty cell) when there is no whole: "no lessons yet" is not 0 %. */
export const rate = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null)

/** Mean rating to one decimal, or null without ratings. */
export const mean = (sum: number, count: number): number | null =>
  count > 0 ? Math.round((sum / count) * 10) / 10 : null
