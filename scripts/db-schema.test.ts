/**
 * database/*.json as the local cloud enforces it: every collection declared, queries no index serves
 * refused in strict mode with a message naming the file, unique indexes held on every write path.
 */
import { COLLECTIONS } from '../server/collections'
import { LocalCloud } from '../local-cloud'
import { loadSchema, queryBranches, unservedQueryMessage } from './db-schema'

type SdkError = { errMsg: string }

const lc = new LocalCloud()
const cloud = lc.sdk()
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
const db = cloud.database()
const _ = db.command

afterAll(() => lc.close())
beforeEach(() => lc.store.clear())

async function refusal(promise: unknown): Promise<string> {
  try {
    await promise
  } catch (err) {
    return (err as SdkError).errMsg
  }
  throw new Error('expected the request to be refused')
}

describe('the database folder', () => {
  it('declares exactly the collections the server uses, each denying clients', () => {
    const schema = loadSchema()
    expect([...schema.keys()].sort()).toEqual(Object.values(COLLECTIONS).sort())
    for (const spec of schema.values()) expect(spec.permission).toEqual({ read: false, write: false })
  })
})

describe('strict indexes', () => {
  it('is on under jest', () => {
    expect(lc.store.strictIndexes).toBe(true)
  })

  it('refuses a query no index serves, naming the file and the index to add', async () => {
    const message = await refusal(db.collection('enrollments').where({ lessonId: 'x' }).orderBy('at', 'desc').get())
    expect(message).toContain('no index in database/enrollments.json serves this enrollments query on {lessonId}')
    expect(message).toContain('sorted by at')
    expect(message).toContain('"fields":[{"field":"lessonId","order":"asc"},{"field":"at","order":"desc"}]')
  })

  it('serves declared indexes, _id lookups and filterless reads', async () => {
    await expect(
      db.collection('enrollments').where({ openid: 'o' }).orderBy('updatedAt', 'desc').get(),
    ).resolves.toBeTruthy()
    await expect(
      db
        .collection('enrollments')
        .where({ _id: _.in(['a', 'b']), status: 'x' })
        .get(),
    ).resolves.toBeTruthy()
    await expect(db.collection('lessons').count()).resolves.toEqual(expect.objectContaining({ total: 0 }))
  })

  it('checks counts, updates, removals and the first $match of an aggregation too', async () => {
    const users = db.collection('users')
    expect(await refusal(users.where({ name: '张三' }).count())).toContain('database/users.json')
    expect(await refusal(users.where({ phone: '1' }).update({ data: { x: 1 } }))).toContain('on {phone}')
    expect(await refusal(users.where({ employer: 'e' }).remove())).toContain('on {employer}')
    expect(await refusal(users.aggregate().match({ employer: 'e' }).end())).toContain('on {employer}')
  })

  it('needs every branch of an $or served', () => {
    const spec = loadSchema().get('courses')
    const query = { $or: [{ status: 'published' }, { category: 'x' }] }
    expect(queryBranches(query)).toEqual([['status'], ['category']])
    expect(unservedQueryMessage('courses', query, undefined, spec)).toContain('on {category}')
    expect(
      unservedQueryMessage('courses', { $or: [{ status: 'a' }, { status: 'b', category: 'x' }] }, undefined, spec),
    ).toBeNull()
  })
})

describe('unique indexes', () => {
  const lesson = (id: string, shortId: string) => ({ _id: id, courseId: 'c', index: 1, shortId })

  it('refuses a second lesson with the same short id, through add and through update', async () => {
    await db.collection('lessons').add({ data: lesson('l1', 'AbCd1234') })
    const message = await refusal(db.collection('lessons').add({ data: lesson('l2', 'AbCd1234') }))
    expect(message).toMatch(/duplicate key error collection: lessons index: shortId/)
    await db.collection('lessons').add({ data: lesson('l3', 'Zz000000') })
    expect(
      await refusal(
        db
          .collection('lessons')
          .doc('l3')
          .update({ data: { shortId: 'AbCd1234' } }),
      ),
    ).toMatch(/duplicate key/)
    expect(lc.store.find('lessons', {}).map((d) => d.shortId)).toEqual(['AbCd1234', 'Zz000000'])
  })

  it('lets a document keep its own key when it is rewritten', async () => {
    await db.collection('lessons').add({ data: lesson('l1', 'AbCd1234') })
    await db
      .collection('lessons')
      .doc('l1')
      .set({ data: { courseId: 'c', index: 2, shortId: 'AbCd1234' } })
    expect(lc.store.find('lessons', { _id: 'l1' })[0]).toMatchObject({ index: 2 })
  })
})
