/** Answers the SDK's `database.*` requests from the local store, in the reply shapes the SDK expects. */
import { CloudDbError, type Doc, type DocStore, applyOperators, ERR } from './store'
import { WAIT_CODE } from './errors'
import { parseWire, toWire } from './wire'
import { unservedQueryMessage } from '../scripts/db-schema'

export interface DbParams {
  action: string
  collectionName?: string
  transactionId?: string
  queryType?: 'WHERE' | 'DOC'
  query?: string
  data?: string | string[]
  order?: string
  projection?: string
  offset?: number
  limit?: number
  multi?: boolean
  merge?: boolean
  upsert?: boolean
  stages?: { stageKey: string; stageValue: string }[]
}

export type DbReply = Record<string, unknown>

/** Not a reply: the request must be sent again shortly (see LocalCloud's transport). */
export const WAIT = Symbol('wait')

/** Answers one request; one whose document a transaction holds answers WAIT (it must be sent again). */
export function handleDatabase(store: DocStore, p: DbParams): DbReply | typeof WAIT {
  try {
    return dispatch(store, p)
  } catch (err) {
    if (err instanceof CloudDbError && err.code === WAIT_CODE) return WAIT
    if (err instanceof CloudDbError) return { code: err.code, message: err.message }
    // mingo reports malformed queries and update expressions by throwing; the cloud answers those
    // with a request error rather than crashing the caller.
    return { code: 'DATABASE_REQUEST_FAILED', message: `[InvalidParameter] ${(err as Error).message}` }
  }
}

/** The platform runs only single-record operations in a transaction: doc(id).get/set/update/remove, add. */
function singleRecord(query: Doc): string {
  const keys = Object.keys(query)
  if (keys.length !== 1 || keys[0] !== '_id' || typeof query._id !== 'string') {
    throw ERR.invalid('a transaction supports single-record operations only: doc(id).get/set/update/remove and add')
  }
  return query._id
}

/**
 * Strict mode: a query that no index of database/<collection>.json serves is refused before it runs,
 * so a repository cannot ship a query the cloud would answer with a full collection scan. Lookups by
 * `_id`, transactions (always by `_id`) and filterless reads are always served.
 */
function assertIndexed(store: DocStore, p: DbParams, now: number): void {
  const coll = p.collectionName ?? ''
  let query: Doc | undefined
  if (p.action === 'database.aggregateDocuments') {
    const first = p.stages?.[0]
    query = first?.stageKey === '$match' ? parseWire(first.stageValue, now) : undefined
  } else if (/^database\.(getDocument|calculateDocument|modifyDocument|removeDocument)$/.test(p.action)) {
    query = parseWire(p.query, now)
  }
  if (!query) return
  const order = p.order ? (parseWire(p.order) as Record<string, unknown>) : undefined
  const message = unservedQueryMessage(coll, query, order, store.schema.get(coll))
  if (message) throw ERR.invalid(message)
}

function dispatch(store: DocStore, p: DbParams): DbReply {
  const coll = p.collectionName ?? ''
  const txn = p.transactionId
  const now = Date.now()
  if (store.strictIndexes && !txn) assertIndexed(store, p, now)
  switch (p.action) {
    case 'database.insertDocument':
      return insertDocuments(store, p, now)
    case 'database.getDocument': {
      const query = parseWire(p.query, now)
      if (txn) {
        const doc = store.txnGet(txn, coll, singleRecord(query))
        return { data: { list: doc ? [toWire(doc)] : [] } }
      }
      const rows = store.findRows(coll, query, {
        limit: p.limit,
        offset: p.offset,
        order: p.order ? (parseWire(p.order) as Record<string, 1 | -1>) : undefined,
        projection: p.projection ? parseWire(p.projection) : undefined,
      })
      // The stored text is relaxed EJSON, which the SDK reads as it reads the service's replies.
      return { data: { list: rows.map((r) => r.text ?? toWire(r.doc)) } }
    }
    case 'database.calculateDocument':
      return { data: { total: store.count(coll, parseWire(p.query, now)) } }
    case 'database.modifyDocument':
      return modifyDocuments(store, p, now)
    case 'database.removeDocument': {
      const query = parseWire(p.query, now)
      if (txn) {
        let deleted = 0
        store.txnWrite(txn, coll, singleRecord(query), (current) => {
          if (current) deleted = 1
          return null
        })
        return { data: { deleted } }
      }
      return { data: { deleted: store.remove(coll, query, p.multi ?? false) } }
    }
    case 'database.aggregateDocuments': {
      const pipeline = (p.stages ?? []).map((s) => ({ [s.stageKey]: parseWire(s.stageValue, now) }) as Doc)
      return { data: { list: store.aggregate(coll, pipeline).map(toWire) } }
    }
    case 'database.startTransaction':
      return { transactionId: store.startTransaction() }
    case 'database.commitTransaction':
      store.commit(String(txn))
      return {}
    case 'database.abortTransaction':
      store.abort(String(txn))
      return {}
    case 'database.addCollection':
      store.addCollection(coll)
      return {}
    default:
      return { code: 'DATABASE_REQUEST_FAILED', message: `[InvalidParameter] local cloud: unsupported ${p.action}` }
  }
}

function insertDocuments(store: DocStore, p: DbParams, now: number): DbReply {
  const coll = p.collectionName ?? ''
  const txn = p.transactionId
  const docs = (Array.isArray(p.data) ? p.data : [p.data ?? '{}']).map((d) => parseWire(d, now))
  if (!txn) return { data: { insertedIds: store.insert(coll, docs) } }
  const ids = docs.map((doc) => {
    const id = doc._id === undefined ? undefined : String(doc._id)
    if (id === undefined) throw ERR.invalid('a document added in a transaction needs an _id')
    store.txnWrite(txn, coll, id, (current) => {
      if (current) throw ERR.duplicate(coll, id)
      return { ...doc, _id: id }
    })
    return id
  })
  return { data: { insertedIds: ids } }
}

function modifyDocuments(store: DocStore, p: DbParams, now: number): DbReply {
  const coll = p.collectionName ?? ''
  const txn = p.transactionId
  const query = parseWire(p.query, now)
  const data = parseWire(p.data as string | undefined, now)
  if (txn) {
    const id = singleRecord(query)
    let updated = 0
    store.txnWrite(txn, coll, id, (current) => {
      if (!current && !p.upsert) return null
      updated = 1
      return p.merge ? applyOperators(current ?? { _id: id }, data) : { ...data, _id: id }
    })
    return { data: { updated, upsert_id: null } }
  }
  const r = store.update(coll, query, data, {
    multi: p.multi ?? false,
    merge: p.merge ?? true,
    upsert: p.upsert ?? false,
  })
  return { data: { updated: r.updated, upsert_id: r.upsertedId } }
}
