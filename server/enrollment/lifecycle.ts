/**
 * The seat lifecycle: the one module that knows the states of a worker's place in a course and the
 * order in which every transition writes the documents involved. Every use case (enroll, cancel,
 * confirm, decline, offer expiry, capacity change, course cancellation, the sweep) goes through here.
 *
 * The documents
 *   claim   users/<openid>.activeCourses ∋ courseId, dated by claimedAt[courseId]: counts towards the
 *           per-worker limit; a conditional update, so the limit is exact under concurrent taps.
 *   ledger  courses/<id>.seats[openid] ∈ enrolled | offered, or courses/<id>.waitlist ∋ openid: who holds
 *           which place. Capacity lives here and every change is one conditional update.
 *   record  enrollments/<courseId>_<openid>: what the worker sees and is told (status, offer deadline).
 *
 * States of a record: (none: claim only) → enrolled | waitlisted; waitlisted → offered → enrolled;
 * any active state → cancelled | declined | expired. An offer always carries its deadline.
 *
 * Write order, and why
 *   take        ledger → claim ∥ record        The ledger first: in a rush nearly every take loses, and a
 *                                              loser then pays one failed conditional update and writes
 *                                              nothing. The winner's place is dated (takenAt[openid]) in the
 *                                              same update, so a place still waiting for its claim and record
 *                                              is known to be in flight. The claim bounds the worker's places;
 *                                              when it is refused (the limit reached by another tap meanwhile)
 *                                              the record (provisional: createdAt = updatedAt = the call's
 *                                              instant) and the place are given back, and the worker was told
 *                                              nothing.
 *   give back   record → ledger (+ hand on)    The record flips first and is checked, so a double call frees
 *   (cancel,      → claim                      one place; the claim goes last so a worker never holds more
 *   decline,                                   places than claims.
 *   expire)
 *   hand on     ledger → head's record         The freed seat goes to the head of the waitlist in the same
 *                                              ledger update that frees it (never a free seat while someone
 *                                              waits); the head's record moves to offered and owes the notice.
 *   decline     record → course read → ledger  A give-back in 3 requests: the ledger frees the seat or hands
 *                                              it on, and stops there. The head's record and the decliner's
 *                                              claim are left to recovery, as a call cut short after its
 *                                              ledger write leaves them: the timer promotes the head and
 *                                              sends the offer in one run (the notice waited for the timer
 *                                              anyway), and a claim the ledger no longer backs stops counting
 *                                              at once (claimCounts) and goes on the worker's next enroll.
 *   confirm     record → ledger                The record's conditional update checks the deadline.
 *   course      ledger (emptied) → records     From the first write nobody can take a place; each record
 *   cancelled     → claims                     then ends like a give-back.
 *
 * Notices: a state change the worker must hear about (an offer, an expired offer, a cancelled course)
 * marks its own record `noticeDue` in the same write; the enrollment timer moves marked records into the
 * outbox (notices.ts). So a change and its notice can never be separated by a crash, and no step pays an
 * extra request for it.
 *
 * Every intermediate state above is recognisable from the three documents and the record's and claim's
 * timestamps, and recovery (settle.ts) rolls it forward: a flipped record finishes its give-back, a
 * confirmed record confirms its seat, a ledger place without its claim gets the claim (if the limit still
 * allows; else the take is undone) and then its record, a provisional record that never got its place
 * is removed (the worker was never told anything), a claim with nothing behind it is released. Anything written less than STALE_AFTER_MS ago may belong to a call
 * still in flight and is left alone; STALE_AFTER_MS exceeds every function's timeout, so older means dead.
 */
import { ACTIVE_STATUSES, ENROLL_RULES, type EnrollmentStatus } from '@core/contracts/enrollment'
import { CONSENT_VERSION } from '@core/contracts/user'
import type { CourseDoc, SeatState } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import { enrollmentId } from '../repos/keys'
import { LEDGER_RETRIES, writtenJustNow, type EnrollmentDeps } from './deps'

export type Place = SeatState | 'waitlisted' | null
export type EndStatus = Extract<EnrollmentStatus, 'cancelled' | 'declined' | 'expired'>

