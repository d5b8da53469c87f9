/**
 * Query matching. Most of the functions' queries are equality on top-level fields, which a plain
 * comparison answers with MongoDB's meaning (an array field matches when an element is equal); the
 * rest goes to mingo. mingo's operators are registered once, here, for the whole process: its `Query`
 * constructor copies every operator into a fresh context on each call, so queries are compiled by the
 * class underneath it with one shared set of options that falls back to the global registry.
 */
import { Aggregator, Context, Query } from 'mingo'
import 'mingo/init/system'
import type { Options } from 'mingo/types/core'
import type { Doc } from './codec'

export type Matcher = (doc: Doc) => boolean

type Compiled = { test(doc: unknown): boolean }
const QueryImpl = Object.getPrototypeOf(Query) as new (condition: object, options: Options) => Compiled
// mingo/core is in the package's exports but not where this project's module resolution looks for types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { initOptions } = require('mingo/core') as { initOptions(options: object): Options }
const OPTIONS = initOptions({})

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
  const compiled = new QueryImpl(query, OPTIONS)
  return (doc) => compiled.test(doc)
}

/** mingo's $match, compiled like compileQuery (it takes precedence over the one Aggregator adds). */
function matchStage(collection: { filter(f: (o: unknown) => boolean): unknown }, expr: object, options: Options) {
  const compiled = new QueryImpl(expr, options)
  return collection.filter((o) => compiled.test(o))
}
const PIPELINE = Context.init({ pipeline: { $match: matchStage as never } })

export function aggregate(docs: Doc[], stages: Doc[], resolver: (name: string) => Doc[]): Doc[] {
  return new Aggregator(stages, { collectionResolver: resolver, context: PIPELINE }).run(docs) as Doc[]
}

export { Query }
