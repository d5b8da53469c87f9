import Taro from '@tarojs/taro'
import { downloadBlob } from './browser-download'

export type WorkbookDelivery = { ok: true; via: 'download' | 'document' } | { ok: false; message: string }

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

function download(filename: string, base64: string): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))
  downloadBlob(filename, new Blob([bytes], { type: XLSX }))
}

/**
 * Hands an Excel workbook to the staff member: a download in the browser; in WeChat the file is written
 * to the mini-program's own storage and opened, where 右上角「…」forwards it to a chat or a computer.
 */
export async function deliverWorkbook(filename: string, base64: string): Promise<WorkbookDelivery> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      download(filename, base64)
      return { ok: true, via: 'download' }
    }
    const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
    Taro.getFileSystemManager().writeFileSync(filePath, base64, 'base64')
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    return { ok: true, via: 'document' }
  } catch {
    return { ok: false, message: '导出失败，请稍后重试' }
  }
}
