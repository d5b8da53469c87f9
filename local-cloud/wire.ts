/**
 * Translation between the SDK's wire values (canonical EJSON strings) and plain documents for the
 * store. Two values need help before mingo can evaluate them: regular expressions and the cloud's
 * server date placeholder.
 */
import { EJSON, BSONRegExp } from 'bson'
import type { Doc } from './store'

export function parseWire(text: string | undefined, now = Date.now()): Doc {
  if (text === undefined || text === '') return {}
  return revive(EJSON.parse(text, { relaxed: true }), now) as Doc
}

function revive(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, value.options.replace(/[^gimsuy]/g, ''))
  if (value instanceof Date || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((v) => revive(v, now))
  const obj = value as Record<string, unknown>
  if ('$tcb_server_date' in obj) {
    const spec = obj.$tcb_server_date as { offset?: number } | undefined
    return new Date(now + Number(spec?.offset ?? 0))
  }
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) out[k] = revive(v, now)
  return out
}

/** Documents go back to the SDK as canonical EJSON strings, the form the real service answers with. */
export function toWire(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: false })
}
