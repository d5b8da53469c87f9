/** The encoder of the `qrcode` package without its renderers (which need a DOM canvas or Node's fs). */
declare module 'qrcode/lib/core/qrcode' {
  export function create(
    segments: { data: string; mode: 'alphanumeric' | 'byte' | 'numeric' }[],
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): { modules: { size: number; data: Uint8Array } }
}
