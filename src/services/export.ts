import Taro from '@tarojs/taro'
import { downloadBlob } from './browser-download'

/** How a CSV reached the staff member: a browser download, or the clipboard where WeChat has no downloads. */
export type CsvDelivery = { ok: true; via: 'download' | 'clipboard' } | { ok: false; message: string }

/** Excel guesses a legacy code page for a BOM-less file and shows Chinese as garbage. */
export const UTF8_BOM = '\uFEFF'

function withBom(csv: string): string {
  return csv.startsWith(UTF8_BOM) ? csv : UTF8_BOM + csv
}

function download(filename: string, csv: string): void {
  downloadBlob(filename, new Blob([withBom(csv)], { type: 'text/csv;charset=utf-8' }))
}

/**
 * Hands a CSV to the staff member. A mini-program cannot save arbitrary files where a person finds them, so
 * the weapp copies the text for pasting into a computer; the browser build downloads a file.
 */
export async function deliverCsv(filename: string, csv: string): Promise<CsvDelivery> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      download(filename, csv)
      return { ok: true, via: 'download' }
    }
    // No BOM on the clipboard: pasted text is not decoded by Excel, and the mark would show as a stray char.
    await Taro.setClipboardData({ data: csv.replace(/^\uFEFF/, '') })
    return { ok: true, via: 'clipboard' }
  } catch {
    return { ok: false, message: '导出失败，请稍后重试' }
  }
}

export function canPickFiles(): boolean {
  return process.env.TARO_ENV === 'h5'
}

/**
 * Lets the browser build read a CSV file chosen from disk. Resolves null when the person closes the chooser.
 * The weapp has no general file picker for local files, so staff paste the text there instead.
 */
export function pickTextFile(accept = '.csv,text/csv,text/plain'): Promise<{ name: string; text: string } | null> {
  if (!canPickFiles()) return Promise.resolve(null)
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      input.remove()
      if (!file) return resolve(null)
      const reader = new FileReader()
      reader.onload = () => resolve({ name: file.name, text: String(reader.result ?? '').replace(/^\uFEFF/, '') })
      reader.onerror = () => reject(new Error('无法读取该文件'))
      reader.readAsText(file, 'utf-8')
    })
    document.body.appendChild(input)
    input.click()
  })
}
