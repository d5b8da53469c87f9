/**
 * The rows under the document store: one SQLite file shared by every process of a local cloud, each
 * statement prepared once, each operation one IMMEDIATE transaction (the file lock serialises writers
 * across processes; nothing is cached between operations but the list of collections, which only grows).
 */
import Database from 'better-sqlite3'
import { loadSchema, type CollectionSpec } from '../scripts/db-schema'
import { decodeDoc, encodeDoc, type Doc } from './codec'
import { ERR } from './errors'

export interface Row {
  id: string
  data: string
  ver: number
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

const SCHEMA_SQL = `
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
`

const BUSY_TIMEOUT_MS = 10_000

/** A transaction whose owner vanished (crashed process) stops blocking others after this long. */
export const STALE_TXN_MS = 30_000

export class RowStore {
  readonly db: Database.Database
  /** database/<collection>.json, read once. */
  readonly schema: Map<string, CollectionSpec> = loadSchema()
  /** Refuse SDK queries that no declared index serves (checked in database.ts). */
  strictIndexes = strictByDefault()
  private readonly statements = new Map<string, Database.Statement>()
  private readonly known = new Set<string>()
  private readonly runner: Database.Transaction<(fn: () => unknown) => unknown>

  constructor(file: string) {
    this.db = new Database(file)
    if (file !== ':memory:') this.db.pragma('journal_mode = WAL')
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    this.db.pragma('synchronous = NORMAL')
    this.db.exec(SCHEMA_SQL)
    this.runner = this.db.transaction((fn: () => unknown) => fn())
  }

  close(): void {
    this.db.close()
  }

  /** The statement for `sql`, prepared on first use. */
  protected sql(text: string): Database.Statement {
    let statement = this.statements.get(text)
    if (!statement) {
      statement = this.db.prepare(text)
      this.statements.set(text, statement)
    }
    return statement
  }

  /** Runs `fn` as one SQLite write transaction, so concurrent processes see it whole or not at all. */
  protected atomic<T>(fn: () => T): T {
    // Blocking in SQLite's busy handler while another process writes measured faster than answering
    // "wait" and retrying from the event loop: a retry repeats the request's parsing on a busy CPU.
    return this.runner.immediate(fn) as T
  }

  addCollection(name: string): void {
    this.sql('INSERT OR IGNORE INTO collections (name) VALUES (?)').run(name)
    this.known.add(name)
  }

  listCollections(): string[] {
    return (this.sql('SELECT name FROM collections ORDER BY name').all() as { name: string }[]).map((r) => r.name)
  }

  private readonly clearedListeners: (() => void)[] = []

  /** Called after every clear(): a cleared environment also starts with fresh function instances. */
  onCleared(listener: () => void): void {
    this.clearedListeners.push(listener)
  }

  /** Drops every document (and open transaction) but keeps the collections. */
  clear(): void {
    this.atomic(() => {
      this.db.exec('DELETE FROM docs; DELETE FROM txns; DELETE FROM txn_locks; DELETE FROM txn_docs;')
    })
    for (const listener of this.clearedListeners) listener()
  }

  protected assertCollection(coll: string): void {
    if (this.known.has(coll)) return
    if (!this.sql('SELECT 1 FROM collections WHERE name = ?').get(coll)) throw ERR.noCollection(coll)
    this.known.add(coll)
  }

  protected readRow(coll: string, id: string): Row | undefined {
    return this.sql('SELECT id, data, ver FROM docs WHERE coll = ? AND id = ?').get(coll, id) as Row | undefined
  }

  protected all(coll: string): Row[] {
    this.assertCollection(coll)
    return this.sql('SELECT id, data, ver FROM docs WHERE coll = ?').all(coll) as Row[]
  }

  /** Writes `doc` (already encoded as `text` when the caller has it) as the next version of the row. */
  protected writeRow(coll: string, id: string, doc: Doc, prevVer: number, text?: string): void {
    this.assertUnique(coll, id, doc)
    const data = text ?? encodeDoc({ ...doc, _id: id })
    this.sql('INSERT OR REPLACE INTO docs (coll, id, data, ver) VALUES (?, ?, ?, ?)').run(coll, id, data, prevVer + 1)
  }

  protected deleteRow(coll: string, id: string): void {
    this.sql('DELETE FROM docs WHERE coll = ? AND id = ?').run(coll, id)
  }

  /**
   * A plain write to a document an open transaction holds waits until the transaction ends, as on the
   * platform (a holder gone quiet past STALE_TXN_MS no longer counts).
   */
  protected assertUnlocked(coll: string, id: string): void {
    const holder = this.sql(
      'SELECT t.started_at AS at FROM txn_locks l JOIN txns t ON t.id = l.txn WHERE l.coll = ? AND l.id = ?',
    ).get(coll, id) as { at: number } | undefined
    if (holder && Date.now() - holder.at < STALE_TXN_MS) throw ERR.wait(`${coll}/${id} is held by a transaction`)
  }

  private assertUnique(coll: string, id: string, doc: Doc): void {
    for (const index of this.schema.get(coll)?.indexes ?? []) {
      if (!index.unique) continue
      const keyOf = (d: Doc) => JSON.stringify(index.fields.map((f) => valueAt(d, f.field)))
      const key = keyOf(doc)
      const first = valueAt(doc, index.fields[0].field)
      // Narrow by the first field inside SQLite when it is a plain value; compare whole keys here.
      const narrow = typeof first === 'string' || typeof first === 'number'
      const rows = (
        narrow
          ? this.sql('SELECT id, data FROM docs WHERE coll = ? AND id != ? AND json_extract(data, ?) = ?').all(
              coll,
              id,
              `$.${index.fields[0].field}`,
              first,
            )
          : this.sql('SELECT id, data FROM docs WHERE coll = ? AND id != ?').all(coll, id)
      ) as Row[]
      if (rows.some((r) => keyOf(decodeDoc(r.data)) === key)) {
        const shown = encodeDoc(Object.fromEntries(index.fields.map((f) => [f.field, valueAt(doc, f.field)])))
        throw ERR.duplicateKey(coll, index.name, shown)
      }
    }
  }

  /**
   * Rows that may match `query`. Lookups by `_id` use the primary key; plain equality on top-level
   * string, number or boolean fields narrows the scan inside SQLite. The matcher still decides.
   */
  protected candidates(coll: string, query: Doc): Row[] {
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
      // Equality on an array field matches when any element is equal: SQLite looks inside the array,
      // so a worker's claims do not make every worker a candidate.
      const clause = `(json_extract(data, '$.${key}') = ? OR EXISTS (SELECT 1 FROM json_each(data, '$.${key}') AS e WHERE e.value = ?))`
      if (typeof value === 'string' || typeof value === 'number') {
        clauses.push(clause)
        params.push(value, value)
      } else if (typeof value === 'boolean') {
        clauses.push(clause)
        params.push(value ? 1 : 0, value ? 1 : 0)
      }
    }
    const where = clauses.length > 0 ? ` AND ${clauses.join(' AND ')}` : ''
    return this.sql(`SELECT id, data, ver FROM docs WHERE coll = ?${where} ORDER BY id`).all(...params) as Row[]
  }
}
