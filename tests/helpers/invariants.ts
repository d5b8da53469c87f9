/**
 * The design's invariants, checked straight on the store (not through the functions), so tests and
 * benchmarks judge the data itself: the seat ledger is exact, records agree with it, one enrollment
 * per worker per course, and no worker holds more places than the rule allows.
 */
import { COLLECTIONS } from '../../server/collections'
import type { CourseDoc } from '../../server/repos/course-repo'
import type { EnrollmentDoc } from '../../server/repos/enrollment-repo'
import type { UserDoc } from '../../server/repos/user-repo'
import { ENROLL_RULES } from '@core/contracts/enrollment'
import type { DocStore } from '../../local-cloud/store'

export interface InvariantReport {
  courses: number
  oversold: string[]
  /** Ledger says N seats, records say otherwise (after the dust settled). */
  ledgerMismatch: string[]
  /** A seat free while someone waits: a lost seat. */
  lostSeats: string[]
  duplicates: number
  overLimitWorkers: string[]
  seatsTaken: number
  capacity: number
  problems: string[]
}

/** Stored dates come back from the raw rows as EJSON ({ $date }). */
function dateOf(value: unknown): string | number | Date {
  if (value && typeof value === 'object' && '$date' in value) return (value as { $date: string }).$date
  return value as string
}

function all<T>(store: DocStore, coll: string): T[] {
  // Read straight from SQLite: the 100-record cap applies to functions, not to this check.
  return store.db
    .prepare('SELECT data FROM docs WHERE coll = ?')
    .all(coll)
    .map((r) => JSON.parse((r as { data: string }).data) as T)
}

/** Invariants that must hold at EVERY moment, even mid-call: used by samplers during a storm. */
export function ledgerProblems(course: CourseDoc): string[] {
  const out: string[] = []
  const held = Object.keys(course.seats ?? {}).length
  if (course.seatsTaken > course.capacity)
    out.push(`${course._id}: ${course.seatsTaken} seats taken of ${course.capacity}`)
  if (held !== course.seatsTaken) out.push(`${course._id}: ledger holds ${held} but seatsTaken is ${course.seatsTaken}`)
  if (course.seatsLeft !== course.capacity - course.seatsTaken)
    out.push(`${course._id}: seatsLeft ${course.seatsLeft} is off`)
  if ((course.waitlist ?? []).length !== course.waitlistLength) out.push(`${course._id}: waitlistLength is off`)
  if (new Set(course.waitlist).size !== (course.waitlist ?? []).length) out.push(`${course._id}: someone waits twice`)
  for (const w of course.waitlist ?? []) if (course.seats?.[w]) out.push(`${course._id}: ${w} both holds and waits`)
  return out
}

export function checkInvariants(store: DocStore, now = new Date()): InvariantReport {
  const courses = all<CourseDoc>(store, COLLECTIONS.courses)
  const enrollments = all<EnrollmentDoc>(store, COLLECTIONS.enrollments)
  const users = all<UserDoc>(store, COLLECTIONS.users)
  const report: InvariantReport = {
    courses: courses.length,
    oversold: [],
    ledgerMismatch: [],
    lostSeats: [],
    duplicates: 0,
    overLimitWorkers: [],
    seatsTaken: 0,
    capacity: 0,
    problems: [],
  }
  const byCourse = new Map<string, EnrollmentDoc[]>()
  const pairs = new Set<string>()
  for (const e of enrollments) {
    const key = `${e.courseId}|${e.openid}`
    if (pairs.has(key) || e._id !== `${e.courseId}_${e.openid}`) report.duplicates++
    pairs.add(key)
    byCourse.set(e.courseId, [...(byCourse.get(e.courseId) ?? []), e])
  }
  for (const c of courses) {
    report.seatsTaken += c.seatsTaken
    report.capacity += c.capacity
    report.problems.push(...ledgerProblems(c))
    const docs = byCourse.get(c._id) ?? []
    const holding = docs.filter((d) => d.status === 'enrolled' || d.status === 'offered')
    if (holding.length > c.capacity || c.seatsTaken > c.capacity) report.oversold.push(c._id)
    if (c.status === 'published') {
      if (holding.length !== c.seatsTaken)
        report.ledgerMismatch.push(`${c._id}: ${holding.length} records vs ${c.seatsTaken}`)
      for (const d of holding) {
        if (c.seats?.[d.openid] !== d.status)
          report.ledgerMismatch.push(`${c._id}: ${d.openid} is ${d.status} in records`)
      }
      const waiting = docs.filter((d) => d.status === 'waitlisted').map((d) => d.openid)
      if (waiting.length !== c.waitlistLength || waiting.some((w) => !c.waitlist.includes(w))) {
        report.ledgerMismatch.push(`${c._id}: waitlist records disagree with the ledger`)
      }
      if (c.seatsLeft > 0 && c.waitlistLength > 0) report.lostSeats.push(c._id)
    }
  }
  // A place counts towards a worker's limit until its course is over (the enroll path releases it then).
  const running = new Set(
    courses
      .filter((c) => c.status === 'published' && new Date(dateOf(c.lastLessonAt)).getTime() > now.getTime())
      .map((c) => c._id),
  )
  const active = new Map<string, number>()
  for (const e of enrollments) {
    if (running.has(e.courseId) && (e.status === 'enrolled' || e.status === 'offered' || e.status === 'waitlisted')) {
      active.set(e.openid, (active.get(e.openid) ?? 0) + 1)
    }
  }
  for (const u of users) {
    const n = active.get(u._id) ?? 0
    if (n > ENROLL_RULES.maxActivePerWorker) report.overLimitWorkers.push(u._id)
    const claims = (u.activeCourses ?? []).filter((id) => running.has(id)).length
    if (claims !== n) {
      report.problems.push(`${u._id}: claims ${claims} running courses, holds ${n}`)
    }
  }
  return report
}
