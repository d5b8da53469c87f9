/**
 * The local cloud's document store: collections of JSON documents in one SQLite file, with the
 * semantics of WeChat's cloud database that this project relies on.
 *
 * Several OS processes may open the same file at once (the benchmarks run one per function instance),
 * so every operation is one SQLite IMMEDIATE transaction: the file lock serialises writers across
 * processes, and nothing is cached in memory between operations.
 *
 * Cloud transactions are emulated optimistically, the way the cloud behaves to a caller: the first
 * write to a document takes a lock owned by the transaction; a second transaction writing the same
 * document is refused at once with DATABASE_TRANSACTION_CONFLICT (and aborted, so the SDK's
 * runTransaction can start over); reads inside a transaction see the document as it was when the
 * transaction first touched it; commit re-checks every written document's version, so a plain write
 * that slipped in meanwhile also ends the transaction with a conflict.
 *
 * The indexes declared in database/<collection>.json hold here as in the cloud: a unique index refuses
 * a second document with the same key (a missing field counts as null, as in MongoDB). In strict mode
 * (on under jest; LOCAL_CLOUD_STRICT_INDEXES=1|0 decides elsewhere) database.ts also refuses queries no
 * declared index serves.
 */
import Database from 'better-sqlite3'
import { EJSON } from 'bson'
import { Query, Aggregator, update as applyUpdate } from 'mingo'
import 'mingo/init/system'
import { randomBytes } from 'node:crypto'
import { loadSchema, type CollectionSpec } from '../scripts/db-schema'

export type Doc = Record<string, unknown> & { _id?: unknown }

/** An error the SDK understands: `code` is one of the cloud's error names. */
export class CloudDbError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message)
  }
}

