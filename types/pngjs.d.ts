/** The part of pngjs the tests use to read QR codes back (the package ships no types). */
declare module 'pngjs' {
  export const PNG: { sync: { read(buffer: Buffer): { data: Buffer; width: number; height: number } } }
}
