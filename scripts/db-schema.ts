/**
 * The database as code: `database/<collection>.json` holds each collection's permission rule and
 * indexes. `npm run deploy` applies them (or prints the console steps); the local cloud reads the same
 * files to refuse, in strict mode, a query no declared index serves, and to enforce unique indexes.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export const DATABASE_DIR = path.resolve(__dirname, '..', 'database')

/** WeChat's limit of indexes per collection (published base quota). */
const MAX_INDEXES = 20

const rule = z.union([z.literal(false), z.literal(true), z.string().min(1)])

const indexSchema = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9_]{1,64}$/),
    fields: z
      .array(
        z.object({ field: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.]*$/), order: z.enum(['asc', 'desc']) }).strict(),
      )
      .min(1),
    unique: z.boolean().optional(),
    /** Which repository query the index serves, for the reader. */
    for: z.string().min(1),
  })
  .strict()

const collectionSchema = z
  .object({
    collection: z.string().regex(/^[a-z][A-Za-z0-9_]*$/),
    /** WeChat's custom security rule: false denies every client, functions are not bound by it. */
    permission: z.object({ read: rule, write: rule }).strict(),
    /** Why the permission is what it is. */
    why: z.string().min(1),
    indexes: z.array(indexSchema).max(MAX_INDEXES),
  })
  .strict()

export type IndexSpec = z.infer<typeof indexSchema>
export type CollectionSpec = z.infer<typeof collectionSchema>

/** Reads and checks every file of the database folder; throws naming the file at the first fault. */
export function loadSchema(dir = DATABASE_DIR): Map<string, CollectionSpec> {
  const out = new Map<string, CollectionSpec>()
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const where = path.join(path.basename(dir), file)
    const parsed = collectionSchema.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')))
    if (!parsed.success)
      throw new Error(`${where}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    const spec = parsed.data
    if (`${spec.collection}.json` !== file) throw new Error(`${where}: names collection "${spec.collection}"`)
    const names = spec.indexes.map((i) => i.name)
    if (new Set(names).size !== names.length) throw new Error(`${where}: two indexes share a name`)
    out.set(spec.collection, spec)
  }
  return out
}

type Query = Record<string, unknown>

/**
 * The sets of fields a query constrains, one set per branch of its `$or`s: a query is served by an
 * index only when every branch is.
 */
export function queryBranches(query: Query): string[][] {
  let branches: string[][] = [Object.keys(query).filter((k) => !k.startsWith('$'))]
  const combine = (alternatives: string[][]) => {
    branches = branches.flatMap((b) => alternatives.map((alt) => [...b, ...alt]))
  }
  for (const part of (query.$and as Query[] | undefined) ?? []) combine(queryBranches(part))
  const or = (query.$or as Query[] | undefined) ?? []
  if (or.length > 0) combine(or.flatMap((part) => queryBranches(part)))
  return branches.map((b) => [...new Set(b)])
}

/** Lookups by `_id` use the primary key; any other field needs an index led by a field it constrains. */
export function servesBranch(spec: CollectionSpec | undefined, fields: string[]): boolean {
  if (fields.length === 0 || fields.includes('_id')) return true
  return (spec?.indexes ?? []).some((index) => fields.includes(index.fields[0].field))
}

/** Why a query is refused in strict mode, precise enough to fix it without reading this code. */
export function unservedQueryMessage(
  collection: string,
  query: Query,
  order: Record<string, unknown> | undefined,
  spec: CollectionSpec | undefined,
): string | null {
  const missing = queryBranches(query).filter((fields) => !servesBranch(spec, fields))
  if (missing.length === 0) return null
  const fields = missing[0]
  const sorted = Object.keys(order ?? {}).filter((f) => f !== '_id')
  const suggestion = [...fields, ...sorted.filter((f) => !fields.includes(f))].map((field) => ({
    field,
    order: order?.[field] === -1 ? 'desc' : 'asc',
  }))
  const declared = (spec?.indexes ?? []).map((i) => i.fields.map((f) => f.field).join('+')).join(', ') || 'none'
  return (
    `local cloud (strict indexes): no index in database/${collection}.json serves this ${collection} query on ` +
    `{${fields.join(', ')}}${sorted.length ? ` sorted by ${sorted.join(', ')}` : ''}. An index serves a query when ` +
    `its first field is one the query constrains (declared: ${declared}). Add to "indexes" in ` +
    `database/${collection}.json: ${JSON.stringify({ name: suggestion.map((s) => s.field.replace(/\./g, '_')).join('_'), fields: suggestion, for: '<repository method>' })}`
  )
}
