import jsQR from 'jsqr'
import type { CertificateView } from '@core'
import { certificateSentence, drawCertificate, wrapText, type DrawContext } from './draw-certificate'
import { qrMatrix } from './qr'

const cert: CertificateView = {
  id: 'c1_o1',
  code: '7K2QX-M9D4R',
  holderName: '李晓明',
  courseId: 'c1',
  courseTitle: '工业机器人操作与维护（进阶）',
  category: '智能制造',
  instructor: '张老师',
  hours: 10,
  lessons: 5,
  attended: 4,
  firstLessonAt: '2026-11-20T11:00:00.000Z',
  lastLessonAt: '2026-11-24T13:00:00.000Z',
  issuedAt: '2026-11-24T14:00:00.000Z',
  issuer: '杭州市总工会',
  status: 'valid',
}

/** A context that records what is drawn; a character is as wide as the font is tall. */
function recorder() {
  const texts: string[] = []
  let rects = 0
  const ctx = {
    font: '10px sans-serif',
    fillStyle: '#000',
    strokeStyle: '#000',
    lineWidth: 1,
    textAlign: 'left',
    textBaseline: 'alphabetic',
    fillRect: () => void rects++,
    strokeRect: () => undefined,
    fillText: (t: string) => void texts.push(t),
    measureText(t: string) {
      return { width: Array.from(t).length * Number(/(\d+)px/.exec(this.font)?.[1] ?? 10) } as TextMetrics
    },
    save: () => undefined,
    restore: () => undefined,
  }
  return { ctx: ctx as unknown as DrawContext, texts, rects: () => rects }
}

it('encodes a QR code that a scanner reads back as the certificate text', () => {
  const text = 'XZKT-CERT:7K2QXM9D4R'
  const qr = qrMatrix(text)
  const scale = 4
  const side = (qr.size + 8) * scale
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  for (let y = 0; y < qr.size; y++) {
    for (let x = 0; x < qr.size; x++) {
      if (!qr.dark(x, y)) continue
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + 4) * scale + dy) * side + (x + 4) * scale + dx) * 4
          pixels.fill(0, i, i + 3)
        }
      }
    }
  }
  expect(jsQR(pixels, side, side)?.data).toBe(text)
})

it('draws the holder, the course, the hours, the issuer and the code', () => {
  const { ctx, texts, rects } = recorder()
  drawCertificate(ctx, cert)
  const all = texts.join('')
  expect(texts).toContain('结业证书')
  expect(texts).toContain('李晓明')
  expect(all).toContain('「工业机器人操作与维护（进阶）」')
  expect(all).toContain('共 10 学时')
  expect(all).toContain('完成全部 5 次课中的 4 次')
  expect(texts).toContain('杭州市总工会')
  expect(texts).toContain('证书编号 7K2QX-M9D4R')
  expect(all).not.toContain('已撤销')
  // The QR code's dark modules, besides the paper and its white square.
  expect(rects()).toBeGreaterThan(100)
})

it('marks a revoked certificate on the picture itself', () => {
  const { ctx, texts } = recorder()
  drawCertificate(ctx, { ...cert, status: 'revoked' })
  expect(texts).toContain('本证书已撤销')
})

it('says the dates in Shanghai time and wraps long text inside the frame', () => {
  expect(certificateSentence(cert)).toMatch(/^于2026年11月20日至2026年11月24日参加/)
  const { ctx } = recorder()
  ctx.font = '10px x'
  expect(wrapText(ctx, '一二三四五六七', 30)).toEqual(['一二三', '四五六', '七'])
})
