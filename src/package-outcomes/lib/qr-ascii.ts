import { create } from 'qrcode/lib/core/qrcode'
import type { QrMatrix } from './qr'

/**
 * A QR matrix for an ASCII text outside QR's alphanumeric set (the personal check-in code has lower
 * case and `_-`). Handed to the library as bytes, so it needs no TextEncoder (older WeChat base
 * libraries lack it).
 */
export function qrMatrixAscii(text: string): QrMatrix {
  const bytes = Array.from(text, (c) => c.charCodeAt(0) & 0x7f)
  // The library takes a byte array as well as a string (qrcode-core.d.ts declares the string form only).
  const data = bytes as unknown as string
  const { modules } = create([{ data, mode: 'byte' }], { errorCorrectionLevel: 'M' })
  return { size: modules.size, dark: (x, y) => modules.data[y * modules.size + x] === 1 }
}