/** The worker's place in the ledger, as its record would name it. */
export function placeOf(course: Partial<Pick<CourseDoc, 'seats' | 'waitlist'>>, openid: string): Place {
  const seat = course.seats?.[openid]
  if (seat) return seat
  return course.waitlist?.includes(openid) ? 'waitlisted' : null
}

export const isActive = (status: EnrollmentStatus | null | undefined): boolean =>
  !!status && ACTIVE_STATUSES.includes(status)

/**
 * When a promoted worker's hold ends: 12 h (or the course's own hold) counted in waking hours only,
 * never past the first lesson. Quiet hours (ENROLL_RULES.offerQuietHours, 22:00–08:00 北京时间) do not
 * count, so an offer never runs out while the worker sleeps: one made at 21:00 with a 12 h hold has
 * 1 h before 22:00 and 11 h from 08:00, ending at 19:00 the next day; one made at 23:00 or 07:00 starts
 * counting at 08:00 (ending 20:00). A hold may end exactly at 22:00. The first lesson still wins: an
 * offer for a course starting at 07:00 ends at 07:00, as before — a seat cannot wait past its lesson.
 */
export function offerDeadline(now: Date, course: Pick<CourseDoc, 'firstLessonAt' | 'offerHoldHours'>): Date {
  const hours = course.offerHoldHours ?? ENROLL_RULES.offerHoldHours
  const end = Math.min(wakingHoursAfter(now.getTime(), hours * HOUR_MS), new Date(course.firstLessonAt).getTime())
  return new Date(end)
}

const HOUR_MS = 3600_000
const DAY_MS = 24 * HOUR_MS
/** Beijing time has no daylight saving: a fixed offset keeps this pure and exact. */
const BEIJING_OFFSET_MS = 8 * HOUR_MS

/** The instant `span` of waking time after `from`, skipping every quiet night. */
function wakingHoursAfter(from: number, span: number): number {
  const { from: quietFrom, to: quietTo } = ENROLL_RULES.offerQuietHours
  let t = from
  let left = span
  // Each pass uses up at most one waking day (14 h): a hold of days still ends in a few passes.
  for (;;) {
    const dayStart = Math.floor((t + BEIJING_OFFSET_MS) / DAY_MS) * DAY_MS - BEIJING_OFFSET_MS
    const wakes = dayStart + quietTo * HOUR_MS
    const sleeps = dayStart + quietFrom * HOUR_MS
    if (t >= sleeps) {
      t = wakes + DAY_MS
      continue
    }
    if (t < wakes) t = wakes
    if (left <= sleeps - t) return t + left
    left -= sleeps - t
    t = sleeps
  }
}

/** How many may wait for a course: its own limit, or as many as it has seats. */
export function waitlistLimit(course: Pick<CourseDoc, 'capacity' | 'waitlistLimit'>): number {
  return course.waitlistLimit ?? Math.max(1, Math.ceil(course.capacity * ENROLL_RULES.waitlistFactor))
}

export function newRecord(courseId: string, openid: string, status: EnrollmentStatus, now: Date): EnrollmentDoc {
  return {
    _id: enrollmentId(courseId, openid),
    courseId,
    openid,
    status,
    offerExpiresAt: null,
    createdAt: now,
    updatedAt: now,
  }
}

// ---------------------------------------------------------------- take

/** Step 2 of a take: the seat in the ledger, and nothing else. A loser has written nothing. */
export function takeSeat(deps: EnrollmentDeps, courseId: string, openid: string, now: Date): Promise<boolean> {
  return deps.courses.takeSeat(courseId, openid, now)
}

/** Step 2 of a take when the course is full: the waitlist place, and nothing else. */
export function takeWaitlistPlace(
  deps: EnrollmentDeps,
  course: Pick<CourseDoc, '_id' | 'capacity' | 'waitlistLimit'>,
  openid: string,
  now: Date,
): Promise<boolean> {
  return deps.courses.joinWaitlist(course._id, openid, waitlistLimit(course), now)
}

