/**
 * Large text as a phone's system font setting makes it, on the H5 build, and a checker that measures
 * what it does to a page.
 *
 * How Taro H5 sizes text: pxtransform turns every px of our styles (750 design canvas) into rem, and a
 * script in index.html sets the root font-size from the screen width. A system font scale multiplies
 * the text; the nearest the H5 build gets is multiplying that root font-size, which is what WeChat's own
 * 字体大小 setting looks like to a rem layout: text and its boxes grow, the screen does not. A
 * MutationObserver keeps the factor on when Taro's script sets the size again (on load, on resize).
 */
import type { Page } from 'playwright-core'

export function useLargeText(scale: number) {
  return {
    async apply(page: Page): Promise<void> {
      await page.addInitScript((factor: number) => {
        // Runs before the parser has made <html>: watch the whole document for its style.
        let lastSet = ''
        const bump = () => {
          const html = document.documentElement
          const current = html?.style.fontSize
          if (!current || current === lastSet) return
          html.style.fontSize = `${parseFloat(current) * factor}px`
          // As the browser writes it back (rounded), so our own change is not scaled again.
          lastSet = html.style.fontSize
          html.dataset.textScale = String(factor)
        }
        new MutationObserver(bump).observe(document, { attributes: true, subtree: true, attributeFilter: ['style'] })
        bump()
      }, scale)
    },
  }
}

/**
 * What is wrong with the page's text, measured: text past the screen's edge or outside the box it sits
 * in (the nearest ancestor that draws a background or border, or clips), text cut off without an
 * ellipsis, and short labels (up to 6 characters, no spaces) broken over two lines ("收集内/容").
 * Rows that scroll sideways on purpose (chip rows) are left out. Empty when all is well.
 */
export async function largeTextProblems(page: Page): Promise<string[]> {
  // Two frames: the last layout after fonts and the scale settled.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
  return page.evaluate(() => {
    const problems: string[] = []
    if (!document.documentElement.dataset.textScale) problems.push('the text scale was not applied (no root font-size)')
    const vw = document.documentElement.clientWidth
    const name = (el: Element, text: string) =>
      `.${[...el.classList].join('.') || el.tagName.toLowerCase()} 「${text.slice(0, 24)}」`
    const ancestors = (el: Element) => {
      const out: Element[] = []
      for (let a = el.parentElement; a && a.id !== 'app'; a = a.parentElement) out.push(a)
      return out
    }
    const scrollsSideways = (el: Element) =>
      ancestors(el).some((a) => ['auto', 'scroll'].includes(getComputedStyle(a).overflowX))
    const ellipsis = (el: Element) =>
      [el, ...ancestors(el)].slice(0, 3).some((a) => {
        const s = getComputedStyle(a)
        return s.textOverflow === 'ellipsis' || s.webkitLineClamp !== 'none'
      })
    const drawsBox = (a: Element) => {
      const s = getComputedStyle(a)
      return (
        s.backgroundColor !== 'rgba(0, 0, 0, 0)' ||
        parseFloat(s.borderLeftWidth) > 0 ||
        parseFloat(s.borderRightWidth) > 0 ||
        s.overflowX === 'hidden'
      )
    }
    // Text hidden from the eye on purpose, kept for screen readers (clip: rect(0 0 0 0)): not cut off.
    const visuallyHidden = (el: Element) =>
      [el, ...ancestors(el)].some((a) => getComputedStyle(a).clip === 'rect(0px, 0px, 0px, 0px)')
    const walker = document.createTreeWalker(document.getElementById('app') ?? document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim()
      const el = node.parentElement
      if (!text || !el || visuallyHidden(el)) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0)
      if (rects.length === 0 || scrollsSideways(el) || ellipsis(el)) continue
      const left = Math.min(...rects.map((r) => r.left))
      const right = Math.max(...rects.map((r) => r.right))
      if (left < -1 || right > vw + 1) problems.push(`past the screen's edge: ${name(el, text)}`)
      const box = ancestors(el).find(drawsBox) ?? (drawsBox(el) ? null : undefined)
      if (box) {
        const b = box.getBoundingClientRect()
        if (left < b.left - 1 || right > b.right + 1)
          problems.push(`out of its box ${name(box, '')}: ${name(el, text)}`)
      }
      const s = getComputedStyle(el)
      if (s.overflowX === 'hidden' && el.scrollWidth > el.clientWidth + 1) problems.push(`cut off: ${name(el, text)}`)
      if (text.length <= 6 && !/\s/.test(text) && new Set(rects.map((r) => Math.round(r.top))).size > 1) {
        problems.push(`label broken over two lines: ${name(el, text)}`)
      }
    }
    return [...new Set(problems)]
  })
}

/**
 * Text below 4.5:1 against the colour behind it (WCAG AA for body text), measured from computed styles:
 * the text's colour over the nearest ancestor background that is a plain colour. Text over a gradient or
 * a picture (the catalog's banner) is left out: no single colour stands behind it. Disabled controls and
 * placeholders are left out too, as WCAG does.
 */
export async function contrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number)
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => {
        const s = v / 255
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
      }
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b)
    }
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x)
      return (hi + 0.05) / (lo + 0.05)
    }
    const behind = (el: Element): number[] | null => {
      for (let a: Element | null = el; a; a = a.parentElement) {
        const s = getComputedStyle(a)
        if (s.backgroundImage !== 'none') return null
        const c = parse(s.backgroundColor)
        if (c.length >= 3 && (c.length === 3 || c[3] > 0.9)) return c
      }
      return [255, 255, 255]
    }
    const problems: string[] = []
    const walker = document.createTreeWalker(document.getElementById('app') ?? document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim()
      const el = node.parentElement
      if (!text || !el || el.closest('[disabled], .nut-button-disabled')) continue
      const range = document.createRange()
      range.selectNodeContents(node)
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) continue
      const s = getComputedStyle(el)
      if (parseFloat(s.opacity) < 1) continue
      const bg = behind(el)
      if (!bg) continue
      const r = ratio(parse(s.color), bg)
      if (r < 4.5) problems.push(`${r.toFixed(2)}:1 ${s.color} on rgb(${bg.join(', ')}): 「${text.slice(0, 20)}」`)
    }
    return [...new Set(problems)]
  })
}
