/**
 * The local cloud's document store: collections of JSON documents in one SQLite file, with the
 * semantics of WeChat's cloud database that this project relies on. Rows, statements and unique
 * indexes in store-rows.ts; transactions in store-txn.ts; update operators in update.ts.
 *
 * The indexes declared in database/<collection>.json hold here as in the cloud: a unique index refuses
 * a second document with the same key (a missing field counts as null, as in MongoDB). In strict mode
 * (on under jest; LOCAL_CLOUD_STRICT_INDEXES=1|0 decides elsewhere) database.ts also refuses queries no
 * declared index serves.
 */
import { decodeDoc, encodeDoc, newId, type Doc } from './codec'
import { aggregate, compileQuery, Query } from './match'
import { TxnStore } from './store-txn'
import { applyOperators } from './update'
import type { Row } from './store-rows'

import { ERR } from './errors'
export { CloudDbError, ERR } from './errors'
export { decodeDoc, encodeDoc, newId, type Doc } from './codec'
export { applyOperators } from './update'

/** WeChat caps one page read from a cloud function at 100 records; code that needs more must page. */
export const MAX_PAGE = 100

/** What aggregate() returns when the pipeline sets no $limit (the platform's default page). */
export const AGGREGATE_DEFAULT_LIMIT = 20

export interface FindOptions {
  limit?: number
  offset?: number
  order?: Record<string, 1 | -1>
  projection?: Record<string, unknown>
}

export interface UpdateOptions {
  multi: boolean
  /** true: `data` holds update operators; false: `data` replaces the document (`set()`). */
  merge: boolean
  upsert: boolean
}

export class DocStore extends TxnStore {
  insert(coll: string, docs: object[]): string[] {
    return this.atomic(() => {
      this.assertCollection(coll)
      return (docs as Doc[]).map((doc) => {
        const id = doc._id === undefined ? newId() : String(doc._id)
        this.assertUnlocked(coll, id)
        if (this.readRow(coll, id)) throw ERR.duplicate(coll, id)
        this.writeRow(coll, id, { ...doc, _id: id }, 0)
        return id
      })
    })
  }

  find(coll: string, query: Doc, opts: FindOptions = {}): Doc[] {
    return this.findRows(coll, query, opts).map((r) => r.doc)
  }

  /**
   * Matching documents with their stored text: a caller that needs the document as stored (the wire
   * reply of a plain read) takes `text` without encoding it again; `text` is null once projected.
   */
  findRows(coll: string, query: Doc, opts: FindOptions = {}): { doc: Doc; text: string | null }[] {
    this.assertCollection(coll)
    const limit = Math.min(opts.limit ?? MAX_PAGE, MAX_PAGE)
    const offset = opts.offset ?? 0
    const matches = compileQuery(query)
    const found: { doc: Doc; text: string | null }[] = []
    for (const row of this.candidates(coll, query)) {
      const doc = decodeDoc(row.data)
      if (matches(doc)) found.push({ doc, text: row.data })
    }
    const ordered = opts.order && Object.keys(opts.order).length > 0
    if (!ordered && !opts.projection) return found.slice(offset, offset + limit)
    let cursor = new Query({}).find<Doc>(
      found.map((f) => f.doc),
      opts.projection,
    )
    if (ordered) cursor = cursor.sort(opts.order as Record<string, 1 | -1>)
    const docs = cursor.skip(offset).limit(limit).all()
    if (opts.projection) return docs.map((doc) => ({ doc, text: null }))
    const texts = new Map(found.map((f) => [f.doc, f.text]))
    return docs.map((doc) => ({ doc, text: texts.get(doc) ?? null }))
  }

  count(coll: string, query: Doc): number {
    this.assertCollection(coll)
    const matches = compileQuery(query)
    return this.candidates(coll, query).filter((r) => matches(decodeDoc(r.data))).length
  }

  update(coll: string, query: Doc, data: Doc, opts: UpdateOptions): { updated: number; upsertedId: string | null } {
    return this.atomic(() => {
      this.assertCollection(coll)
      const matches = compileQuery(query)
      let updated = 0
      let matched = false
      for (const row of this.candidates(coll, query)) {
        const doc = decodeDoc(row.data)
        if (!matches(doc)) continue
        matched = true
        this.assertUnlocked(coll, row.id)
        const next = opts.merge ? applyOperators(doc, data) : { ...data, _id: doc._id }
        const text = encodeDoc(next)
        // The cloud counts a matched document as updated only when it really changed; callers rely on
        // `updated` to tell whether a conditional write took effect.
        if (text !== row.data) {
          this.writeRow(coll, row.id, next, row.ver, next._id === row.id ? text : undefined)
          updated++
        }
        if (!opts.multi) break
      }
      if (matched || !opts.upsert) return { updated, upsertedId: null }
      const id = typeof query._id === 'string' ? query._id : newId()
      this.assertUnlocked(coll, id)
      const doc = opts.merge ? applyOperators({ _id: id }, data) : { ...data, _id: id }
      this.writeRow(coll, id, doc, 0)
      return { updated: 0, upsertedId: id }
    })
  }

  remove(coll: string, query: Doc, multi: boolean): number {
    return this.atomic(() => {
      this.assertCollection(coll)
      const matches = compileQuery(query)
      let deleted = 0
      for (const row of this.candidates(coll, query)) {
        if (!matches(decodeDoc(row.data))) continue
        this.assertUnlocked(coll, row.id)
        this.deleteRow(coll, row.id)
        deleted++
        if (!multi) break
      }
      return deleted
    })
  }

  /** Runs the pipeline; without a $limit stage the platform returns its first 20 rows only. */
  aggregate(coll: string, pipeline: Doc[]): Doc[] {
    this.assertCollection(coll)
    // A leading $match narrows the rows like a find does (a point read when it names an _id).
    const first = pipeline[0]?.$match as Doc | undefined
    const rows = first ? this.candidates(coll, first) : this.all(coll)
    const docs = rows.map((r) => decodeDoc(r.data))
    const stages = pipeline.map((stage, i) => this.resolveLookup(stage, i === 1 && first ? docs : null))
    if (!pipeline.some((stage) => '$limit' in stage)) stages.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
    return aggregate(docs, stages, (name) => this.all(name).map((r: Row) => decodeDoc(r.data)))
  }

  /**
   * A $lookup whose sub-pipeline starts with a plain $match (no variables) joins only what that match
   * can select: hand mingo those candidate rows (a point read for an _id) instead of the whole
   * collection, as the platform's index would serve it.
   */
  private resolveLookup(stage: Doc, matched: Doc[] | null): Doc {
    const spec = stage.$lookup as
      { from?: unknown; pipeline?: Doc[]; let?: unknown; localField?: string; foreignField?: string } | undefined
    if (spec && typeof spec.from === 'string' && spec.localField && spec.foreignField && !spec.pipeline && matched) {
      // A join on a field, right after the leading $match: only the rows those documents name.
      const values = new Set(matched.map((d) => d[spec.localField as string]).filter((v) => typeof v === 'string'))
      const joined = [...values].flatMap((v) =>
        this.candidates(spec.from as string, { [spec.foreignField as string]: v }),
      )
      return { $lookup: { ...spec, from: joined.map((r) => decodeDoc(r.data)) } }
    }
    const match = spec?.pipeline?.[0]?.$match as Doc | undefined
    if (!spec || typeof spec.from !== 'string' || !match || spec.let || '$expr' in match) return stage
    const joined = this.candidates(spec.from, match).map((r) => decodeDoc(r.data))
    return { $lookup: { ...spec, from: joined } }
  }
}
