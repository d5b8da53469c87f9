/**
 * The design's invariants for tests and benchmarks, judged on the data itself (straight from the store,
 * not through the functions). The rules live in local-cloud/check.ts (also `npm run cloud -- check`);
 * this keeps the report shape the existing tests and benches read, sorted into the categories they
 * assert on, with every other finding in `problems`.
 */
import {
  checkInvariants as check,
  courseLedgerProblems,
  type CourseRow,
  type Problem,
  type ProblemCode,
} from '../../local-cloud/check'
import type { DocStore } from '../../local-cloud/store'
import type { CourseDoc } from '../../server/repos/course-repo'

export type { Problem, ProblemCode }

export interface InvariantReport {
  courses: number
  /** Courses with more seats taken than their capacity. */
  oversold: string[]
  /** Places and records that disagree (a place without its record, a record without its place, …). */
  ledgerMismatch: string[]
  /** A seat free while someone waits: a lost seat. */
  lostSeats: string[]
  /** Records not stored under `${courseId}_${openid}`. */
  duplicates: number
  overLimitWorkers: string[]
  seatsTaken: number
  capacity: number
  /** Everything else: ledger arithmetic as `<courseId>: …`, other findings as `<CODE> <detail>`. */
  problems: string[]
  /** Steps recovery owes (a decline's claim, a head's promotion): allowed mid-flight, gone once the timer ran. */
  owed: string[]
  /** Every finding of the checker, coded. */
  all: Problem[]
}

const MISMATCH = new Set<ProblemCode>(['PLACE.NO_RECORD', 'PLACE.STATUS_MISMATCH', 'RECORD.NO_PLACE'])
const LEDGER = new Set<ProblemCode>([
  'COURSE.SEATS_TAKEN',
  'COURSE.SEATS_LEFT',
  'COURSE.WAITLIST_LENGTH',
  'COURSE.WAITLIST_DUPLICATE',
  'COURSE.SEATED_AND_WAITING',
  'COURSE.CANCELLED_NOT_EMPTY',
])

/** The id a detail starts with (`c1: …` → c1). */
const subject = (p: Problem) => p.detail.split(':')[0]

/** Invariants that must hold at EVERY moment, even mid-call: used by samplers during a storm. */
export function ledgerProblems(course: CourseDoc): string[] {
  return courseLedgerProblems(course as unknown as CourseRow).map((p) => p.detail)
}

export function checkInvariants(store: DocStore, now = new Date()): InvariantReport {
  const { problems: all, owed, counts } = check(store, { now })
  const report: InvariantReport = {
    courses: counts.courses,
    oversold: [],
    ledgerMismatch: [],
    lostSeats: [],
    duplicates: 0,
    overLimitWorkers: [],
    seatsTaken: counts.seatsTaken,
    capacity: counts.capacity,
    problems: [],
    owed: owed.map((p) => `${p.code} ${p.detail}`),
    all,
  }
  for (const p of all) {
    if (p.code === 'COURSE.OVERSOLD') report.oversold.push(subject(p))
    else if (p.code === 'COURSE.LOST_SEAT') report.lostSeats.push(subject(p))
    else if (p.code === 'RECORD.BAD_ID') report.duplicates++
    else if (p.code === 'USER.OVER_LIMIT') report.overLimitWorkers.push(subject(p))
    else if (MISMATCH.has(p.code)) report.ledgerMismatch.push(`${p.code} ${p.detail}`)
    else if (LEDGER.has(p.code)) report.problems.push(p.detail)
    else report.problems.push(`${p.code} ${p.detail}`)
  }
  return report
}
