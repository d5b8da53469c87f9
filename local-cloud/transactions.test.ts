/**
 * Cloud transactions through the real wx-server-sdk: atomic commit, rollback, write conflicts between
 * transactions, snapshot reads, and the commit-time check that catches a plain write slipping in.
 */
import { LocalCloud } from './index'

type SdkError = { errCode?: number; errMsg?: string; code?: string; message?: string }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>

/** The part of the SDK's transaction object used here (its typings declare it as `any`). */
interface Txn {
  collection(name: string): {
    doc(id: string): { get(): Promise<{ data: Row }>; update(options: { data: object }): Promise<unknown> }
    add(options: { data: Row }): Promise<unknown>
  }
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

const lc = new LocalCloud()
const cloud = lc.sdk()
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
const db = cloud.database()
const _ = db.command
const courses = db.collection('courses')
const enrollments = db.collection('enrollments')

async function caught(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise
  } catch (err) {
    return err as SdkError
  }
  throw new Error('expected the call to be refused')
}

// wx-server-sdk's typings mix in callback overloads this project never uses; these read the promise results.
const seats = async () => ((await courses.doc('c').get()) as { data: Row }).data.seatsTaken as number
const enrollmentCount = async () => ((await enrollments.count()) as { total: number }).total
const enrollment = async (id: string) => ((await enrollments.doc(id).get()) as { data: Row }).data

beforeEach(async () => {
  lc.store.clear()
  await courses.add({ data: { _id: 'c', capacity: 3, seatsTaken: 0 } })
})
afterAll(() => lc.close())

describe('runTransaction', () => {
  it('commits its reads, updates and adds together, and none of it shows before the commit', async () => {
    const result = await db.runTransaction(async (t: Txn) => {
      const { data: course } = await t.collection('courses').doc('c').get()
      await t
        .collection('courses')
        .doc('c')
        .update({ data: { seatsTaken: _.inc(1) } })
      await t.collection('enrollments').add({ data: { _id: 'c_o_1', courseId: 'c', seat: course.seatsTaken + 1 } })
      // Outside the transaction nothing has happened yet.
      expect(await seats()).toBe(0)
      expect(await enrollmentCount()).toBe(0)
      return course.seatsTaken + 1
    })
    expect(result).toBe(1)
    expect(await seats()).toBe(1)
    expect(await enrollment('c_o_1')).toEqual({ _id: 'c_o_1', courseId: 'c', seat: 1 })
  })

  it('leaves no trace after t.rollback()', async () => {
    const err = await caught(
      db.runTransaction(async (t: Txn) => {
        await t
          .collection('courses')
          .doc('c')
          .update({ data: { seatsTaken: _.inc(1) } })
        await t.collection('enrollments').add({ data: { _id: 'c_o_1', courseId: 'c' } })
        await t.rollback('course full')
      }),
    )
    // runTransaction rejects with whatever was handed to rollback().
    expect(err).toBe('course full')
    expect(await seats()).toBe(0)
    expect(await enrollmentCount()).toBe(0)
  })

  it('leaves no trace when the callback throws', async () => {
    const err = await caught(
      db.runTransaction(async (t: Txn) => {
        await t
          .collection('courses')
          .doc('c')
          .update({ data: { seatsTaken: _.inc(1) } })
        await t.collection('enrollments').add({ data: { _id: 'c_o_1', courseId: 'c' } })
        throw new Error('validation failed')
      }),
    )
    expect((err as Error).message).toBe('validation failed')
    expect(await seats()).toBe(0)
    expect(await enrollmentCount()).toBe(0)
  })

  it('refuses to add a document whose id already exists', async () => {
    await enrollments.add({ data: { _id: 'c_o_1', courseId: 'c', status: 'confirmed' } })
    const err = await caught(
      db.runTransaction(async (t: Txn) => {
        await t
          .collection('courses')
          .doc('c')
          .update({ data: { seatsTaken: _.inc(1) } })
        await t.collection('enrollments').add({ data: { _id: 'c_o_1', courseId: 'c', status: 'again' } })
      }),
    )
    expect(err.errMsg).toMatch(/duplicate key/)
    expect(await seats()).toBe(0)
    expect((await enrollment('c_o_1')).status).toBe('confirmed')
  })
})

