/**
 * The invariant checker: reads a whole database straight from the SQLite store (every row, no page
 * cap) and lists each broken invariant of the seat lifecycle — seats vs records vs claims, capacity,
 * waitlists, offers, no-shows, attendance, dangling ids — with a stable code. Tests, benchmarks and
 * `npm run cloud -- check` use it. Documents are read defensively: a missing field is a finding, not
 * a crash.
 */
import { ERASED_HOLDER_PREFIX } from '../server/repos/course-repo'
import { ENROLL_RULES } from '@core/contracts/enrollment'
import { COLLECTIONS } from '../server/collections'
import {
  OWED_CODES,
  checkLessons,
  checkRecords,
  checkUsers,
  isLive,
  type CourseRow,
  type Data,
  type EnrollmentRow,
  type LessonRow,
  type AttendanceRow,
  type Problem,
  type ProblemCode,
  type Report,
  type UserRow,
} from './check-rules'
import { decodeDoc, type DocStore } from './store'

export interface CheckCounts {
  courses: number
  enrollments: number
  users: number
  lessons: number
  attendance: number
  /** Summed over every course that is not a draft. */
  capacity: number
  seatsTaken: number
  waitlisted: number
}

export interface CheckReport {
  /** Broken invariants. */
  problems: Problem[]
  /** Steps recovery owes (OWED_CODES): harmless now, gone once the enrollment timer has run. */
  owed: Problem[]
  counts: CheckCounts
}

function rows<T>(store: DocStore, coll: string): T[] {
  // Straight from SQLite: the cloud's 100-record page cap binds functions, not this check.
  return (store.db.prepare('SELECT data FROM docs WHERE coll = ? ORDER BY id').all(coll) as { data: string }[]).map(
    (r) => decodeDoc(r.data) as T,
  )
}

const byId = <T extends { _id: string }>(list: T[]) => new Map(list.map((d) => [String(d._id), d]))

export function checkInvariants(store: DocStore, options: { now?: Date } = {}): CheckReport {
  const data: Data = {
    courses: byId(rows<CourseRow>(store, COLLECTIONS.courses)),
    enrollments: byId(rows<EnrollmentRow>(store, COLLECTIONS.enrollments)),
    users: byId(rows<UserRow>(store, COLLECTIONS.users)),
    lessons: byId(rows<LessonRow>(store, COLLECTIONS.lessons)),
    attendance: rows<AttendanceRow>(store, COLLECTIONS.attendance),
    now: options.now ?? new Date(),
    maxActive: ENROLL_RULES.maxActivePerWorker,
  }
  const problems: Problem[] = []
  const report: Report = (code, detail) => problems.push({ code, detail })
  const counts: CheckCounts = {
    courses: data.courses.size,
    enrollments: data.enrollments.size,
    users: data.users.size,
    lessons: data.lessons.size,
    attendance: data.attendance.length,
    capacity: 0,
    seatsTaken: 0,
    waitlisted: 0,
  }
  for (const course of data.courses.values()) {
    if (course.status === 'draft') continue
    counts.capacity += num(course.capacity)
    counts.seatsTaken += num(course.seatsTaken)
    counts.waitlisted += (course.waitlist ?? []).length
    for (const p of courseLedgerProblems(course)) report(p.code, p.detail)
    checkPlaces(course, data, report)
  }
  checkRecords(data, report)
  checkUsers(data, report)
  checkLessons(data, report)
  return {
    problems: problems.filter((p) => !OWED_CODES.has(p.code)),
    owed: problems.filter((p) => OWED_CODES.has(p.code)),
    counts,
  }
}

export { OWED_CODES, PROBLEM_CODES, type CourseRow, type Problem, type ProblemCode } from './check-rules'

const num = (v: unknown) => (typeof v === 'number' ? v : 0)

/** What must hold of a course's ledger at every moment, even mid-call (samplers check it during storms). */
export function courseLedgerProblems(course: CourseRow): Problem[] {
  const out: Problem[] = []
  const add = (code: ProblemCode, detail: string) => out.push({ code, detail: `${course._id}: ${detail}` })
  const seats = Object.keys(course.seats ?? {})
  const waitlist = course.waitlist ?? []
  const capacity = num(course.capacity)
  const taken = num(course.seatsTaken)
  if (taken !== seats.length) add('COURSE.SEATS_TAKEN', `seatsTaken is ${taken} but the ledger holds ${seats.length}`)
  if (course.seatsLeft !== capacity - taken)
    add('COURSE.SEATS_LEFT', `seatsLeft is ${course.seatsLeft}, capacity ${capacity} − taken ${taken}`)
  if (taken > capacity) add('COURSE.OVERSOLD', `${taken} seats taken of ${capacity}`)
  if (course.waitlistLength !== waitlist.length)
    add('COURSE.WAITLIST_LENGTH', `waitlistLength is ${course.waitlistLength}, the waitlist has ${waitlist.length}`)
  const twice = waitlist.filter((w, i) => waitlist.indexOf(w) !== i)
  for (const w of new Set(twice)) add('COURSE.WAITLIST_DUPLICATE', `${w} waits twice`)
  for (const w of new Set(waitlist)) if (course.seats?.[w]) add('COURSE.SEATED_AND_WAITING', `${w} holds and waits`)
  if (course.status === 'cancelled' && (seats.length > 0 || waitlist.length > 0))
    add('COURSE.CANCELLED_NOT_EMPTY', `cancelled with ${seats.length} seats and ${waitlist.length} waiting`)
  if (course.status === 'published' && num(course.seatsLeft) > 0 && waitlist.length > 0)
    add('COURSE.LOST_SEAT', `${course.seatsLeft} seats free while ${waitlist.length} wait`)
  return out
}

/**
 * Every seat and waitlist place: a record that agrees, a user, and — while the course is live — the
 * user's claim (a claim is given back once the course is over; the seat and record stay for the
 * attendance and certificates).
 */
function checkPlaces(course: CourseRow, data: Data, report: Report): void {
  const places: [string, string][] = [
    ...Object.entries(course.seats ?? {}),
    ...(course.waitlist ?? []).map((w): [string, string] => [w, 'waitlisted']),
  ]
  const live = isLive(course, data.now)
  for (const [openid, state] of places) {
    // A deleted profile's seat on a course that is over: it counts, and names nobody.
    if (openid.startsWith(ERASED_HOLDER_PREFIX) && !live) continue
    const where = `${course._id}/${openid} (${state})`
    const record = data.enrollments.get(`${course._id}_${openid}`)
    if (!record) report('PLACE.NO_RECORD', `${where}: no enrollment record`)
    else if (state === 'offered' && record.status === 'waitlisted')
      report('OWED.OFFER_PROMOTION', `${where}: the record still says waitlisted`)
    else if (record.status !== state) report('PLACE.STATUS_MISMATCH', `${where}: the record says ${record.status}`)
    const user = data.users.get(openid)
    if (!user) report('PLACE.NO_USER', `${where}: no user record`)
    else if (live && !(user.activeCourses ?? []).includes(course._id))
      report('PLACE.NO_CLAIM', `${where}: not among the worker's activeCourses`)
  }
}
