import { ok, type Reply } from '@core/reply'
import { ACTIVE_STATUSES, enrollmentId, type EnrollmentDoc } from '../repos/enrollment-repo'
import type { CourseDoc } from '../repos/course-repo'
import { STALE_AFTER_MS, type EnrollmentDeps } from './deps'
import { offerDeadline, releaseAndHandOn } from './hand-on'
import { expireOffer } from './offers'

export interface SweepResult {
  expiredOffers: number
  repaired: number
  coursesChecked: number
  /** True when the time budget ran out; the next run carries on. */
  partial: boolean
}

const PAGE = 100

/**
 * The enrollment timer: passes on offers whose deadline passed, and reconciles the records of every
 * course whose ledger changed recently with that ledger, finishing what a crashed instance left half
 * done. Works in pages of 100 and stops before the function's time budget.
 */
export async function sweep(deps: EnrollmentDeps, now: Date, budgetMs: number): Promise<Reply<SweepResult>> {
  const started = Date.now()
  const inBudget = () => Date.now() - started < budgetMs
  const result: SweepResult = { expiredOffers: 0, repaired: 0, coursesChecked: 0, partial: false }

  for (;;) {
    const due = await deps.enrollments.listExpiredOffers(now, PAGE)
    let progressed = false
    for (const doc of due) {
      if (!inBudget()) return ok({ ...result, partial: true })
      if (await expireOffer(deps, doc, now)) {
        result.expiredOffers++
        progressed = true
      }
    }
    if (due.length < PAGE || !progressed) break
  }

  const since = new Date(now.getTime() - 2 * 3600_000)
  for (let offset = 0; ; offset += PAGE) {
    const courses = await deps.courses.listChangedSince(since, offset, PAGE)
    for (const course of courses) {
      if (!inBudget()) return ok({ ...result, partial: true })
      result.repaired += await reconcileCourse(deps, course, now)
      result.coursesChecked++
    }
    if (courses.length < PAGE) break
  }
  return ok(result)
}

/**
 * Brings a course's records in line with its ledger. The ledger is written after the record when a
 * seat is given back and before it when a seat is taken, so: an ended record wins over the ledger
 * (finish the release), and a missing or lagging record follows the ledger (finish the enrollment).
 * Records younger than a minute may belong to a call still in flight and are left alone.
 */
export async function reconcileCourse(deps: EnrollmentDeps, course: CourseDoc, now: Date): Promise<number> {
  const docs = new Map((await deps.enrollments.listAllByCourse(course._id)).map((d) => [d.openid, d]))
  const settled = (d: EnrollmentDoc | undefined) =>
    !d || now.getTime() - new Date(d.updatedAt).getTime() >= STALE_AFTER_MS
  let repaired = 0
  const base = (openid: string): EnrollmentDoc => ({
    _id: enrollmentId(course._id, openid),
    courseId: course._id,
    openid,
    status: 'enrolled',
    offerExpiresAt: null,
    createdAt: now,
    updatedAt: now,
  })

  for (const [openid, state] of Object.entries(course.seats ?? {})) {
    const d = docs.get(openid)
    if (!settled(d)) continue
    if (d && !ACTIVE_STATUSES.includes(d.status)) {
      // A re-enrollment in flight takes the seat before rewriting the old record: its claim is fresh.
      const claimedAt = (await deps.users.findById(openid))?.claimedAt?.[course._id]
      if (claimedAt && now.getTime() - new Date(claimedAt).getTime() < STALE_AFTER_MS) continue
      await releaseAndHandOn(deps, course._id, openid, state, now)
      await deps.users.releaseCourse(openid, course._id, now)
      repaired++
    } else if (!d || d.status !== state) {
      const until = state === 'offered' ? offerDeadline(now, course) : null
      await deps.enrollments.put({
        ...base(openid),
        createdAt: d?.createdAt ?? now,
        status: state,
        offerExpiresAt: until,
      })
      repaired++
    }
  }
  for (const openid of course.waitlist ?? []) {
    const d = docs.get(openid)
    if (!settled(d)) continue
    if (d && !ACTIVE_STATUSES.includes(d.status)) {
      await deps.courses.leaveWaitlist(course._id, openid, now)
      await deps.users.releaseCourse(openid, course._id, now)
      repaired++
    } else if (!d) {
      await deps.enrollments.put({ ...base(openid), status: 'waitlisted' })
      repaired++
    }
  }
  // Records that claim a place the ledger does not have were never completed: end them.
  for (const d of docs.values()) {
    if (!ACTIVE_STATUSES.includes(d.status) || !settled(d)) continue
    const inLedger = d.status === 'waitlisted' ? (course.waitlist ?? []).includes(d.openid) : !!course.seats?.[d.openid]
    if (!inLedger) {
      await deps.enrollments.transition(d._id, d.status, { status: 'cancelled', offerExpiresAt: null }, now)
      await deps.users.releaseCourse(d.openid, course._id, now)
      repaired++
    }
  }
  return repaired
}
