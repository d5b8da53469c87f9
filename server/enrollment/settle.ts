/**
 * Recovery: brings one worker's claim, ledger place and record for one course back in line, rolling
 * forward whatever a crashed call left half done (the write orders and their reasons are in
 * lifecycle.ts). Used by the sweep for every course it looks at, and by a worker's next call.
 */
import type { CourseDoc } from '../repos/course-repo'
import { ERASED_HOLDER_PREFIX } from '../repos/keys'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import type { UserDoc } from '../repos/user-repo'
import { writtenJustNow, type EnrollmentDeps } from './deps'
import { ENROLL_RULES } from '@core/contracts/enrollment'
import {
  abandonTake,
  claimCounts,
  endForCancelledCourse,
  finishConfirm,
  finishGiveBack,
  isActive,
  newRecord,
  offerDeadline,
  placeOf,
  undoTake,
} from './lifecycle'

export type Repair =
  | 'none'
  | 'in-flight'
  | 'claim-released'
  | 'claim-restored'
  | 'record-written'
  | 'record-followed-ledger'
  | 'record-removed'
  | 'give-back-finished'
  | 'confirm-finished'
  | 'offer-promoted'
  | 'offer-deadline-set'
  | 'course-cancel-finished'
  | 'take-undone'

const age = (at: Date | undefined | null, now: Date) => (at ? now.getTime() - new Date(at).getTime() : Infinity)

/** Something written this recently may belong to a call still running: leave it to that call. */
export function inFlight(
  doc: EnrollmentDoc | null,
  user: UserDoc | null,
  course: Pick<CourseDoc, '_id' | 'takenAt'>,
  openid: string,
  now: Date,
): boolean {
  return (
    writtenJustNow(doc?.updatedAt, now) ||
    writtenJustNow(user?.claimedAt?.[course._id], now) ||
    writtenJustNow(course.takenAt?.[openid], now)
  )
}

/**
 * Settles one (course, worker) pair. `course`, `doc` and `user` are as just read; every write below is
 * conditional, so a concurrent call that got there first makes it a no-op. Returns what was repaired.
 */
export async function settle(
  deps: EnrollmentDeps,
  course: CourseDoc,
  openid: string,
  doc: EnrollmentDoc | null,
  user: UserDoc | null,
  now: Date,
): Promise<Repair> {
  const claimed = !!user?.activeCourses?.includes(course._id)
  if (claimed && user && leftBehind(course, openid, doc, user, now)) {
    await deps.users.releaseCourse(openid, course._id, now)
    return 'claim-released'
  }
  if (inFlight(doc, user, course, openid, now)) return 'in-flight'
  // A deleted profile's seat on a course that is over names nobody: there is nothing to settle.
  if (openid.startsWith(ERASED_HOLDER_PREFIX)) return 'none'
  if (course.status === 'cancelled') return settleCancelledCourse(deps, course, openid, doc, claimed, now)
  const place = placeOf(course, openid)
  if (!place) {
    if (doc && isActive(doc.status)) {
      // A take that never got its place: the worker was never told, so the take is dropped.
      await abandonTake(deps, course._id, openid, doc.status, doc.updatedAt, now)
      return 'record-removed'
    }
    if (claimed && user) {
      await deps.users.releaseCourse(openid, course._id, now)
      return 'claim-released'
    }
    return 'none'
  }
  const claimNewer = claimed && age(user?.claimedAt?.[course._id], now) < age(doc?.updatedAt, now)
  // An ended record with a place: a give-back not finished, unless the place (or claim) came after it — a re-take.
  const takenNewer = age(course.takenAt?.[openid], now) < age(doc?.updatedAt, now)
  const recordMissing = !doc || (!isActive(doc.status) && (claimNewer || takenNewer))
  const live = new Date(course.lastLessonAt).getTime() > now.getTime()
  if (!claimed && live && (recordMissing || isActive(doc?.status))) {
    // A take cut short after its place: the claim first, as the take would have, if the limit allows.
    if (!user || !(await deps.users.restoreClaim(openid, course._id, ENROLL_RULES.maxActivePerWorker, now))) {
      await undoTake(
        deps,
        course._id,
        openid,
        doc && isActive(doc.status) ? doc.status : 'enrolled',
        doc?.updatedAt ?? now,
        now,
      )
      return 'take-undone'
    }
    if (!recordMissing) return 'claim-restored'
  }
  if (recordMissing) {
    // A take whose record never landed (or a re-take that stopped before rewriting the old one).
    await writeRecordFromLedger(deps, course, openid, place, now)
    return 'record-written'
  }
  if (!isActive(doc.status)) {
    await finishGiveBack(deps, course._id, openid, now)
    return 'give-back-finished'
  }
  return settleActive(deps, course, openid, doc, place, now)
}

