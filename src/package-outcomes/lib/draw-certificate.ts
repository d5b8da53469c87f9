import { CERTIFICATE_QR_PREFIX, formatDate, type CertificateView } from '@core'
import { qrMatrix } from './qr'

/** The few canvas calls the drawing needs; the same on the browser's canvas and WeChat's 2D canvas. */
export type DrawContext = Pick<
  CanvasRenderingContext2D,
  'fillRect' | 'strokeRect' | 'fillText' | 'measureText' | 'save' | 'restore'
> & {
  fillStyle: string | CanvasGradient | CanvasPattern
  strokeStyle: string | CanvasGradient | CanvasPattern
  lineWidth: number
  font: string
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
}

export const CERTIFICATE_SIZE = { width: 1080, height: 1520 } as const

const RED = '#b8321b'
const INK = '#1f2329'
const GREY = '#5c6370'
const PAPER = '#fffaf2'
const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'

/** Breaks Chinese (or mixed) text into lines no wider than `width`, character by character. */
export function wrapText(ctx: Pick<DrawContext, 'measureText'>, text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of Array.from(text)) {
    if (line && ctx.measureText(line + ch).width > width) {
      lines.push(line)
      line = ch
    } else {
      line += ch
    }
  }
  if (line) lines.push(line)
  return lines
}

export function certificateSentence(cert: CertificateView): string {
  const from = formatDate(cert.firstLessonAt)
  const to = formatDate(cert.lastLessonAt)
  const period = from === to ? `于${from}` : `于${from}至${to}`
  return `${period}参加「${cert.courseTitle}」培训，完成全部 ${cert.lessons} 次课中的 ${cert.attended} 次，共 ${cert.hours} 学时，成绩合格，准予结业。`
}

function frame(ctx: DrawContext, w: number, h: number): void {
  ctx.fillStyle = PAPER
  ctx.fillRect(0, 0, w, h)
  ctx.strokeStyle = RED
  ctx.lineWidth = 14
  ctx.strokeRect(36, 36, w - 72, h - 72)
  ctx.lineWidth = 3
  ctx.strokeRect(66, 66, w - 132, h - 132)
}

function drawQr(ctx: DrawContext, text: string, x: number, y: number, side: number): void {
  const qr = qrMatrix(text)
  // A quiet zone of two modules keeps scanners happy next to the frame.
  const cell = Math.floor(side / (qr.size + 4))
  const origin = { x: x + Math.floor((side - cell * qr.size) / 2), y: y + Math.floor((side - cell * qr.size) / 2) }
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(x, y, side, side)
  ctx.fillStyle = INK
  for (let row = 0; row < qr.size; row++) {
    for (let col = 0; col < qr.size; col++) {
      if (qr.dark(col, row)) ctx.fillRect(origin.x + col * cell, origin.y + row * cell, cell, cell)
    }
  }
}

/** Draws the certificate: what the worker saves to the album and shares. */
export function drawCertificate(ctx: DrawContext, cert: CertificateView): void {
  const { width: w, height: h } = CERTIFICATE_SIZE
  ctx.save()
  frame(ctx, w, h)
  ctx.textBaseline = 'alphabetic'
  ctx.textAlign = 'center'
  ctx.fillStyle = RED
  ctx.font = `bold 104px ${FONT}`
  ctx.fillText('结业证书', w / 2, 250)
  ctx.fillStyle = GREY
  ctx.font = `36px ${FONT}`
  ctx.fillText('CERTIFICATE OF COMPLETION', w / 2, 316)

  ctx.textAlign = 'left'
  ctx.fillStyle = INK
  ctx.font = `bold 72px ${FONT}`
  ctx.fillText(cert.holderName, 150, 480)
  const nameWidth = ctx.measureText(cert.holderName).width
  ctx.font = `44px ${FONT}`
  ctx.fillText('同志：', 150 + nameWidth + 16, 480)
  let y = 580
  for (const line of wrapText(ctx, certificateSentence(cert), w - 300)) {
    ctx.fillText(line, 150, y)
    y += 72
  }
  if (cert.status === 'revoked') {
    ctx.fillStyle = RED
    ctx.font = `bold 56px ${FONT}`
    ctx.fillText('本证书已撤销', 150, y + 40)
  }

  ctx.textAlign = 'right'
  ctx.fillStyle = INK
  ctx.font = `bold 44px ${FONT}`
  ctx.fillText(cert.issuer, w - 150, 1050)
  ctx.font = `38px ${FONT}`
  ctx.fillText(formatDate(cert.issuedAt), w - 150, 1110)

  const code = cert.code.replace('-', '')
  drawQr(ctx, `${CERTIFICATE_QR_PREFIX}${code}`, 150, 1150, 240)
  ctx.textAlign = 'left'
  ctx.fillStyle = INK
  ctx.font = `bold 40px ${FONT}`
  ctx.fillText(`证书编号 ${cert.code}`, 420, 1230)
  ctx.fillStyle = GREY
  ctx.font = `32px ${FONT}`
  ctx.fillText('查验：新质课堂小程序', 420, 1290)
  ctx.fillText('我的 → 证书查验，输入编号', 420, 1338)
  ctx.restore()
}
