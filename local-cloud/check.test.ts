/**
 * The invariant checker: a small consistent world reports nothing; each kind of breakage planted into
 * it is reported under its own code (and only the codes it really breaks).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { COLLECTIONS } from '../server/collections'
import { checkInvariants, PROBLEM_CODES, type ProblemCode } from './check'
import { seedDemo } from './seed/demo'
import { DocStore, type Doc } from './store'

const NOW = new Date('2026-12-01T01:00:00.000Z')
const at = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000)

type World = Record<'courses' | 'enrollments' | 'users' | 'lessons' | 'attendance', Record<string, Doc>>

function course(id: string, fields: Doc = {}): Doc {
  return {
    _id: id,
    status: 'published',
    capacity: 2,
    seats: {},
    seatsTaken: 0,
    seatsLeft: 2,
    waitlist: [],
    waitlistLength: 0,
    firstLessonAt: at(-48),
    lastLessonAt: at(48),
    ...fields,
  }
}
const record = (courseId: string, openid: string, status: string, offerExpiresAt: Date | null = null): Doc => ({
  _id: `${courseId}_${openid}`,
  courseId,
  openid,
  status,
  offerExpiresAt,
})
const user = (id: string, claims: string[], fields: Doc = {}): Doc => ({
  _id: id,
  activeCourses: claims,
  claimedAt: Object.fromEntries(claims.map((c) => [c, at(-100)])),
  noShows: [],
  noShowCount: 0,
  ...fields,
})

/**
 * c1 live: w1 seated, w2 holding an offer, w3 waiting; c0 ended with w4 seated (a no-show on its only
 * lesson, a leftover claim); c2 cancelled and empty; c3 a draft; c4 live and empty.
 */
function world(): World {
  return {
    courses: {
      c1: course('c1', {
        seats: { w1: 'enrolled', w2: 'offered' },
        seatsTaken: 2,
        seatsLeft: 0,
        waitlist: ['w3'],
        waitlistLength: 1,
      }),
      c0: course('c0', { capacity: 1, seats: { w4: 'enrolled' }, seatsTaken: 1, seatsLeft: 0, lastLessonAt: at(-24) }),
      c2: course('c2', { status: 'cancelled', capacity: 5, seatsLeft: 5 }),
      c3: course('c3', { status: 'draft', seatsTaken: 7 }),
      c4: course('c4'),
    },
    enrollments: Object.fromEntries(
      [
        record('c1', 'w1', 'enrolled'),
        record('c1', 'w2', 'offered', at(6)),
        record('c1', 'w3', 'waitlisted'),
        record('c0', 'w4', 'enrolled'),
        record('c2', 'w1', 'cancelled'),
      ].map((d) => [d._id, d]),
    ),
    users: {
      w1: user('w1', ['c1']),
      w2: user('w2', ['c1']),
      w3: user('w3', ['c1']),
      w4: user('w4', ['c0'], { noShows: [{ lessonId: 'l0', at: at(-24) }], noShowCount: 1 }),
    },
    lessons: {
      l0: {
        _id: 'l0',
        courseId: 'c0',
        index: 1,
        startsAt: at(-26),
        endsAt: at(-24),
        noShowsRecordedAt: at(-23),
        shortId: 'S0',
      },
      l1: {
        _id: 'l1',
        courseId: 'c1',
        index: 1,
        startsAt: at(-48),
        endsAt: at(-46),
        noShowsRecordedAt: at(-45),
        shortId: 'S1',
      },
      l2: {
        _id: 'l2',
        courseId: 'c1',
        index: 2,
        startsAt: at(46),
        endsAt: at(48),
        noShowsRecordedAt: null,
        shortId: 'S2',
      },
    },
    attendance: { l1_w1: { _id: 'l1_w1', lessonId: 'l1', openid: 'w1' } },
  }
}

