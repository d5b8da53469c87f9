/**
 * Cloud transactions, emulated the way the cloud behaves to a caller: the first write to a document
 * takes a lock owned by the transaction; a second transaction writing the same document is refused at
 * once with DATABASE_TRANSACTION_CONFLICT (and aborted, so the SDK's runTransaction can start over); a
 * plain write to a held document waits until the transaction ends (RowStore.assertUnlocked); reads
 * inside a transaction see the document as it was when the transaction first touched it; commit
 * re-checks every written document's version.
 */
import { decodeDoc, encodeDoc, newId, type Doc } from './codec'
import { CloudDbError, ERR } from './errors'
import { RowStore, STALE_TXN_MS } from './store-rows'

interface TxnDocRow {
  base_ver: number
  snapshot: string | null
  written: number
  pending: string | null
}

export class TxnStore extends RowStore {
  startTransaction(): string {
    const id = `txn_${newId()}`
    this.atomic(() => this.sql('INSERT INTO txns (id, started_at) VALUES (?, ?)').run(id, Date.now()))
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
    return this.endOnConflict(txn, () =>
      this.atomic(() => {
        this.assertTxn(txn)
        this.assertCollection(coll)
        this.lock(txn, coll, id)
        const state = this.txnDoc(txn, coll, id)
        const committed = this.readRow(coll, id)
        if ((committed?.ver ?? 0) !== state.base_ver) throw ERR.conflict(`${coll}/${id} changed since read`)
        const current = state.written ? state.pending : state.snapshot
        const next = change(current === null ? null : decodeDoc(current))
        this.sql('UPDATE txn_docs SET written = 1, pending = ? WHERE txn = ? AND coll = ? AND id = ?').run(
          next === null ? null : encodeDoc(next),
          txn,
          coll,
          id,
        )
        return next
      }),
    )
  }

  commit(txn: string): void {
    this.endOnConflict(txn, () =>
      this.atomic(() => {
        this.assertTxn(txn)
        const rows = this.sql('SELECT coll, id, base_ver, pending FROM txn_docs WHERE txn = ? AND written = 1').all(
          txn,
        ) as { coll: string; id: string; base_ver: number; pending: string | null }[]
        for (const r of rows) {
          const committed = this.readRow(r.coll, r.id)
          if ((committed?.ver ?? 0) !== r.base_ver) throw ERR.conflict(`${r.coll}/${r.id} changed before commit`)
          if (r.pending === null) this.deleteRow(r.coll, r.id)
          else this.writeRow(r.coll, r.id, decodeDoc(r.pending), r.base_ver, r.pending)
        }
        this.dropTxn(txn)
      }),
    )
  }

  abort(txn: string): void {
    this.atomic(() => this.dropTxn(txn))
  }

  private endOnConflict<T>(txn: string, fn: () => T): T {
    try {
      return fn()
    } catch (err) {
      if (err instanceof CloudDbError && err.code === 'DATABASE_TRANSACTION_CONFLICT') this.abort(txn)
      throw err
    }
  }

  private dropTxn(txn: string): void {
    this.sql('DELETE FROM txn_docs WHERE txn = ?').run(txn)
    this.sql('DELETE FROM txn_locks WHERE txn = ?').run(txn)
    this.sql('DELETE FROM txns WHERE id = ?').run(txn)
  }

  private assertTxn(txn: string): void {
    if (!this.sql('SELECT 1 FROM txns WHERE id = ?').get(txn)) throw ERR.txnGone(txn)
  }

  private lock(txn: string, coll: string, id: string): void {
    const holder = this.sql('SELECT txn FROM txn_locks WHERE coll = ? AND id = ?').get(coll, id) as
      { txn: string } | undefined
    if (holder && holder.txn !== txn) {
      const owner = this.sql('SELECT started_at FROM txns WHERE id = ?').get(holder.txn) as
        { started_at: number } | undefined
      if (owner && Date.now() - owner.started_at < STALE_TXN_MS) throw ERR.conflict(`${coll}/${id} is locked`)
      this.dropTxn(holder.txn)
    }
    this.sql('INSERT OR REPLACE INTO txn_locks (coll, id, txn) VALUES (?, ?, ?)').run(coll, id, txn)
  }

  /** The transaction's record of a document, taking its snapshot on first touch. */
  private txnDoc(txn: string, coll: string, id: string): TxnDocRow {
    const found = this.sql(
      'SELECT base_ver, snapshot, written, pending FROM txn_docs WHERE txn = ? AND coll = ? AND id = ?',
    ).get(txn, coll, id) as TxnDocRow | undefined
    if (found) return found
    const row = this.readRow(coll, id)
    const state: TxnDocRow = { base_ver: row?.ver ?? 0, snapshot: row?.data ?? null, written: 0, pending: null }
    this.sql('INSERT INTO txn_docs (txn, coll, id, base_ver, snapshot) VALUES (?, ?, ?, ?, ?)').run(
      txn,
      coll,
      id,
      state.base_ver,
      state.snapshot,
    )
    return state
  }
}
