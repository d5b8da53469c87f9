import { ok, type Reply } from '@core/reply'
import type { CourseDoc } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import type { UserDoc } from '../repos/user-repo'
import { STALE_AFTER_MS, type EnrollmentDeps } from './deps'
import { isActive, placeOf } from './lifecycle'
import { deliverRecordNotices } from './notices'
import { expireOffer } from './offers'
import { settle, type Repair } from './settle'

export interface EnrollmentSweepResult {
  expiredOffers: number
  /** Notices records owed, moved into the outbox. */
  noticesQueued: number
  repaired: number
  coursesChecked: number
  /** True when this run looked at every live course, not only the ones written since the last run. */
  fullPass: boolean
  /** True when the time budget ran out; the next run carries on from the same horizon. */
  partial: boolean
}

export const SWEEP_JOB = 'enrollment-sweep'
const PAGE = 100
/** How often the sweep looks at every live course, whatever was written. */
const FULL_PASS_EVERY_MS = 24 * 3600_000
/** The first run (no horizon yet) looks back this far. */
const FIRST_LOOK_BACK_MS = 7 * 24 * 3600_000
/** Cancelled courses stay in the full pass this long, for claims and notices their cancellation left behind. */
const CANCELLED_KEPT_MS = 30 * 24 * 3600_000

interface Budget {
  left(): boolean
}

/**
 * The enrollment timer. First it passes on offers whose deadline passed. Then it settles every
 * (course, worker) pair written since the horizon of its last complete run, up to STALE_AFTER_MS ago
 * (anything younger may be a call in flight; the next run sees it): records, claims and course ledgers
 * written in that window name the courses to reconcile. Once a day, or when asked, it reconciles every
 * live course instead. Last it moves the notices records owe into the outbox. The horizon only moves
 * when a run finishes, so a run cut short or skipped loses nothing.
 */
export async function sweepEnrollments(
  deps: EnrollmentDeps,
  now: Date,
  budgetMs: number,
  options: { full?: boolean } = {},
): Promise<Reply<EnrollmentSweepResult>> {
  const started = Date.now()
  const budget: Budget = { left: () => Date.now() - started < budgetMs }
  const result: EnrollmentSweepResult = {
    expiredOffers: 0,
    noticesQueued: 0,
    repaired: 0,
    coursesChecked: 0,
    fullPass: false,
    partial: false,
  }

  result.expiredOffers = await expireDueOffers(deps, now, budget)
  const job = await deps.jobs.findById(SWEEP_JOB)
  const from = job ? new Date(job.horizon) : new Date(now.getTime() - FIRST_LOOK_BACK_MS)
  const to = new Date(now.getTime() - STALE_AFTER_MS)
  const full =
    options.full || !job?.lastFullPassAt || now.getTime() - new Date(job.lastFullPassAt).getTime() >= FULL_PASS_EVERY_MS
  const { courses, claimants } = full ? await liveCourses(deps, now) : await coursesWrittenBetween(deps, from, to)
  // The full pass asks each course for its claimants; a window knows them from the workers it read.
  const byCourse = claimants ? claimantsByCourse(claimants) : null

  for (const course of courses) {
    if (!budget.left()) return ok({ ...result, partial: true })
    const theirs = byCourse ? (byCourse.get(course._id) ?? []) : await claimantsOf(deps, course._id)
    result.repaired += await reconcileCourse(deps, course, now, theirs)
    result.coursesChecked++
  }
  if (!budget.left()) return ok({ ...result, partial: true })
  // Last, so the offers and expiries of this very run go out with it.
  result.noticesQueued = await deliverRecordNotices(deps, now, budget)
  const horizon = to.getTime() > from.getTime() ? to : from
  await deps.jobs.save({
    _id: SWEEP_JOB,
    horizon,
    lastFullPassAt: full ? now : (job?.lastFullPassAt ?? null),
    updatedAt: now,
  })
  return ok({ ...result, fullPass: full })
}

async function expireDueOffers(deps: EnrollmentDeps, now: Date, budget: Budget): Promise<number> {
  let expired = 0
  for (;;) {
    const due = await deps.enrollments.listExpiredOffers(now, PAGE)
    let progressed = false
    for (const doc of due) {
      if (!budget.left()) return expired
      if (await expireOffer(deps, doc, now)) {
        expired++
        progressed = true
      }
    }
    if (due.length < PAGE || !progressed) return expired
  }
}

