import { CONSENT_VERSION, type UserRole } from '@core/contracts/user'
import { ENROLL_RULES, type EnrollResult } from '@core/contracts/enrollment'
import { enrollState } from '@core/rules/enroll-state'
import { fail, ok, type Reply } from '@core/reply'
import { formatDate } from '@core/time'
import type { CourseDoc } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import { enrollmentId } from '../repos/keys'
import type { UserDoc } from '../repos/user-repo'
import { LEDGER_RETRIES, type EnrollmentDeps } from './deps'
import { abandonTake, placeOf, takeSeat, takeWaitlistPlace, waitlistLimit } from './lifecycle'
import { settle } from './settle'

export interface EnrollInput {
  courseId: string
  joinWaitlist?: boolean
}

/**
 * Takes a seat or a waitlist place (the "take" of lifecycle.ts): one read of the course joined with the
 * worker's own record, the claim, then ledger and record at once. Whatever that first read can refuse
 * (full, closed, not open, cancelled, not found, already holding a place, no profile, suspended, at the
 * limit) is refused before anything is written: in a rush nearly every call is such a refusal.
 */
export async function enroll(
  deps: EnrollmentDeps,
  openid: string,
  input: EnrollInput,
  now: Date,
): Promise<Reply<EnrollResult>> {
  const { course, worker } = await deps.courses.findWithWorker(input.courseId, openid)
  const refusal = courseRefusal(course, openid, input, now)
  if (refusal || !course) return refusal ?? fail('CATALOG.NOT_FOUND')
  const why = await workerRefusal(deps, worker, course, now)
  if (why) return why

  const rule = { limit: ENROLL_RULES.maxActivePerWorker, consentVersion: CONSENT_VERSION }
  if (!(await deps.users.claimCourse(openid, course._id, rule, now))) {
    // Another call of this worker's moved their record since the read: look again.
    const again = await workerRefusal(deps, await deps.users.findById(openid), course, now)
    if (again) return again
    if (!(await deps.users.claimCourse(openid, course._id, rule, now))) return fail('ENROLL.BUSY')
  }
  return takePlace(deps, course, openid, input, now)
}

/**
 * Holding the claim: take a place, or give back what this call wrote — also when a request fails midway
 * (the quota, a lost connection), so the worker's next tap finds nothing in flight. Should the give-back
 * fail too, recovery does it.
 */
async function takePlace(
  deps: EnrollmentDeps,
  first: CourseDoc,
  openid: string,
  input: EnrollInput,
  now: Date,
): Promise<Reply<EnrollResult>> {
  const attempt: Attempt = { written: null }
  let reply: Reply<EnrollResult>
  try {
    reply = await tryPlaces(deps, first, openid, input, now, attempt)
  } catch (err) {
    await abandonTake(deps, first._id, openid, attempt.written, now, now).catch(() => undefined)
    throw err
  }
  if (!reply.ok) await abandonTake(deps, first._id, openid, attempt.written, now, now)
  return reply
}

/** The provisional record this call last wrote, which a give-back removes. */
interface Attempt {
  written: EnrollmentDoc['status'] | null
}

/** A seat if the course had one, else a waitlist place, re-reading only when a waitlist place was refused. */
async function tryPlaces(
  deps: EnrollmentDeps,
  first: CourseDoc,
  openid: string,
  input: EnrollInput,
  now: Date,
  attempt: Attempt,
): Promise<Reply<EnrollResult>> {
  let course: CourseDoc | null = first
  for (let n = 0; n < LEDGER_RETRIES && course; n++) {
    if (course.seatsLeft > 0) {
      attempt.written = 'enrolled'
      if (await takeSeat(deps, course._id, openid, now)) return ok({ status: 'enrolled', waitlistPosition: null })
      // Lost the last seats to the rush that read "free" with us: without a waitlist that is the answer,
      // and a waitlist place is tried at once — no second read on the path most losers take.
      if (!input.joinWaitlist) return fail('ENROLL.FULL')
      course = { ...course, seatsLeft: 0 }
      continue
    } else if (input.joinWaitlist && course.waitlistLength < waitlistLimit(course)) {
      attempt.written = 'waitlisted'
      // The position is not known without another read; the course page shows it.
      if (await takeWaitlistPlace(deps, course, openid, now))
        return ok({ status: 'waitlisted', waitlistPosition: null })
    }
    course = await deps.courses.findById(first._id)
    // Not ours by this call's answers, yet in the ledger: only a lost reply does that; keep the place.
    const held = course ? placeOf(course, openid) : null
    if (held === 'enrolled' || held === 'waitlisted') return ok({ status: held, waitlistPosition: null })
    const again = courseRefusal(course, openid, input, now)
    if (again) return again
  }
  return fail('ENROLL.BUSY')
}

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