export const ERR = {
  conflict: (what: string) =>
    new CloudDbError('DATABASE_TRANSACTION_CONFLICT', `[ResourceUnavailable.TransactionConflict] ${what}`),
  duplicate: (coll: string, id: string) =>
    new CloudDbError(
      'DATABASE_REQUEST_FAILED',
      `[FailedOperation] E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`,
    ),
  noCollection: (coll: string) =>
    new CloudDbError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist: ${coll}`),
  txnGone: (id: string) =>
    new CloudDbError(
      'DATABASE_TRANSACTION_FAIL',
      `[ResourceUnavailable.TransactionNotExist] Transaction ${id} not exist`,
    ),
  invalid: (message: string) => new CloudDbError('DATABASE_REQUEST_FAILED', `[InvalidParameter] ${message}`),
  duplicateKey: (coll: string, index: string, key: string) =>
    new CloudDbError(
      'DATABASE_REQUEST_FAILED',
      `[FailedOperation] E11000 duplicate key error collection: ${coll} index: ${index} dup key: ${key}`,
    ),
}

function strictByDefault(): boolean {
  const flag = process.env.LOCAL_CLOUD_STRICT_INDEXES
  if (flag === '1' || flag === '0') return flag === '1'
  return process.env.NODE_ENV === 'test'
}

function valueAt(doc: Doc, dotted: string): unknown {
  let value: unknown = doc
  for (const part of dotted.split('.')) value = value === null || value === undefined ? undefined : (value as Doc)[part]
  return value ?? null
}

/** WeChat caps one page read from a cloud function at 100 records; code that needs more must page. */
export const MAX_PAGE = 100

/** A transaction whose owner vanished (crashed process) stops blocking others after this long. */
const STALE_TXN_MS = 30_000

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

interface Row {
  id: string
  data: string
  ver: number
}

interface TxnDocRow {
  base_ver: number
  snapshot: string | null
  written: number
  pending: string | null
}

export function newId(): string {
  // Same shape as the cloud's ids: 32 hex characters.
  return randomBytes(16).toString('hex')
}

export function encodeDoc(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: true })
}

export function decodeDoc(text: string): Doc {
  return EJSON.parse(text, { relaxed: true }) as Doc
}

export class DocStore {
  readonly db: Database.Database
  /** database/<collection>.json, read once. */
  readonly schema: Map<string, CollectionSpec> = loadSchema()
  /** Refuse SDK queries that no declared index serves (checked in database.ts). */
  strictIndexes = strictByDefault()

  constructor(file: string) {
    this.db = new Database(file)
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL')
    this.db.pragma('busy_timeout = 10000')
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS collections (name TEXT PRIMARY KEY);
      CREATE TABLE IF NOT EXISTS docs (
        coll TEXT NOT NULL, id TEXT NOT NULL, data TEXT NOT NULL, ver INTEGER NOT NULL,
        PRIMARY KEY (coll, id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS txns (id TEXT PRIMARY KEY, started_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS txn_locks (
        coll TEXT NOT NULL, id TEXT NOT NULL, txn TEXT NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS txn_docs (
        txn TEXT NOT NULL, coll TEXT NOT NULL, id TEXT NOT NULL,
        base_ver INTEGER NOT NULL, snapshot TEXT, written INTEGER NOT NULL DEFAULT 0, pending TEXT,
        PRIMARY KEY (txn, coll, id)) WITHOUT ROWID;
    `)
  }

  close(): void {
    this.db.close()
  }

  /** Runs `fn` as one SQLite write transaction, so concurrent processes see it whole or not at all. */
  private atomic<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate()
  }

  // ---- collections -------------------------------------------------------------------------------

  addCollection(name: string): void {
    this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)').run(name)
  }

  listCollections(): string[] {
    return (this.db.prepare('SELECT name FROM collections ORDER BY name').all() as { name: string }[]).map(
      (r) => r.name,
    )
  }

  /** Drops every document (and open transaction) but keeps the collections. */
  clear(): void {
    this.atomic(() => {
      this.db.exec('DELETE FROM docs; DELETE FROM txns; DELETE FROM txn_locks; DELETE FROM txn_docs;')
    })
  }

  private assertCollection(coll: string): void {
    if (!this.db.prepare('SELECT 1 FROM collections WHERE name = ?').get(coll)) throw ERR.noCollection(coll)
  }

  // ---- plain operations --------------------------------------------------------------------------

  insert(coll: string, docs: object[]): string[] {
    return this.atomic(() => {
      this.assertCollection(coll)
      return (docs as Doc[]).map((doc) => {
        const id = doc._id === undefined ? newId() : String(doc._id)
        if (this.readRow(coll, id)) throw ERR.duplicate(coll, id)
        this.writeRow(coll, id, { ...doc, _id: id }, 0)
        return id
      })
    })
  }

  find(coll: string, query: Doc, opts: FindOptions = {}): Doc[] {
    this.assertCollection(coll)
    const limit = Math.min(opts.limit ?? MAX_PAGE, MAX_PAGE)
    let cursor = new Query(query).find<Doc>(
      this.candidates(coll, query).map((r) => decodeDoc(r.data)),
      opts.projection,
    )
    if (opts.order && Object.keys(opts.order).length > 0) cursor = cursor.sort(opts.order)
    return cursor
      .skip(opts.offset ?? 0)
      .limit(limit)
      .all()
  }

  count(coll: string, query: Doc): number {
    this.assertCollection(coll)
    const q = new Query(query)
    return this.candidates(coll, query).filter((r) => q.test(decodeDoc(r.data))).length
  }

  update(coll: string, query: Doc, data: Doc, opts: UpdateOptions): { updated: number; upsertedId: string | null } {
    return this.atomic(() => {
      this.assertCollection(coll)
      const q = new Query(query)
      let updated = 0
      for (const row of this.candidates(coll, query)) {
        const doc = decodeDoc(row.data)
        if (!q.test(doc)) continue
        const next = opts.merge ? applyOperators(doc, data) : { ...data, _id: doc._id }
        if (encodeDoc(next) !== row.data) {
          this.writeRow(coll, row.id, next, row.ver)
          updated++
        }
        if (!opts.multi) break
      }
      // The cloud counts a matched document as updated only when it really changed; callers rely on
      // `updated` to tell whether a conditional write took effect.
      if (updated === 0 && opts.upsert && !this.candidates(coll, query).some((r) => q.test(decodeDoc(r.data)))) {
        const id = typeof query._id === 'string' ? query._id : newId()
        const base: Doc = { _id: id }
        const doc = opts.merge ? applyOperators(base, data) : { ...data, _id: id }
        this.writeRow(coll, id, doc, 0)
        return { updated: 0, upsertedId: id }
      }
      return { updated, upsertedId: null }
    })
  }

  remove(coll: string, query: Doc, multi: boolean): number {
    return this.atomic(() => {
      this.assertCollection(coll)
      const q = new Query(query)
      let deleted = 0
      for (const row of this.candidates(coll, query)) {
        if (!q.test(decodeDoc(row.data))) continue
        this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?').run(coll, row.id)
        deleted++
        if (!multi) break
      }
      return deleted
    })
  }

  aggregate(coll: string, pipeline: Doc[]): Doc[] {
    this.assertCollection(coll)
    // A leading $match narrows the rows like a find does (a point read when it names an _id).
    const first = pipeline[0]?.$match as Doc | undefined
    const rows = first ? this.candidates(coll, first) : this.all(coll)
    const docs = rows.map((r) => decodeDoc(r.data))
    const stages = pipeline.map((stage) => this.resolveLookup(stage))
    return new Aggregator(stages, { collectionResolver: (name) => this.all(name).map((r) => decodeDoc(r.data)) }).run(
      docs,
    ) as Doc[]
  }

  private all(coll: string): Row[] {
    this.assertCollection(coll)
    return this.db.prepare('SELECT id, data FROM docs WHERE coll = ?').all(coll) as Row[]
  }

  /**
   * A $lookup whose sub-pipeline starts by matching an _id joins that one document: hand mingo the
   * candidate rows instead of the whole collection (a join per request must cost a point read here,
   * as it does on the platform's index).
   */
  private resolveLookup(stage: Doc): Doc {
    const spec = stage.$lookup as { from?: unknown; pipeline?: Doc[] } | undefined
    const match = spec?.pipeline?.[0]?.$match as Doc | undefined
    if (!spec || typeof spec.from !== 'string' || !match || typeof match._id !== 'string') return stage
    const joined = this.candidates(spec.from, match).map((r) => decodeDoc(r.data))
    return { $lookup: { ...spec, from: joined } }
  }

  // ---- transactions ------------------------------------------------------------------------------

  startTransaction(): string {
    const id = `txn_${newId()}`
    this.db.prepare('INSERT INTO txns (id, started_at) VALUES (?, ?)').run(id, Date.now())
    return id
  }

  txnGet(txn: string, coll: string, id: string): Doc | null {
    return this.atomic(() => {
      this.assertTxn(txn)
      this.assertCollection(coll)
      const state = this.txnDoc(txn, coll, id)
      const text = state.written ? state.pending : state.snapshot
      return text === null ? null : decodeDoc(text)
    })
  }

  /** Applies `change` to the transaction's view of one document; `null` from `change` deletes it. */
  txnWrite(txn: string, coll: string, id: string, change: (current: Doc | null) => Doc | null): Doc | null {
    try {
      return this.atomic(() => {
        this.assertTxn(txn)
        this.assertCollection(coll)
        this.lock(txn, coll, id)
        const state = this.txnDoc(txn, coll, id)
        const committed = this.readRow(coll, id)
        if ((committed?.ver ?? 0) !== state.base_ver) throw ERR.conflict(`${coll}/${id} changed since read`)
        const current = state.written ? state.pending : state.snapshot
        const next = change(current === null ? null : decodeDoc(current))
        this.db
          .prepare('UPDATE txn_docs SET written = 1, pending = ? WHERE txn = ? AND coll = ? AND id = ?')
          .run(next === null ? null : encodeDoc(next), txn, coll, id)
        return next
      })
    } catch (err) {
      if (err instanceof CloudDbError && err.code === 'DATABASE_TRANSACTION_CONFLICT') this.abort(txn)
      throw err
    }
  }

  commit(txn: string): void {
    try {
      this.atomic(() => {
        this.assertTxn(txn)
        const rows = this.db
          .prepare('SELECT coll, id, base_ver, pending FROM txn_docs WHERE txn = ? AND written = 1')
          .all(txn) as { coll: string; id: string; base_ver: number; pending: string | null }[]
        for (const r of rows) {
          const committed = this.readRow(r.coll, r.id)
          if ((committed?.ver ?? 0) !== r.base_ver) throw ERR.conflict(`${r.coll}/${r.id} changed before commit`)
          if (r.pending === null) this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?').run(r.coll, r.id)
          else this.writeRow(r.coll, r.id, decodeDoc(r.pending), r.base_ver)
        }
        this.dropTxn(txn)
      })
    } catch (err) {
      if (err instanceof CloudDbError && err.code === 'DATABASE_TRANSACTION_CONFLICT') this.abort(txn)
      throw err
    }
  }

  abort(txn: string): void {
    this.atomic(() => this.dropTxn(txn))
  }

  private dropTxn(txn: string): void {
    this.db.prepare('DELETE FROM txn_docs WHERE txn = ?').run(txn)
    this.db.prepare('DELETE FROM txn_locks WHERE txn = ?').run(txn)
    this.db.prepare('DELETE FROM txns WHERE id = ?').run(txn)
  }

  private assertTxn(txn: string): void {
    if (!this.db.prepare('SELECT 1 FROM txns WHERE id = ?').get(txn)) throw ERR.txnGone(txn)
  }

  private lock(txn: string, coll: string, id: string): void {
    const holder = this.db.prepare('SELECT txn FROM txn_locks WHERE coll = ? AND id = ?').get(coll, id) as
      { txn: string } | undefined
    if (holder && holder.txn !== txn) {
      const owner = this.db.prepare('SELECT started_at FROM txns WHERE id = ?').get(holder.txn) as
        { started_at: number } | undefined
      if (owner && Date.now() - owner.started_at < STALE_TXN_MS) throw ERR.conflict(`${coll}/${id} is locked`)
      this.dropTxn(holder.txn)
    }
    this.db.prepare('INSERT OR REPLACE INTO txn_locks (coll, id, txn) VALUES (?, ?, ?)').run(coll, id, txn)
  }

  /** The transaction's record of a document, taking its snapshot on first touch. */
  private txnDoc(txn: string, coll: string, id: string): TxnDocRow {
    const found = this.db
      .prepare('SELECT base_ver, snapshot, written, pending FROM txn_docs WHERE txn = ? AND coll = ? AND id = ?')
      .get(txn, coll, id) as TxnDocRow | undefined
    if (found) return found
    const row = this.readRow(coll, id)
    const state: TxnDocRow = { base_ver: row?.ver ?? 0, snapshot: row?.data ?? null, written: 0, pending: null }
    this.db
      .prepare('INSERT INTO txn_docs (txn, coll, id, base_ver, snapshot) VALUES (?, ?, ?, ?, ?)')
      .run(txn, coll, id, state.base_ver, state.snapshot)
    return state
  }

  // ---- rows --------------------------------------------------------------------------------------

  private readRow(coll: string, id: string): Row | undefined {
    return this.db.prepare('SELECT id, data, ver FROM docs WHERE coll = ? AND id = ?').get(coll, id) as Row | undefined
  }

  private writeRow(coll: string, id: string, doc: Doc, prevVer: number): void {
    this.assertUnique(coll, id, doc)
    this.db
      .prepare('INSERT OR REPLACE INTO docs (coll, id, data, ver) VALUES (?, ?, ?, ?)')
      .run(coll, id, encodeDoc({ ...doc, _id: id }), prevVer + 1)
  }

  private assertUnique(coll: string, id: string, doc: Doc): void {
    for (const index of this.schema.get(coll)?.indexes ?? []) {
      if (!index.unique) continue
      const keyOf = (d: Doc) => Object.fromEntries(index.fields.map((f) => [f.field, valueAt(d, f.field)]))
      const key = encodeDoc(keyOf(doc))
      const first = valueAt(doc, index.fields[0].field)
      // Narrow by the first field inside SQLite when it is a plain value; compare whole keys here.
      const narrow = typeof first === 'string' || typeof first === 'number'
      const rows = this.db
        .prepare(
          `SELECT id, data FROM docs WHERE coll = ? AND id != ?${narrow ? ` AND json_extract(data, ?) = ?` : ''}`,
        )
        .all(...[coll, id, ...(narrow ? [`$.${index.fields[0].field}`, first] : [])]) as Row[]
      if (rows.some((r) => encodeDoc(keyOf(decodeDoc(r.data))) === key)) throw ERR.duplicateKey(coll, index.name, key)
    }
  }

  /**
   * Rows that may match `query`. Lookups by `_id` use the primary key; plain equality on top-level
   * string, number or boolean fields narrows the scan inside SQLite. mingo still decides the match.
   */
  private candidates(coll: string, query: Doc): Row[] {
    const idCond = query._id
    if (typeof idCond === 'string') {
      const row = this.readRow(coll, idCond)
      return row ? [row] : []
    }
    if (idCond && typeof idCond === 'object' && Array.isArray((idCond as { $in?: unknown }).$in)) {
      const ids = ((idCond as { $in: unknown[] }).$in as unknown[]).filter((v): v is string => typeof v === 'string')
      return ids.map((id) => this.readRow(coll, id)).filter((r): r is Row => r !== undefined)
    }
    const clauses: string[] = []
    const params: unknown[] = [coll]
    for (const [key, value] of Object.entries(query)) {
      if (key.startsWith('$') || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) continue
      // Equality on an array field matches when any element is equal, so arrays stay candidates.
      const clause = `(json_extract(data, '$.${key}') = ? OR json_type(data, '$.${key}') = 'array')`
      if (typeof value === 'string' || typeof value === 'number') {
        clauses.push(clause)
        params.push(value)
      } else if (typeof value === 'boolean') {
        clauses.push(clause)
        params.push(value ? 1 : 0)
      }
    }
    const where = clauses.length > 0 ? ` AND ${clauses.join(' AND ')}` : ''
    return this.db.prepare(`SELECT id, data, ver FROM docs WHERE coll = ?${where} ORDER BY id`).all(...params) as Row[]
  }
}

/** Applies cloud update operators one at a time (mingo's updater takes a single operator per call). */
export function applyOperators(doc: Doc, data: Doc): Doc {
  const next = structuredClone(doc)
  const operators = Object.keys(data)
  if (operators.length === 0 || operators.some((op) => !op.startsWith('$'))) {
    throw ERR.invalid('update data must consist of update operators')
  }
  for (const op of operators) {
    applyUpdate(next, { [op]: data[op] } as Parameters<typeof applyUpdate>[1])
  }
  return next
}
