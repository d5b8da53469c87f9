import { randomBytes } from 'node:crypto'
import { fail, ok, type Reply } from '@core/reply'
import type { EnrollmentDoc, EnrollmentRepo } from '../repos/enrollment-repo'
import type { AttendanceRepo } from '../repos/attendance-repo'
import type { CourseDoc, CourseRepo } from '../repos/course-repo'
import { ERASED_HOLDER_PREFIX } from '../repos/keys'
import { claimCounts, isActive } from '../enrollment'
import type { NoticeRepo } from '../repos/notice-repo'
import type { SubscriptionRepo } from '../repos/subscription-repo'
import type { UserRepo } from '../repos/user-repo'
import { standingLapsed } from '../checkin'
import { anonymiseOutcomes } from '../outcomes'
import type { CertificateRepo } from '../repos/certificate-repo'
import type { EvaluationRepo } from '../repos/evaluation-repo'
import type { WishRepo } from '../repos/wish-repo'
import type { WishVoteRepo } from '../repos/wish-vote-repo'

export interface DeleteProfileDeps {
  users: UserRepo
  courses: CourseRepo
  enrollments: EnrollmentRepo
  attendance: AttendanceRepo
  notices: NoticeRepo
  subscriptions: SubscriptionRepo
  certificates: CertificateRepo
  evaluations: EvaluationRepo
  wishes: WishRepo
  wishVotes: WishVoteRepo
}

const running = (course: CourseDoc | undefined, now: Date): course is CourseDoc =>
  !!course && course.status === 'published' && new Date(course.lastLessonAt).getTime() > now.getTime()

/** A record still part of a running course: a place held, or a give-back the ledger has not caught up with. */
function stillHeld(record: EnrollmentDoc, course: CourseDoc | undefined, now: Date): boolean {
  if (!running(course, now)) return false
  return (
    isActive(record.status) ||
    course.seats?.[record.openid] !== undefined ||
    (course.waitlist ?? []).includes(record.openid)
  )
}

/**
 * The worker's right to erase their data (PIPL), as the privacy notice states it: the profile (name,
 * phone, employer, member number, consent) is erased; enrollment records, messages owed and
 * subscription credits are removed; check-ins are kept without the identity (the programme's figures
 * count them); the standing — no-shows and a suspension — stays on a record holding nothing personal
 * until it lapses (at most 60 days), so signing up again does not wipe it. Refused while the worker
 * holds a place in a running course: staff expect them in class. Every step can run again, so a call
 * cut short is finished by the next.
 */
export async function deleteProfile(
  deps: DeleteProfileDeps,
  openid: string,
  now: Date,
): Promise<Reply<{ deleted: boolean }>> {
  const user = await deps.users.findById(openid)
  if (!user) return ok({ deleted: false })
  const records = await deps.enrollments.listByOpenid(openid, 100)
  const courseIds = [...new Set([...(user.activeCourses ?? []), ...records.map((r) => r.courseId)])]
  const courses = new Map<string, CourseDoc>()
  for (let i = 0; i < courseIds.length; i += 100) {
    for (const c of await deps.courses.findByIds(courseIds.slice(i, i + 100))) courses.set(c._id, c)
  }
  const claimed = user.activeCourses ?? []
  const holds = (id: string) => {
    const course = courses.get(id)
    const record = records.find((r) => r.courseId === id)
    return running(course, now) && claimCounts(course, openid, user.claimedAt?.[id], record, now)
  }
  if (claimed.some(holds) || records.some((r) => stillHeld(r, courses.get(r.courseId), now))) {
    return fail('USER.HAS_ACTIVE_ENROLLMENTS')
  }
  for (const id of claimed) await deps.users.releaseCourse(openid, id, now)
  for (const r of records) await deps.enrollments.removeUntouched(r._id, r.status, r.updatedAt)
  for (const course of courses.values()) await forgetInLedger(deps, course, openid, now)
  await deps.notices.removeByOpenid(openid)
  await deps.subscriptions.removeByOpenid(openid)
  await deps.attendance.anonymiseByOpenid(openid)
  // Certificates stay verifiable with a masked name and no openid; ratings keep counting without one.
  await anonymiseOutcomes(deps, openid, now)
  return (await eraseRecord(deps, openid, now)) ? ok({ deleted: true }) : fail('USER.HAS_ACTIVE_ENROLLMENTS')
}

/** A course over keeps its seat count; the seat stops naming the worker. */
async function forgetInLedger(deps: DeleteProfileDeps, course: CourseDoc, openid: string, now: Date): Promise<void> {
  const state = course.seats?.[openid]
  if (state)
    await deps.courses.forgetHolder(
      course._id,
      openid,
      state,
      `${ERASED_HOLDER_PREFIX}${randomBytes(9).toString('hex')}`,
      now,
    )
  if ((course.waitlist ?? []).includes(openid)) await deps.courses.forgetWaiter(course._id, openid, now)
}

/**
 * Removes the record when there is no standing to keep, else erases its personal fields. Both writes
 * are conditional on no claim (an enroll racing this call either lands first and the delete is
 * refused, or not at all) and on the no-shows read, so a no-show counted meanwhile is never lost.
 */
async function eraseRecord(deps: DeleteProfileDeps, openid: string, now: Date): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const user = await deps.users.findById(openid)
    if (!user) return true
    if ((user.activeCourses ?? []).length > 0) return false
    const count = user.noShowCount ?? 0
    const done = standingLapsed(user, now)
      ? await deps.users.removeIfUnclaimed(openid, count)
      : await deps.users.anonymise(openid, count, now)
    if (done) return true
  }
  return false
}