function codesOf(w: World): ProblemCode[] {
  const store = new DocStore(':memory:')
  try {
    for (const name of Object.values(COLLECTIONS)) store.addCollection(name)
    for (const [coll, docs] of Object.entries(w)) store.insert(coll, Object.values(docs))
    const { problems, owed } = checkInvariants(store, { now: NOW })
    return [...problems, ...owed].map((p) => p.code).sort()
  } finally {
    store.close()
  }
}

/** A course holding `openid` in a seat, with its record and nothing else. */
function seat(w: World, courseId: string, openid: string): void {
  w.courses[courseId] = course(courseId, { seats: { [openid]: 'enrolled' }, seatsTaken: 1, seatsLeft: 1 })
  w.enrollments[`${courseId}_${openid}`] = record(courseId, openid, 'enrolled')
}

const plants: [string, (w: World) => void, ProblemCode[]][] = [
  ['seatsTaken off', (w) => (w.courses.c1.seatsTaken = 1), ['COURSE.SEATS_LEFT', 'COURSE.SEATS_TAKEN']],
  ['seatsLeft off', (w) => (w.courses.c0.seatsLeft = 3), ['COURSE.SEATS_LEFT']],
  ['oversold', (w) => Object.assign(w.courses.c1, { capacity: 1, seatsLeft: -1 }), ['COURSE.OVERSOLD']],
  ['waitlistLength off', (w) => (w.courses.c1.waitlistLength = 2), ['COURSE.WAITLIST_LENGTH']],
  [
    'a worker waiting twice',
    (w) => Object.assign(w.courses.c1, { waitlist: ['w3', 'w3'], waitlistLength: 2 }),
    ['COURSE.WAITLIST_DUPLICATE'],
  ],
  [
    'a seated worker also waiting',
    (w) => Object.assign(w.courses.c1, { waitlist: ['w3', 'w1'], waitlistLength: 2 }),
    ['COURSE.SEATED_AND_WAITING', 'PLACE.STATUS_MISMATCH'],
  ],
  [
    'a cancelled course with a waitlist',
    (w) => {
      Object.assign(w.courses.c2, { waitlist: ['w1'], waitlistLength: 1 })
      w.enrollments.c2_w1.status = 'waitlisted'
      w.users.w1.activeCourses = ['c1', 'c2']
      ;(w.users.w1.claimedAt as Doc).c2 = at(-1)
    },
    ['COURSE.CANCELLED_NOT_EMPTY'],
  ],
  ['a lost seat', (w) => Object.assign(w.courses.c1, { capacity: 3, seatsLeft: 1 }), ['COURSE.LOST_SEAT']],
  ['a place without a record', (w) => delete w.enrollments.c1_w3, ['PLACE.NO_RECORD']],
  [
    'a record disagreeing with its seat',
    (w) => Object.assign(w.enrollments.c1_w2, { status: 'enrolled', offerExpiresAt: null }),
    ['PLACE.STATUS_MISMATCH'],
  ],
  ['a place without a user', (w) => delete w.users.w3, ['PLACE.NO_USER']],
  [
    'a place without a claim',
    (w) => Object.assign(w.users.w3, { activeCourses: [], claimedAt: {} }),
    ['PLACE.NO_CLAIM'],
  ],
  [
    'an active record without a place',
    (w) => (w.enrollments.c1_w9 = record('c1', 'w9', 'waitlisted')),
    ['RECORD.NO_PLACE'],
  ],
  ['an offer without a deadline', (w) => (w.enrollments.c1_w2.offerExpiresAt = null), ['RECORD.OFFER_NO_DEADLINE']],
  ['an offer at its deadline', (w) => (w.enrollments.c1_w2.offerExpiresAt = NOW), ['RECORD.OFFER_EXPIRED']],
  ['a record of no course', (w) => (w.enrollments.cX_w1 = record('cX', 'w1', 'enrolled')), ['RECORD.NO_COURSE']],
  [
    'a record under another id',
    (w) => {
      w.enrollments['c1-w3'] = { ...w.enrollments.c1_w3, _id: 'c1-w3' }
      delete w.enrollments.c1_w3
    },
    ['PLACE.NO_RECORD', 'RECORD.BAD_ID'],
  ],
  ['a stranded claim', (w) => claim(w, 'w1', 'c4'), ['USER.STRANDED_CLAIM']],
  ['a claim on no course', (w) => claim(w, 'w1', 'cX'), ['USER.CLAIM_NO_COURSE']],
  ['a claim made twice', (w) => (w.users.w1.activeCourses = ['c1', 'c1']), ['USER.DUPLICATE_CLAIM']],
  [
    'more live claims than the limit',
    (w) => {
      for (const c of ['c5', 'c6', 'c7']) {
        seat(w, c, 'w1')
        claim(w, 'w1', c)
      }
    },
    ['USER.OVER_LIMIT'],
  ],
  ['a claim without claimedAt', (w) => (w.users.w1.claimedAt = {}), ['USER.CLAIM_NO_TIME']],
  ['noShowCount off', (w) => (w.users.w4.noShowCount = 2), ['USER.NO_SHOW_COUNT']],
  ['a lesson missed twice', (w) => noShows(w, 'w4', ['l0', 'l0']), ['USER.NO_SHOW_DUPLICATE']],
  ['a no-show of no lesson', (w) => noShows(w, 'w4', ['lX']), ['USER.NO_SHOW_UNKNOWN_LESSON']],
  ['a no-show of a lesson never counted', (w) => noShows(w, 'w1', ['l2']), ['USER.NO_SHOW_UNKNOWN_LESSON']],
  ['a no-show of a lesson attended', (w) => noShows(w, 'w1', ['l1']), ['USER.NO_SHOW_ATTENDED']],
  ['attendance of no lesson', (w) => attend(w, 'lX_w1', 'lX', 'w1'), ['ATTENDANCE.NO_LESSON']],
  ['attendance under another id', (w) => attend(w, 'a1', 'l2', 'w1'), ['ATTENDANCE.BAD_ID']],
  ['attendance without a seat', (w) => attend(w, 'l1_w3', 'l1', 'w3'), ['ATTENDANCE.NO_SEAT']],
  [
    'a lesson of no course',
    (w) => (w.lessons.lY = { ...w.lessons.l2, _id: 'lY', courseId: 'cX', shortId: 'SY' }),
    ['LESSON.NO_COURSE'],
  ],
  [
    'two lessons with one index',
    (w) => (w.lessons.l3 = { ...w.lessons.l2, _id: 'l3', shortId: 'S3' }),
    ['LESSON.DUPLICATE_INDEX'],
  ],
  ['a lesson ending as it starts', (w) => (w.lessons.l2.endsAt = w.lessons.l2.startsAt), ['LESSON.BAD_TIMES']],
  [
    "a decline, its claim and the head's promotion left to recovery",
    decline,
    ['OWED.CLAIM_RELEASE', 'OWED.OFFER_PROMOTION'],
  ],
]

