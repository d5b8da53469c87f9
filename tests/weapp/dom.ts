/**
 * miniprogram-simulate renders into a DOM. The weapp tests also run the local cloud (esbuild,
 * better-sqlite3, bson), which breaks under jest's jsdom environment (typed arrays from another realm),
 * so they run in Node and get a DOM here, copied onto the global the way jsdom-global does: only names
 * Node lacks, so Node's own Buffer, Uint8Array and timers stay.
 */
import { JSDOM } from 'jsdom'

const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true })
const g = globalThis as Record<string, unknown>
const win = dom.window as unknown as Record<string, unknown>
for (const key of Object.getOwnPropertyNames(win)) {
  if (key in g) continue
  try {
    g[key] = win[key]
  } catch {
    // A few window getters refuse to be read outside their window; the simulator needs none of them.
  }
}
g.window = dom.window
g.document = dom.window.document