async function pages<T>(read: (offset: number) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await read(offset)
    out.push(...page)
    if (page.length < PAGE) return out
  }
}

interface Candidates {
  courses: CourseDoc[]
  /**
   * Workers whose claims may have nothing behind them (a claim is only ever stranded by its own
   * write, so a window finds them among the workers written in it); null: ask each course.
   */
  claimants: UserDoc[] | null
}

/** Every live course. */
async function liveCourses(deps: EnrollmentDeps, now: Date): Promise<Candidates> {
  const cancelledSince = new Date(now.getTime() - CANCELLED_KEPT_MS)
  return { courses: await pages((offset) => deps.courses.listLive(now, cancelledSince, offset, PAGE)), claimants: null }
}

function claimantsOf(deps: EnrollmentDeps, courseId: string): Promise<UserDoc[]> {
  return pages((offset) => deps.users.listClaimants(courseId, offset, PAGE))
}

function claimantsByCourse(users: UserDoc[]): Map<string, UserDoc[]> {
  const out = new Map<string, UserDoc[]>()
  for (const u of users) for (const c of u.activeCourses ?? []) out.set(c, [...(out.get(c) ?? []), u])
  return out
}

/** Courses a record, a claim or the ledger itself was written for in [from, to). */
async function coursesWrittenBetween(deps: EnrollmentDeps, from: Date, to: Date): Promise<Candidates> {
  if (to.getTime() <= from.getTime()) return { courses: [], claimants: [] }
  const [records, claimants, ledgers] = await Promise.all([
    pages((offset) => deps.enrollments.listChangedBetween(from, to, offset, PAGE)),
    pages((offset) => deps.users.listClaimsChangedBetween(from, to, offset, PAGE)),
    pages((offset) => deps.courses.listChangedBetween(from, to, offset, PAGE)),
  ])
  const ids = new Set<string>(ledgers.map((c) => c._id))
  for (const r of records) ids.add(r.courseId)
  for (const u of claimants) for (const c of u.activeCourses ?? []) ids.add(c)
  const known = new Set(ledgers.map((c) => c._id))
  const missing = [...ids].filter((id) => !known.has(id))
  const more: CourseDoc[] = []
  for (let i = 0; i < missing.length; i += PAGE)
    more.push(...(await deps.courses.findByIds(missing.slice(i, i + PAGE))))
  return { courses: [...ledgers, ...more].filter((c) => c.status !== 'draft'), claimants }
}

/**
 * Settles every worker the course knows of: ledger places, records, and the claimants the caller found
 * (claims are found by worker, not by course: one query over workers instead of one per course).
 * Returns how many pairs needed a repair.
 */
export async function reconcileCourse(
  deps: EnrollmentDeps,
  course: CourseDoc,
  now: Date,
  claimants: UserDoc[],
): Promise<number> {
  const records = await deps.enrollments.listAllByCourse(course._id)
  const docs = new Map<string, EnrollmentDoc>(records.map((d) => [d.openid, d]))
  const users = new Map<string, UserDoc>(claimants.map((u) => [u._id, u]))
  const members = new Set<string>([...Object.keys(course.seats ?? {}), ...(course.waitlist ?? []), ...users.keys()])
  for (const d of records) if (isActive(d.status)) members.add(d.openid)
  const unknown = [...members].filter((o) => !users.has(o))
  for (let i = 0; i < unknown.length; i += PAGE) {
    for (const u of await deps.users.findByIds(unknown.slice(i, i + PAGE))) users.set(u._id, u)
  }
  let repaired = 0
  for (const openid of members) {
    const doc = docs.get(openid) ?? null
    const user = users.get(openid) ?? null
    if (!needsLook(course, openid, doc, user)) continue
    const repair: Repair = await settle(deps, course, openid, doc, user, now)
    if (repair !== 'none' && repair !== 'in-flight') repaired++
  }
  return repaired
}

/** Cheap pre-check so a healthy pair costs no request: record, ledger and claim agree. */
function needsLook(course: CourseDoc, openid: string, doc: EnrollmentDoc | null, user: UserDoc | null): boolean {
  const place = placeOf(course, openid)
  const claimed = !!user?.activeCourses?.includes(course._id)
  if (course.status === 'cancelled') return isActive(doc?.status) || claimed
  if (!place) return isActive(doc?.status) || claimed
  if (!doc || doc.status !== place || !claimed) return true
  return doc.status === 'offered' && !doc.offerExpiresAt
}