describe('conflicts between transactions', () => {
  it('refuses the second transaction writing a document the first is writing, and keeps only the first', async () => {
    const t1: Txn = await db.startTransaction()
    const t2: Txn = await db.startTransaction()
    await t1
      .collection('courses')
      .doc('c')
      .update({ data: { seatsTaken: _.inc(1) } })
    const err = await caught(
      t2
        .collection('courses')
        .doc('c')
        .update({ data: { seatsTaken: _.inc(10) } }),
    )
    expect(err.errMsg).toContain('TransactionConflict')
    await t1.commit()
    expect(await seats()).toBe(1)
    // The refused transaction was ended by the conflict; it cannot commit its write later.
    await expect(t2.commit()).rejects.toBeDefined()
    expect(await seats()).toBe(1)
  })

  it('keeps showing a transaction its first read after a plain write changed the document', async () => {
    const t: Txn = await db.startTransaction()
    expect((await t.collection('courses').doc('c').get()).data.seatsTaken).toBe(0)
    await courses.doc('c').update({ data: { seatsTaken: 2 } })
    expect((await t.collection('courses').doc('c').get()).data.seatsTaken).toBe(0)
    expect(await seats()).toBe(2)
    await t.rollback()
  })

  it('rejects the commit when a plain write changed a document the transaction wrote', async () => {
    const t: Txn = await db.startTransaction()
    await t.collection('courses').doc('c').get()
    await t
      .collection('courses')
      .doc('c')
      .update({ data: { seatsTaken: _.inc(1) } })
    await courses.doc('c').update({ data: { seatsTaken: 2 } })
    const err = await caught(t.commit())
    expect(err.code).toBe('DATABASE_TRANSACTION_CONFLICT')
    expect(err.message).toContain('TransactionConflict')
    expect(await seats()).toBe(2)
  })
})

describe('what wx-server-sdk retries', () => {
  // These two tests pin the real SDK's behaviour, which our use cases must design around:
  // runTransaction retries only errors carrying `code: 'DATABASE_TRANSACTION_CONFLICT'`. A conflict at
  // COMMIT reaches it raw and is retried; a conflict at WRITE time passes through wx-server-sdk's
  // document wrapper first, which turns it into `{ errCode: -501001, errMsg }` without `code`, so
  // runTransaction gives up at once. Callers must retry write-time conflicts themselves.

  it('retries a transaction whose commit conflicted with a plain write during the first attempt', async () => {
    let attempts = 0
    const result = await db.runTransaction(async (t: Txn) => {
      attempts++
      const { data } = await t.collection('courses').doc('c').get()
      await t
        .collection('courses')
        .doc('c')
        .update({ data: { seatsTaken: data.seatsTaken + 1 } })
      if (attempts === 1) await courses.doc('c').update({ data: { seatsTaken: _.inc(10) } })
      return data.seatsTaken
    })
    expect(attempts).toBe(2)
    // The second attempt read the slipped-in value, so neither write was lost.
    expect(result).toBe(10)
    expect(await seats()).toBe(11)
  })

  it('does not retry a transaction whose write conflicted with another open transaction', async () => {
    const holder: Txn = await db.startTransaction()
    await holder
      .collection('courses')
      .doc('c')
      .update({ data: { seatsTaken: _.inc(1) } })
    let attempts = 0
    const err = await caught(
      db.runTransaction(async (t: Txn) => {
        attempts++
        await t
          .collection('courses')
          .doc('c')
          .update({ data: { seatsTaken: _.inc(5) } })
      }),
    )
    expect(attempts).toBe(1)
    expect(err.errCode).toBe(-501001)
    expect(err.errMsg).toContain('TransactionConflict')
    expect(err.code).toBeUndefined()
    await holder.commit()
    expect(await seats()).toBe(1)
  })
})
