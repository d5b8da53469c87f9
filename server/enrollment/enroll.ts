import { CONSENT_VERSION, type UserRole } from '@core/contracts/user'
import { ENROLL_RULES, type EnrollResult } from '@core/contracts/enrollment'
import { enrollState } from '@core/rules/enroll-state'
import { fail, ok, type Reply } from '@core/reply'
import { formatDate } from '@core/time'
import type { CourseDoc } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import { enrollmentId } from '../repos/keys'
import type { UserDoc } from '../repos/user-repo'
import { LEDGER_RETRIES, writtenJustNow, type EnrollmentDeps } from './deps'
import { completeTake, isActive, placeOf, takeSeat, takeWaitlistPlace, undoTake, waitlistLimit } from './lifecycle'
import { settle } from './settle'
import { isQuotaRefusal } from '../platform/quota'
import type { AdmissionGate } from './gate'

export interface EnrollInput {
  courseId: string
  joinWaitlist?: boolean
}

/**
 * Takes a seat or a waitlist place (the "take" of lifecycle.ts): one read of the course joined with the
 * worker's own user record, then the ledger, then claim and record at once. Whatever that first read
 * can refuse (full, closed, not open, cancelled, not found, already holding a place, no profile,
 * suspended, at the limit) is refused before anything is written; a take that loses the race at the
 * ledger has written nothing either. In a rush nearly every call is one of the two.
 */
export async function enroll(
  deps: EnrollmentDeps,
  openid: string,
  input: EnrollInput,
  now: Date,
  gate?: AdmissionGate,
  settled = false,
): Promise<Reply<EnrollResult>> {
  const gated = gate?.recall(input.courseId, openid, !!input.joinWaitlist)
  if (gated) return gated
  const { course, worker, record } = await deps.courses.findWithWorker(input.courseId, openid)
  if (course && !settled && unfinishedTake(course, worker, record, openid, now)) {
    const finished = await finishOwnTake(deps, course, worker, record, openid, now)
    // Recovery finished something else (a give-back cut short): the tap is a new take, from a fresh read.
    return finished ?? enroll(deps, openid, input, now, gate, true)
  }
  const refusal = courseRefusal(course, openid, input, now)
  if (!course) return refusal ?? fail('CATALOG.NOT_FOUND')
  if (refusal) return gate ? gate.note(course, refusal) : refusal
  const why = await workerRefusal(deps, worker, course, now)
  if (why) return why
  return tryPlaces(deps, course, openid, input, now, gate)
}

/**
 * The ledger holds a place that the worker's claim or record does not show yet: a take of theirs in
 * flight, or cut short. (An offer's record follows its place later by design; its worker is asked to confirm.)
 */
function unfinishedTake(
  course: CourseDoc,
  worker: UserDoc | null,
  record: EnrollmentDoc | null,
  openid: string,
  now: Date,
): boolean {
  // Once a course is over its claims are given back while the places stay, for attendance and certificates.
  if (course.status !== 'published' || new Date(course.lastLessonAt).getTime() <= now.getTime()) return false
  const place = placeOf(course, openid)
  if (!place || place === 'offered') return false
  return !worker?.activeCourses?.includes(course._id) || !isActive(record?.status)
}

/**
 * Finishes (or, past the limit, undoes) the worker's own take before answering, so a tap never meets a
 * place it cannot see. Null when recovery finished something else instead (a give-back cut short).
 */
async function finishOwnTake(
  deps: EnrollmentDeps,
  course: CourseDoc,
  worker: UserDoc | null,
  record: EnrollmentDoc | null,
  openid: string,
  now: Date,
): Promise<Reply<EnrollResult> | null> {
  const repair = await settle(deps, course, openid, record, worker, now)
  if (repair === 'in-flight') return fail('ENROLL.PENDING')
  if (repair === 'take-undone') return fail('ENROLL.LIMIT_REACHED')
  if (repair !== 'record-written' && repair !== 'claim-restored') return null
  const place = placeOf(course, openid)
  return place === 'enrolled' || place === 'waitlisted' ? ok({ status: place, waitlistPosition: null }) : null
}

/**
 * A seat if the course had one, else a waitlist place; after a lost race, one read to learn why: the
 * rush took the last seats, or another tap of this worker's took one (a plain "full" would be a lie
 * then), or a place came free. A won place is completed with the claim and the record.
 */
async function tryPlaces(
  deps: EnrollmentDeps,
  first: CourseDoc,
  openid: string,
  input: EnrollInput,
  now: Date,
  gate: AdmissionGate | undefined,
): Promise<Reply<EnrollResult>> {
  const heard = <T>(seen: CourseDoc, reply: Reply<T>) => (gate ? gate.note(seen, reply) : reply)
  let course: CourseDoc | null = first
  for (let n = 0; n < LEDGER_RETRIES && course; n++) {
    if (course.seatsLeft > 0) {
      if (await takeSeat(deps, course._id, openid, now)) return complete(deps, course, openid, 'enrolled', now)
    } else if (input.joinWaitlist && course.waitlistLength < waitlistLimit(course)) {
      if (await takeWaitlistPlace(deps, course, openid, now)) {
        return heard(course, await complete(deps, course, openid, 'waitlisted', now))
      }
    }
    course = await deps.courses.findById(first._id)
    // Not ours by this call's answers, yet in the ledger: another tap of this worker's took it, and may
    // still be completing it (or fail to, at the limit): never "enrolled" on its behalf.
    if (course && placeOf(course, openid))
      return fail(writtenJustNow(course.takenAt?.[openid], now) ? 'ENROLL.PENDING' : 'ENROLL.ALREADY')
    const again = courseRefusal(course, openid, input, now)
    if (again) return course ? heard(course, again) : again
  }
  return fail('ENROLL.BUSY')
}