/**
 * Step 3 of a take, holding the place: the claim and the record at once. False when the claim was
 * refused — the worker reached the limit with another tap meanwhile, or was suspended or erased — and
 * then the record and the place are given back (a freed seat is handed on like any other).
 */
export async function completeTake(
  deps: EnrollmentDeps,
  courseId: string,
  openid: string,
  status: 'enrolled' | 'waitlisted',
  now: Date,
): Promise<boolean> {
  const rule = { limit: ENROLL_RULES.maxActivePerWorker, consentVersion: CONSENT_VERSION }
  const [claimed] = await Promise.all([
    deps.users.claimCourse(openid, courseId, rule, now),
    deps.enrollments.put(newRecord(courseId, openid, status, now)),
  ])
  // Refused because the claim is already there (recovery restored it for this very place): it is ours.
  if (claimed || (await deps.users.findById(openid))?.activeCourses?.includes(courseId)) return true
  await undoTake(deps, courseId, openid, status, now)
  return false
}

/**
 * A take that cannot be completed: its provisional record goes, then its place, then its claim if one
 * landed (a request failing beside it). The worker was told nothing.
 */
export async function undoTake(
  deps: EnrollmentDeps,
  courseId: string,
  openid: string,
  status: EnrollmentStatus,
  writtenAt: Date,
  now: Date = writtenAt,
): Promise<void> {
  await deps.enrollments.removeUntouched(enrollmentId(courseId, openid), status, writtenAt)
  await releasePlace(deps, courseId, openid, now)
  await deps.users.releaseCourse(openid, courseId, now)
}

/**
 * A record with no place behind it (a take of the earlier write order cut short, or one whose place was
 * undone): remove that version of the record, then give back any claim.
 */
export async function abandonTake(
  deps: EnrollmentDeps,
  courseId: string,
  openid: string,
  status: EnrollmentStatus | null,
  writtenAt: Date,
  now: Date,
): Promise<void> {
  if (status) await deps.enrollments.removeUntouched(enrollmentId(courseId, openid), status, writtenAt)
  await deps.users.releaseCourse(openid, courseId, now)
}

// ---------------------------------------------------------------- give back

/**
 * Ends an active record (cancel, decline, expiry) and finishes the give-back. Returns false when the
 * record was not in `from` any more: someone else moved it, and nothing is released by this call.
 */
export async function giveBack(
  deps: EnrollmentDeps,
  doc: Pick<EnrollmentDoc, '_id' | 'courseId' | 'openid'>,
  from: EnrollmentStatus,
  to: EndStatus,
  now: Date,
  options: { offerExpiredAt?: Date; seen?: CourseDoc } = {},
): Promise<boolean> {
  const patch = { status: to, noticeDue: to === 'expired' ? ('offer_expired' as const) : null }
  const flipped = await deps.enrollments.transition(doc._id, from, patch, now, {
    offerExpiredAt: options.offerExpiredAt,
  })
  if (!flipped) return false
  await finishGiveBack(deps, doc.courseId, doc.openid, now, { seen: options.seen })
  return true
}

/** The ledger and claim half of a give-back whose record has already ended. Idempotent. */
export async function finishGiveBack(
  deps: EnrollmentDeps,
  courseId: string,
  openid: string,
  now: Date,
  how: { seen?: CourseDoc } = {},
): Promise<void> {
  await releasePlace(deps, courseId, openid, now, how.seen)
  await deps.users.releaseCourse(openid, courseId, now)
}

/**
 * Removes `openid`'s place from the ledger, whatever it is. A seat goes to the head of the waitlist as
 * an offer in the same update, while an offer can still be taken up before the first lesson.
 */
