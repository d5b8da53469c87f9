/**
 * A small course in motion for seat-lifecycle tests: the real repositories over the local cloud's real
 * SDK, in this process, so a test can drive the use cases directly, reorder their database requests
 * with fast-check's scheduler, and check the invariants afterwards.
 */
import type fc from 'fast-check'
import { LocalCloud } from '../../local-cloud'
import type { Db } from '../../server/cloud'
import { COLLECTIONS } from '../../server/collections'
import { createRepos, type Repos } from '../../server/repos'
import type { CourseDoc } from '../../server/repos/course-repo'
import type { EnrollmentDoc } from '../../server/repos/enrollment-repo'
import type { UserDoc } from '../../server/repos/user-repo'
import { STALE_AFTER_MS, sweepEnrollments } from '../../server/enrollment'
import { seedStorm } from './enroll-fixture'
import { checkInvariants } from './invariants'

export const T0 = new Date('2026-12-01T01:00:00.000Z')
export const later = (ms: number, from = T0) => new Date(from.getTime() + ms)
/** Past every function's timeout: whatever was written before is no longer in flight. */
export const AFTER_STALE = STALE_AFTER_MS + 1_000

export interface LifecycleFixture {
  cloud: LocalCloud
  deps: Repos
  courseId: string
  workers: string[]
  course(): CourseDoc
  record(openid: string): EnrollmentDoc | null
  user(openid: string): UserDoc
  notices(): { _id: string; openid: string; kind: string }[]
  /** Every broken invariant, after recovery has had its chance. */
  problems(now: Date): string[]
  /** The enrollment timer, full pass, at `now`. */
  sweep(now: Date): Promise<void>
  close(): void
}

export function startLifecycle(options: { capacity: number; workers: number }): LifecycleFixture {
  const cloud = new LocalCloud({ dbFile: ':memory:' })
  const { courseIds, openids } = seedStorm(cloud.store, { ...options, courses: 1, now: T0 })
  const sdk = cloud.sdk()
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
  const deps = createRepos(sdk.database() as Db)
  const courseId = courseIds[0]
  const one = <T>(coll: string, id: string) => (cloud.store.find(coll, { _id: id }) as unknown as T[])[0] ?? null
  return {
    cloud,
    deps,
    courseId,
    workers: openids,
    course: () => one<CourseDoc>(COLLECTIONS.courses, courseId) as CourseDoc,
    record: (openid) => one<EnrollmentDoc>(COLLECTIONS.enrollments, `${courseId}_${openid}`),
    user: (openid) => one<UserDoc>(COLLECTIONS.users, openid) as UserDoc,
    notices: () =>
      cloud.store.find(COLLECTIONS.notices, {}) as unknown as { _id: string; openid: string; kind: string }[],
    problems(now) {
      const r = checkInvariants(cloud.store, now)
      // Recovery has run whenever this is asked: nothing may be owed either.
      return [
        ...r.problems,
        ...r.owed,
        ...r.oversold,
        ...r.ledgerMismatch,
        ...r.lostSeats,
        ...r.overLimitWorkers,
      ].concat(r.duplicates ? [`${r.duplicates} duplicate records`] : [])
    },
    async sweep(now) {
      const reply = await sweepEnrollments(deps, now, 60_000, { full: true })
      if (!reply.ok || reply.data.partial) throw new Error(`sweep did not finish: ${JSON.stringify(reply)}`)
    },
    close: () => cloud.close(),
  }
}

/**
 * The same repositories, but every database request waits for the scheduler to let it go, so the
 * scheduler decides the order in which concurrent use cases' requests reach the database. `only`
 * names the repositories to wrap when `deps` holds other things too (secrets, clocks).
 */
export function scheduledRepos<T extends object>(deps: T, s: fc.Scheduler, only?: (keyof T)[]): T {
  const wrap = (name: string, repo: object) =>
    Object.fromEntries(
      Object.entries(repo).map(([method, fn]) => [
        method,
        typeof fn === 'function'
          ? (...args: unknown[]) =>
              s.schedule(Promise.resolve(`${name}.${method}`)).then(() => (fn as (...a: unknown[]) => unknown)(...args))
          : fn,
      ]),
    )
  const keys = only ?? (Object.keys(deps) as (keyof T)[])
  const out = { ...deps }
  for (const key of keys) out[key] = wrap(String(key), deps[key] as object) as T[keyof T]
  return out
}
