/**
 * The road not taken, kept for the benchmark: enrollment as one cloud transaction (read the course,
 * check a seat, write the course and add the record), retried on conflict like runTransaction does,
 * at most 3 times. It lacks the per-worker rules; it is here only to measure how a transaction on the
 * one hot course document behaves under a rush.
 */
import type { Db } from '../../server/cloud'
import { COLLECTIONS } from '../../server/collections'

export type TxnOutcome = 'enrolled' | 'FULL' | 'ALREADY' | 'BUSY'

interface TxnCollection {
  doc(id: string): {
    get(): Promise<{ data?: Record<string, unknown> }>
    update(arg: { data: Record<string, unknown> }): Promise<unknown>
  }
  add(arg: { data: Record<string, unknown> }): Promise<unknown>
}
interface Txn {
  collection(name: string): TxnCollection
}

const ATTEMPTS = 3

export async function enrollWithTransaction(
  db: Db,
  openid: string,
  courseId: string,
): Promise<{ outcome: TxnOutcome; conflicts: number }> {
  const _ = db.command
  let conflicts = 0
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    try {
      const outcome = (await db.runTransaction(async (t: Txn) => {
        const course = (await t.collection(COLLECTIONS.courses).doc(courseId).get()).data as {
          seats: Record<string, string>
          seatsLeft: number
        }
        if (course.seats[openid]) return 'ALREADY'
        if (course.seatsLeft <= 0) return 'FULL'
        await t
          .collection(COLLECTIONS.courses)
          .doc(courseId)
          .update({
            data: { [`seats.${openid}`]: 'enrolled', seatsTaken: _.inc(1), seatsLeft: _.inc(-1) },
          })
        await t.collection(COLLECTIONS.enrollments).add({
          data: { _id: `${courseId}_${openid}`, courseId, openid, status: 'enrolled', offerExpiresAt: null },
        })
        return 'enrolled'
      }, 1)) as TxnOutcome
      return { outcome, conflicts }
    } catch (err) {
      const text = `${(err as { errMsg?: string }).errMsg ?? ''} ${(err as Error).message ?? ''}`
      if (!/TransactionConflict|TRANSACTION_CONFLICT/.test(text)) {
        if (/duplicate key/.test(text)) return { outcome: 'ALREADY', conflicts }
        throw err
      }
      conflicts++
    }
  }
  return { outcome: 'BUSY', conflicts }
}
