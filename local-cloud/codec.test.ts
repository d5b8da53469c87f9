/**
 * The store's codec writes the same text as bson's relaxed EJSON and reads back the same values, on
 * its fast path (JSON and dates) and on the values it hands to EJSON.
 */
import { EJSON, BSONRegExp } from 'bson'
import { decodeDoc, encodeDoc, type Doc } from './codec'

const at = new Date('2026-12-01T01:00:00.000Z')
const cases: [string, Doc][] = [
  ['dates at any depth', { _id: 'c', at, seats: { o_1: { at, n: 2 } }, waitlist: [{ at }, [at]], none: null }],
  ['plain JSON', { _id: 'u', name: '职工', n: 1.5, big: 2 ** 40, ok: true, list: [1, 'a', null] }],
  ['a non-finite number', { _id: 'x', n: Infinity, m: NaN }],
  ['negative zero', { _id: 'x', n: -0 }],
  ['a date before 1970', { _id: 'x', at: new Date('1960-01-01T00:00:00.000Z') }],
  ['a regular expression', { _id: 'x', re: new BSONRegExp('^a', 'i') }],
  ['a field named like an EJSON type', { _id: 'x', inner: { $numberInt: '5' } }],
]

it.each(cases)('writes %s as EJSON does and reads it back as EJSON does', (_name, doc) => {
  const text = encodeDoc(doc)
  expect(text).toBe(EJSON.stringify(doc, { relaxed: true }))
  expect(decodeDoc(text)).toEqual(EJSON.parse(text, { relaxed: true }))
})

it('reads dates as Date objects', () => {
  const doc = decodeDoc(encodeDoc({ _id: 'c', at, list: [{ at }] }))
  expect(doc.at).toBeInstanceOf(Date)
  expect((doc.list as { at: Date }[])[0].at.getTime()).toBe(at.getTime())
})