/** w2 turns the offer down: the ledger hands the seat to w3; w3's record and w2's claim wait for the timer. */
function decline(w: World): void {
  Object.assign(w.courses.c1, { seats: { w1: 'enrolled', w3: 'offered' }, waitlist: [], waitlistLength: 0 })
  Object.assign(w.enrollments.c1_w2, { status: 'declined', offerExpiresAt: null })
}

function claim(w: World, openid: string, courseId: string): void {
  ;(w.users[openid].activeCourses as string[]).push(courseId)
  ;(w.users[openid].claimedAt as Doc)[courseId] = at(-1)
}
function noShows(w: World, openid: string, lessonIds: string[]): void {
  Object.assign(w.users[openid], {
    noShows: lessonIds.map((lessonId) => ({ lessonId, at: NOW })),
    noShowCount: lessonIds.length,
  })
}
function attend(w: World, id: string, lessonId: string, openid: string): void {
  w.attendance[id] = { _id: id, lessonId, openid }
}

describe('checkInvariants', () => {
  it('finds nothing wrong in a consistent world (drafts, leftovers on ended and cancelled courses included)', () => {
    expect(codesOf(world())).toEqual([])
  })

  it.each(plants)('reports %s', (_name, plant, expected) => {
    const w = world()
    plant(w)
    expect(codesOf(w)).toEqual([...expected].sort())
  })

  it('has a planted case for every code it knows', () => {
    const planted = new Set(plants.flatMap(([, , codes]) => codes))
    expect(Object.keys(PROBLEM_CODES).filter((c) => !planted.has(c as ProblemCode))).toEqual([])
  })

  it('allows claims left on ended and cancelled courses, seats on ended ones given back, anonymised attendance', () => {
    const w = world()
    claim(w, 'w1', 'c2')
    Object.assign(w.users.w4, { activeCourses: [], claimedAt: {} })
    attend(w, 'x1', 'l1', 'gone')
    w.attendance.x1.anonymised = true
    expect(codesOf(w)).toEqual([])
  })

  it('reads every document, past the 100-record page of a function', () => {
    const w = world()
    for (let i = 0; i < 150; i++) w.users[`u${i}`] = user(`u${i}`, [], { noShowCount: 1 })
    expect(codesOf(w)).toEqual(Array(150).fill('USER.NO_SHOW_COUNT'))
  })

  it('finds nothing wrong in the demo programme, in motion', () => {
    const store = new DocStore(':memory:')
    for (const name of Object.values(COLLECTIONS)) store.addCollection(name)
    seedDemo(store, { start: NOW, activity: true })
    const report = checkInvariants(store, { now: NOW })
    store.close()
    expect(report.problems).toEqual([])
    expect(report.counts).toMatchObject({ courses: 100, users: 201 })
    expect(report.counts.seatsTaken).toBeGreaterThan(0)
    expect(report.counts.waitlisted).toBeGreaterThan(0)
  })
})