export async function releasePlace(
  deps: EnrollmentDeps,
  courseId: string,
  openid: string,
  now: Date,
  seen?: CourseDoc,
  how: { promoteHead: boolean } = { promoteHead: true },
): Promise<void> {
  for (let attempt = 0; attempt < LEDGER_RETRIES; attempt++) {
    // The caller's fresh read serves the first attempt; a lost race reads again.
    const course = attempt === 0 && seen ? seen : await deps.courses.findById(courseId)
    const place = course ? placeOf(course, openid) : null
    if (!course || !place) return
    if (place === 'waitlisted') {
      if (await deps.courses.leaveWaitlist(courseId, openid, now)) return
      continue
    }
    const until = offerDeadline(now, course)
    const canOffer = course.status === 'published' && until.getTime() > now.getTime()
    const head = canOffer ? (course.waitlist?.[0] ?? null) : null
    if (!(await deps.courses.releaseSeat(courseId, openid, place, head, now))) continue
    if (head && how.promoteHead) await offerHeldSeat(deps, course, head, until, now)
    return
  }
  throw new Error(`ledger of ${courseId} kept changing while releasing ${openid}`)
}

/**
 * The record half of a hand-on: the ledger already holds a seat for `openid` as an offer. The record
 * moves waitlisted → offered and owes the worker the notice. A record that already ended (the worker
 * left the waitlist at this very moment) hands the seat straight on to the next in line.
 */
export async function offerHeldSeat(
  deps: EnrollmentDeps,
  course: Pick<CourseDoc, '_id' | 'title'>,
  openid: string,
  until: Date,
  now: Date,
): Promise<void> {
  const id = enrollmentId(course._id, openid)
  const offered = { status: 'offered' as const, offerExpiresAt: until, noticeDue: 'offer' as const }
  if (await deps.enrollments.transition(id, 'waitlisted', offered, now)) return
  const doc = await deps.enrollments.findById(id)
  if (doc && !isActive(doc.status)) await releasePlace(deps, course._id, openid, now)
  // A record still missing belongs to a take in flight; the sweep writes it from the ledger.
}

/**
 * The ledger half of a decline whose record has already ended: the seat is freed, or handed to the head
 * of the waitlist in the same update. Nothing more (see "decline" above); idempotent.
 */
export async function finishDecline(deps: EnrollmentDeps, courseId: string, openid: string, now: Date): Promise<void> {
  await releasePlace(deps, courseId, openid, now, undefined, { promoteHead: false })
}

/**
 * Whether a claim still counts towards the worker's limit: the ledger names the worker in the course,
 * or the claim may belong to a take still in flight — young, and not older than the end of the
 * worker's record there. A claim taken before its record ended (a decline leaves it so, a crash by
 * accident) or long ago holds nothing.
 */
export function claimCounts(
  course: Partial<Pick<CourseDoc, 'seats' | 'waitlist'>>,
  openid: string,
  claimedAt: Date | string | undefined | null,
  record: Pick<EnrollmentDoc, 'status' | 'updatedAt'> | null | undefined,
  now: Date,
): boolean {
  if (placeOf(course, openid)) return true
  if (!claimedAt) return false
  const claimed = new Date(claimedAt).getTime()
  if (record && !isActive(record.status) && new Date(record.updatedAt).getTime() >= claimed) return false
  return writtenJustNow(claimedAt, now)
}

// ---------------------------------------------------------------- confirm

/** The ledger half of a confirmation whose record already says enrolled. Idempotent. */
export async function finishConfirm(deps: EnrollmentDeps, courseId: string, openid: string, now: Date): Promise<void> {
  await deps.courses.confirmSeat(courseId, openid, now)
}

/** Ends one active record of a cancelled course (owing the notice), then gives its claim back. False when it had already ended. */
export async function endForCancelledCourse(
  deps: EnrollmentDeps,
  course: Pick<CourseDoc, '_id' | 'title' | 'cancelReason'>,
  doc: Pick<EnrollmentDoc, '_id' | 'openid' | 'status'>,
  now: Date,
): Promise<boolean> {
  if (!isActive(doc.status)) return false
  // formerStatus keeps the cancelled course's roster: the ledger is emptied, staff still phone these workers.
  const patch = {
    status: 'cancelled' as const,
    offerExpiresAt: null,
    noticeDue: 'course_cancelled' as const,
    formerStatus: doc.status,
  }
  if (!(await deps.enrollments.transition(doc._id, doc.status, patch, now))) return false
  await deps.users.releaseCourse(doc.openid, course._id, now)
  return true
}
