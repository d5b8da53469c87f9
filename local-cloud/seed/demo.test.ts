/** The demo programme every screenshot, journey and benchmark starts from. */
import { CONSENT_VERSION, PROFILE_LIMITS } from '@core/contracts/user'
import { COLLECTIONS } from '../../server/collections'
import { isProfileComplete } from '../../server/user/profile-view'
import { DocStore } from '../store'
import { DEMO_STAFF_OPENID, demoProgramme, seedDemo } from './demo'
import { checkInvariants } from '../../tests/helpers/invariants'

const START = new Date('2026-12-01T00:00:00+08:00')
const DAY = 24 * 60 * 60 * 1000
const demo = demoProgramme({ start: START })

describe('demo courses', () => {
  it('has 100 courses whose first lessons fall within 100 days of the start', () => {
    expect(demo.courses).toHaveLength(100)
    expect(new Set(demo.courses.map((c) => c._id)).size).toBe(100)
    for (const c of demo.courses) {
      expect(c.firstLessonAt.getTime()).toBeGreaterThan(START.getTime())
      expect(c.firstLessonAt.getTime()).toBeLessThanOrEqual(START.getTime() + 100 * DAY)
    }
  })

  it('gives every course 1 to 4 lessons in time order, matching its summary fields', () => {
    for (const c of demo.courses) {
      const lessons = demo.lessons.filter((l) => l.courseId === c._id)
      expect(lessons.length).toBeGreaterThanOrEqual(1)
      expect(lessons.length).toBeLessThanOrEqual(4)
      expect(c.lessonCount).toBe(lessons.length)
      expect(lessons.map((l) => l.index)).toEqual(lessons.map((_unused, k) => k + 1))
      for (const [k, l] of lessons.entries()) {
        expect(l.endsAt.getTime()).toBeGreaterThan(l.startsAt.getTime())
        if (k > 0) expect(l.startsAt.getTime()).toBeGreaterThan(lessons[k - 1].endsAt.getTime())
      }
      expect(c.firstLessonAt).toEqual(lessons[0].startsAt)
      expect(c.lastLessonAt).toEqual(lessons[lessons.length - 1].endsAt)
    }
  })

  it('opens enrolment before it closes, and closes it before the first lesson', () => {
    for (const c of demo.courses) {
      expect(c.enrollOpensAt.getTime()).toBeLessThan(c.enrollClosesAt.getTime())
      expect(c.enrollClosesAt.getTime()).toBeLessThan(c.firstLessonAt.getTime())
    }
  })

  it('keeps capacities between 30 and 80 with no seats taken yet', () => {
    for (const c of demo.courses) {
      expect(c.capacity).toBeGreaterThanOrEqual(30)
      expect(c.capacity).toBeLessThanOrEqual(80)
      expect(c.seatsTaken).toBe(0)
    }
  })

  it('covers the new-quality skills categories', () => {
    const categories = new Set(demo.courses.map((c) => c.category))
    for (const category of ['人工智能', '无人机', '跨境电商', '工业机器人', '数据分析']) {
      expect(categories).toContain(category)
    }
  })
})

describe('demo people', () => {
  it('has 200 workers o_worker_001 to o_worker_200 with complete, consented profiles', () => {
    const workers = demo.users.filter((u) => u.role === 'worker')
    expect(workers.map((u) => u._id)).toEqual(
      Array.from({ length: 200 }, (_unused, i) => `o_worker_${String(i + 1).padStart(3, '0')}`),
    )
    for (const w of workers) {
      expect(isProfileComplete(w, CONSENT_VERSION)).toBe(true)
      expect(w.phone).toMatch(PROFILE_LIMITS.phone)
      if (w.memberNo !== null) expect(w.memberNo).toMatch(PROFILE_LIMITS.memberNo)
    }
  })

  it('has one staff account, o_staff_demo', () => {
    const staff = demo.users.filter((u) => u.role !== 'worker')
    expect(staff).toEqual([expect.objectContaining({ _id: DEMO_STAFF_OPENID, role: 'staff' })])
    expect(isProfileComplete(staff[0], CONSENT_VERSION)).toBe(true)
  })
})

describe('determinism', () => {
  it('produces the same programme for the same start', () => {
    expect(demoProgramme({ start: START })).toEqual(demo)
  })

  it('moves the whole programme with the start date', () => {
    // A whole week keeps every weekday, so weekend and evening slots (and the random draws) line up.
    const later = demoProgramme({ start: new Date(START.getTime() + 7 * DAY) })
    const shifts = new Set(later.lessons.map((l, k) => l.startsAt.getTime() - demo.lessons[k].startsAt.getTime()))
    expect([...shifts]).toEqual([7 * DAY])
    expect(later.courses.map((c) => c.title)).toEqual(demo.courses.map((c) => c.title))
  })
})

describe('seedDemo', () => {
  it('replaces whatever the store held with the programme', () => {
    const store = new DocStore(':memory:')
    for (const name of Object.values(COLLECTIONS)) store.addCollection(name)
    store.insert(COLLECTIONS.enrollments, [{ _id: 'stale' }])
    seedDemo(store, { start: START })
    expect(store.count(COLLECTIONS.enrollments, {})).toBe(0)
    expect(store.count(COLLECTIONS.users, {})).toBe(201)
    expect(store.count(COLLECTIONS.courses, {})).toBe(100)
    expect(store.count(COLLECTIONS.lessons, {})).toBe(demo.lessons.length)
    store.close()
  })

  it('can show a programme in motion whose ledgers, records and claims agree', () => {
    const store = new DocStore(':memory:')
    for (const name of Object.values(COLLECTIONS)) store.addCollection(name)
    seedDemo(store, { start: START, activity: true })
    const report = checkInvariants(store, START)
    expect(report).toMatchObject({
      oversold: [],
      ledgerMismatch: [],
      lostSeats: [],
      overLimitWorkers: [],
      problems: [],
    })
    expect(report.duplicates).toBe(0)
    expect(report.seatsTaken).toBeGreaterThan(100)
    const courses = store.db.prepare("SELECT data FROM docs WHERE coll = 'courses'").all() as { data: string }[]
    const full = courses.map((r) => JSON.parse(r.data) as { seatsLeft: number; waitlistLength: number })
    expect(full.some((c) => c.seatsLeft === 0 && c.waitlistLength > 0)).toBe(true)
    // The first ten demo workers stay free for a newcomer to try enrolling with.
    expect(store.count(COLLECTIONS.enrollments, { openid: { $in: ['o_worker_001', 'o_worker_010'] } })).toBe(0)
    store.close()
  })
})
