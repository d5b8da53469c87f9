/**
 * Cloud transactions through the real wx-server-sdk: atomic commit, rollback, write conflicts between
 * transactions, snapshot reads, plain writes waiting for a transaction that holds their document, and
 * single-record operations only.
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

  it('makes a plain write to a document the transaction holds wait until the transaction ends', async () => {
    const t: Txn = await db.startTransaction()
    await t
      .collection('courses')
      .doc('c')
      .update({ data: { seatsTaken: _.inc(1) } })
    let landed = false
    const plain = (courses.doc('c').update({ data: { seatsTaken: 5 } }) as Promise<unknown>).then(() => (landed = true))
    // Another request of the transaction goes through while the plain write still waits.
    expect((await t.collection('courses').doc('c').get()).data.seatsTaken).toBe(1)
    expect(landed).toBe(false)
    await t.commit()
    await plain
    expect(await seats()).toBe(5)
  })

  it('refuses a where() inside a transaction: only single-record operations are allowed', async () => {
    const t: Txn = await db.startTransaction()
    const tc = (
      t as unknown as { collection(n: string): { where(q: object): { get(): Promise<unknown> } } }
    ).collection('courses')
    const err = await caught(tc.where({ _id: 'c', seatsTaken: 99 }).get())
    expect(err.errMsg ?? err.message).toMatch(/single-record/)
    await t.rollback()
  })
})

describe('what wx-server-sdk retries', () => {
  // These two tests pin the real SDK's behaviour, which our use cases must design around:
  // runTransaction retries only errors carrying `code: 'DATABASE_TRANSACTION_CONFLICT'`. A conflict at
  // COMMIT reaches it raw and is retried; a conflict at WRITE time passes through wx-server-sdk's
  // document wrapper first, which turns it into `{ errCode: -501001, errMsg }` without `code`, so
  // runTransaction gives up at once. Callers must retry write-time conflicts themselves.

  it('lets a plain write started during a transaction wait, so the transaction commits on its first attempt', async () => {
    let attempts = 0
    let plain: Promise<unknown> = Promise.resolve()
    const result = await db.runTransaction(async (t: Txn) => {
      attempts++
      const { data } = await t.collection('courses').doc('c').get()
      await t
        .collection('courses')
        .doc('c')
        .update({ data: { seatsTaken: data.seatsTaken + 1 } })
      if (attempts === 1) plain = courses.doc('c').update({ data: { seatsTaken: _.inc(10) } }) as Promise<unknown>
      return data.seatsTaken
    })
    await plain
    expect(attempts).toBe(1)
    // The waiting write landed after the commit, so neither write was lost.
    expect(result).toBe(0)
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
