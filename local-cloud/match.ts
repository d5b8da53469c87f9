/**
 * Query matching. Most of the functions' queries are equality on top-level fields, which a plain
 * comparison answers with MongoDB's meaning (an array field matches when an element is equal); the
 * rest goes to mingo. mingo's operators are registered once, here, for the whole process.
 */
import { Query } from 'mingo'
import 'mingo/init/system'
import type { Doc } from './codec'

export type Matcher = (doc: Doc) => boolean

const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/

function isPlainScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && !isNaN(value))
}

export function compileQuery(query: Doc): Matcher {
  const keys = Object.keys(query)
  if (keys.every((k) => FIELD.test(k) && isPlainScalar(query[k]))) {
    return (doc) =>
      keys.every((k) => {
        const have = doc[k]
        return have === query[k] || (Array.isArray(have) && have.includes(query[k]))
      })
  }
  const compiled = new Query(query)
  return (doc) => compiled.test(doc)
}

export { Query }
