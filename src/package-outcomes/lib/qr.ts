import { create } from 'qrcode/lib/core/qrcode'

export interface QrMatrix {
  size: number
  dark: (x: number, y: number) => boolean
}

/**
 * A QR matrix for a certificate's text. The text is kept to QR's alphanumeric set (A–Z, 0–9, `:-`),
 * encoded as one explicit segment: smaller than byte mode, and it needs no TextEncoder, which older
 * WeChat base libraries lack.
 */
export function qrMatrix(text: string): QrMatrix {
  const { modules } = create([{ data: text, mode: 'alphanumeric' }], { errorCorrectionLevel: 'M' })
  return { size: modules.size, dark: (x, y) => modules.data[y * modules.size + x] === 1 }
}