describe('npm run cloud -- check', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-cli-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, 'cli.ts'), 'check', ...args], {
      encoding: 'utf8',
      cwd: path.resolve(__dirname, '..'),
    })
  const save = (name: string, w: World) => {
    const store = new DocStore(path.join(dir, name))
    for (const coll of Object.values(COLLECTIONS)) store.addCollection(coll)
    for (const [coll, docs] of Object.entries(w)) store.insert(coll, Object.values(docs))
    store.close()
    return path.join(dir, name)
  }

  it('exits 0 on a sound database and 1 on a broken one, one line per problem', () => {
    const sound = cli('--db', save('sound.sqlite', world()), '--now', NOW.toISOString())
    expect(sound.status).toBe(0)
    expect(sound.stdout).toMatch(/^0 problems, 0 steps owed to the enrollment timer — /m)
    const owed = world()
    decline(owed)
    const declined = cli('--db', save('owed.sqlite', owed), '--now', NOW.toISOString())
    expect(declined.status).toBe(0)
    expect(declined.stdout).toMatch(/^OWED\.OFFER_PROMOTION +c1\/w3 .*\(owed, not broken\)$/m)
    expect(declined.stdout).toMatch(/^0 problems, 2 steps owed/m)
    const broken = world()
    broken.courses.c1.seatsLeft = 1
    delete broken.enrollments.c1_w3
    const out = cli('--db', save('broken.sqlite', broken), '--now', NOW.toISOString())
    expect(out.status).toBe(1)
    expect(out.stdout).toMatch(/^COURSE\.LOST_SEAT +c1: /m)
    expect(out.stdout).toMatch(/^PLACE\.NO_RECORD +c1\/w3 /m)
    expect(out.stdout).toMatch(/^3 problems \(/m)
  })

  it('refuses a database that does not exist', () => {
    const out = cli('--db', path.join(dir, 'missing.sqlite'))
    expect(out.status).toBe(1)
    expect(out.stderr).toMatch(/no database at/)
  })
})