/**
 * The claim and the record for a place just won. Refused, the place went back: answer with why. The
 * database's quota refusing them is waited out a few times — both writes are safe to repeat, and a
 * worker who won a seat should hear so rather than "busy". Any other failure, or the quota still
 * refusing, gives the place back, best effort; should that fail as well, recovery finishes the take or
 * undoes it.
 */
async function complete(
  deps: EnrollmentDeps,
  course: CourseDoc,
  openid: string,
  status: 'enrolled' | 'waitlisted',
  now: Date,
): Promise<Reply<EnrollResult>> {
  let completed: boolean
  for (let attempt = 0; ; attempt++) {
    try {
      completed = await completeTake(deps, course._id, openid, status, now)
      break
    } catch (err) {
      if (isQuotaRefusal(err) && attempt < QUOTA_WAITS_MS.length) {
        await pause(QUOTA_WAITS_MS[attempt] * (1 + Math.random()))
        continue
      }
      await undoTake(deps, course._id, openid, status, now).catch(() => undefined)
      throw err
    }
  }
  if (completed) return ok({ status, waitlistPosition: null })
  const user = await deps.users.findById(openid)
  return (await workerRefusal(deps, user, course, now)) ?? fail('ENROLL.LIMIT_REACHED')
}

/** Waits before repeating a take's claim and record the quota refused: about 4 s in all, well inside the timeout. */
const QUOTA_WAITS_MS = [250, 500, 1000]
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What the course alone says: a reason to refuse, or null when a place may be taken. */
function courseRefusal(course: CourseDoc | null, openid: string, input: EnrollInput, now: Date): Reply<never> | null {
  if (!course || course.status === 'draft') return fail('CATALOG.NOT_FOUND')
  const place = placeOf(course, openid)
  if (place === 'offered') return fail('ENROLL.OFFER_PENDING')
  if (place) return fail('ENROLL.ALREADY')
  switch (enrollState(course, now)) {
    case 'cancelled':
      return fail('ENROLL.COURSE_CANCELLED')
    case 'not_open':
      return fail('ENROLL.NOT_OPEN')
    case 'closed':
      return fail('ENROLL.CLOSED')
  }
  if (course.seatsLeft > 0) return null
  if (!input.joinWaitlist) return fail('ENROLL.FULL')
  return course.waitlistLength >= waitlistLimit(course) ? fail('ENROLL.WAITLIST_FULL') : null
}

/**
 * What the worker's own record says against a claim, or null when it may go — after repairing claims a
 * crashed call left behind or courses that are over, which no longer count.
 */
async function workerRefusal(
  deps: EnrollmentDeps,
  user: UserDoc | null,
  course: CourseDoc,
  now: Date,
): Promise<Reply<never> | null> {
  if (!user || user.consent?.version !== CONSENT_VERSION) return fail('ENROLL.PROFILE_INCOMPLETE')
  if (!isWorkerRole(user.role)) return fail('AUTH.FORBIDDEN')
  if (new Date(user.suspendedUntil ?? 0).getTime() > now.getTime()) {
    return fail('ENROLL.SUSPENDED', {
      message: `因多次报名后未到课，${formatDate(user.suspendedUntil)}前暂时不能报名新课程`,
    })
  }
  const active = user.activeCourses ?? []
  if (active.includes(course._id)) {
    // The course shows no place for the worker: the claim is a call in flight, or one a crash left behind.
    const freed = await releaseIfStale(deps, user, course, now)
    if (freed === 'in-flight') return fail('ENROLL.PENDING')
    return freed ? null : fail('ENROLL.ALREADY')
  }
  if (active.length < ENROLL_RULES.maxActivePerWorker) return null
  let released = false
  for (const other of await deps.courses.findByIds(active)) {
    released = (await releaseIfStale(deps, user, other, now)) === true || released
  }
  return released ? null : fail('ENROLL.LIMIT_REACHED')
}

function isWorkerRole(role: UserRole): boolean {
  // Staff accounts run the programme; they take no seats from workers.
  return role === 'worker'
}

/**
 * Whether a claim could go: its course is over or cancelled, so it no longer counts towards the limit;
 * or it holds no place and recovery found nothing behind it.
 */
async function releaseIfStale(
  deps: EnrollmentDeps,
  user: UserDoc,
  course: CourseDoc,
  now: Date,
): Promise<boolean | 'in-flight'> {
  if (course.status === 'cancelled' || new Date(course.lastLessonAt).getTime() <= now.getTime()) {
    return deps.users.releaseCourse(user._id, course._id, now)
  }
  if (placeOf(course, user._id)) return false
  const doc = await deps.enrollments.findById(enrollmentId(course._id, user._id))
  const repair = await settle(deps, course, user._id, doc, user, now)
  if (repair === 'in-flight') return 'in-flight'
  return repair === 'claim-released' || repair === 'record-removed' || repair === 'course-cancel-finished'
}
