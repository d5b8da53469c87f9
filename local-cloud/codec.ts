/**
 * Documents as the store keeps them: relaxed extended JSON, the form bson's EJSON writes and the SDK
 * reads. Most documents hold only JSON values and dates, so they go through JSON with a date reviver;
 * anything else (a non-finite number, -0, a binary, a regex, a date outside 1970–9999, a field named
 * like an EJSON type) takes bson's own EJSON, and both paths give the same text and the same values.
 */
import { EJSON } from 'bson'
import { randomBytes } from 'node:crypto'

export type Doc = Record<string, unknown> & { _id?: unknown }

export function newId(): string {
  // Same shape as the cloud's ids: 32 hex characters.
  return randomBytes(16).toString('hex')
}

const MIN_DATE = Date.UTC(1970, 0, 1)
const MAX_DATE = Date.UTC(10000, 0, 1)
/** Thrown inside the replacer to hand the document to EJSON. */
const NOT_PLAIN = new Error('not plain JSON')

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key]
  if (raw instanceof Date) {
    const t = raw.getTime()
    if (!(t >= MIN_DATE && t < MAX_DATE)) throw NOT_PLAIN
    // As bson writes it: whole seconds without ".000".
    return { $date: t % 1000 === 0 ? `${(value as string).slice(0, -5)}Z` : value }
  }
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || Object.is(raw, -0)) throw NOT_PLAIN
    return value
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const proto = Object.getPrototypeOf(raw) as unknown
    if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN
    for (const k in raw) if (k.charCodeAt(0) === 36) throw NOT_PLAIN
  }
  return value
}

export function encodeDoc(doc: Doc): string {
  try {
    return JSON.stringify(doc, replacer)
  } catch (err) {
    if (err !== NOT_PLAIN) throw err
    return EJSON.stringify(doc, { relaxed: true })
  }
}

/** Any `"$` that does not open a `{"$date":"…"}` means an EJSON type JSON alone would misread. */
const OTHER_TYPE = /"\$(?!date":")/

/** Turns `{"$date": "…"}` objects into dates in place (a walk after JSON.parse beats a reviver). */
function reviveDates(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i]
      if (item !== null && typeof item === 'object') value[i] = reviveDates(item)
    }
    return value
  }
  const obj = value as Record<string, unknown>
  if (typeof obj.$date === 'string') return new Date(obj.$date)
  for (const key in obj) {
    const item = obj[key]
    if (item !== null && typeof item === 'object') obj[key] = reviveDates(item)
  }
  return obj
}

export function decodeDoc(text: string): Doc {
  if (OTHER_TYPE.test(text)) return EJSON.parse(text, { relaxed: true }) as Doc
  const doc = JSON.parse(text) as Doc
  return text.includes('"$date"') ? (reviveDates(doc) as Doc) : doc
}