/**
 * A claim whose give-back is done in record and ledger: a decline leaves it so on purpose, a crash by
 * accident. Nothing in flight can need it (claimCounts), so it goes at once rather than after
 * STALE_AFTER_MS.
 */
function leftBehind(course: CourseDoc, openid: string, doc: EnrollmentDoc | null, user: UserDoc, now: Date): boolean {
  if (course.status === 'cancelled' || isActive(doc?.status)) return false
  return !claimCounts(course, openid, user.claimedAt?.[course._id], doc, now)
}

async function settleCancelledCourse(
  deps: EnrollmentDeps,
  course: CourseDoc,
  openid: string,
  doc: EnrollmentDoc | null,
  claimed: boolean,
  now: Date,
): Promise<Repair> {
  if (doc && isActive(doc.status)) {
    await endForCancelledCourse(deps, course, doc, now)
    return 'course-cancel-finished'
  }
  if (claimed) {
    await deps.users.releaseCourse(openid, course._id, now)
    return 'claim-released'
  }
  return 'none'
}

/** Record and ledger both active: make the record say what the ledger holds. */
async function settleActive(
  deps: EnrollmentDeps,
  course: CourseDoc,
  openid: string,
  doc: EnrollmentDoc,
  place: NonNullable<ReturnType<typeof placeOf>>,
  now: Date,
): Promise<Repair> {
  if (doc.status === 'enrolled' && place === 'offered') {
    // The record was confirmed (it checked the deadline); the ledger follows.
    await finishConfirm(deps, course._id, openid, now)
    return 'confirm-finished'
  }
  if (doc.status === 'offered' && place === 'offered') {
    if (doc.offerExpiresAt) return 'none'
    const until = offerDeadline(now, course)
    await deps.enrollments.transition(
      doc._id,
      'offered',
      { status: 'offered', offerExpiresAt: until, noticeDue: 'offer' },
      now,
    )
    return 'offer-deadline-set'
  }
  if (doc.status === place) return 'none'
  if (place === 'offered') {
    // The ledger handed the seat on; the record never moved (waitlisted → offered).
    const until = offerDeadline(now, course)
    await deps.enrollments.transition(
      doc._id,
      doc.status,
      { status: 'offered', offerExpiresAt: until, noticeDue: 'offer' },
      now,
    )
    return 'offer-promoted'
  }
  await deps.enrollments.transition(doc._id, doc.status, { status: place, offerExpiresAt: null }, now)
  return 'record-followed-ledger'
}

async function writeRecordFromLedger(
  deps: EnrollmentDeps,
  course: CourseDoc,
  openid: string,
  place: NonNullable<ReturnType<typeof placeOf>>,
  now: Date,
): Promise<void> {
  const record = newRecord(course._id, openid, place, now)
  if (place === 'offered') {
    record.offerExpiresAt = offerDeadline(now, course)
    record.noticeDue = 'offer'
  }
  // Nothing else writes an ended or missing record while the claim is stale, so the plain write cannot
  // overwrite a newer one.
  await deps.enrollments.put(record)
}
