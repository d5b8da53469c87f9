import { render } from '@testing-library/react'
import jsQR from 'jsqr'
import { QrGrid } from '.'

/** Reads the drawn grid back as pixels (4 per module, with a quiet zone) and decodes it. */
function decode(container: HTMLElement): string | null {
  const rows = Array.from(container.querySelectorAll('.xz-qr-grid__row'))
  const n = rows.length
  const scale = 4
  const quiet = 4
  const side = (n + 2 * quiet) * scale
  const pixels = new Uint8ClampedArray(side * side * 4).fill(255)
  rows.forEach((row, y) => {
    Array.from(row.children).forEach((cell, x) => {
      if (!cell.className.includes('--dark')) return
      for (let dy = 0; dy < scale; dy++) {
        for (let dx = 0; dx < scale; dx++) {
          const i = (((y + quiet) * scale + dy) * side + (x + quiet) * scale + dx) * 4
          pixels[i] = pixels[i + 1] = pixels[i + 2] = 0
        }
      }
    })
  })
  return jsQR(pixels, side, side)?.data ?? null
}

describe('QrGrid', () => {
  it('draws a personal check-in code that a scanner reads back exactly, as a 29 × 29 grid', () => {
    const code = 'WAbc_-12300k9x2rAbCdEfGh_-12zZ9_-aBcDe'.slice(0, 37)
    const { container } = render(<QrGrid text={code} label="我的签到码" />)
    expect(container.querySelectorAll('.xz-qr-grid__row')).toHaveLength(29)
    expect(decode(container)).toBe(code)
    expect(container.querySelector('[aria-label="我的签到码"]')).not.toBeNull()
  })
})
