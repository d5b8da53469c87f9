/**
 * No-shows under concurrency (issue 6, cases 6 and 9): overlapping no-show runs and a 补签 racing them,
 * their database requests put in every order fast-check's scheduler finds, on the real repositories
 * over the local cloud's real SDK in this process. Counts must come out exact.
 */
import { scheduledRepos } from '../helpers/lifecycle-fixture'
import fc from 'fast-check'
import { LocalCloud } from '../../local-cloud'
import type { Db } from '../../server/cloud'
import { COLLECTIONS } from '../../server/collections'
import { createRepos } from '../../server/repos'
import type { UserDoc } from '../../server/repos/user-repo'
import { countNoShows, markAttendance, type CheckinDeps } from '../../server/checkin'
import { workerRef } from '../../server/checkin/token'
import { ENROLL_RULES } from '@core/contracts/enrollment'
import { moveOnlyLesson, seatWorkers, seedStorm } from '../helpers/enroll-fixture'

jest.setTimeout(120_000)

const T0 = new Date('2026-12-01T01:00:00.000Z')
const HOUR = 3600_000
const DAY = 24 * HOUR
const SECRET = 'no-show-test-secret-0123456789'
const STAFF = 'o_staff_test'

interface Programme {
  cloud: LocalCloud
  deps: CheckinDeps
  workers: string[]
  lessons: string[]
  user(openid: string): UserDoc
}

/** `workers` seated in `courses` one-lesson courses whose lessons ended on successive days before T0. */
function programme(courses: number, workers: number): Programme {
  const cloud = new LocalCloud({ dbFile: ':memory:' })
  const { courseIds, openids } = seedStorm(cloud.store, { courses, capacity: workers, workers, now: T0 })
  courseIds.forEach((id, i) => {
    seatWorkers(cloud.store, id, openids, T0)
    moveOnlyLesson(cloud.store, id, new Date(T0.getTime() - (courses - i) * DAY))
  })
  cloud.store.insert(COLLECTIONS.users, [{ _id: STAFF, role: 'staff', name: '工作人员' }])
  const sdk = cloud.sdk()
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
  const repos = createRepos(sdk.database() as Db)
  const deps: CheckinDeps = { ...repos, images: { draw: async () => Buffer.alloc(0) }, secret: () => SECRET }
  return {
    cloud,
    deps,
    workers: openids,
    lessons: courseIds.map((id) => `${id}_l1`),
    user: (openid) => cloud.store.find(COLLECTIONS.users, { _id: openid })[0] as unknown as UserDoc,
  }
}

const suspendFor = ENROLL_RULES.noShow.suspendDays * DAY

it('counts every lesson once per worker, whatever order two overlapping runs and a 补签 reach the database', async () => {
  await fc.assert(
    fc.asyncProperty(fc.scheduler(), fc.boolean(), async (s, withMark) => {
      const p = programme(4, 3)
      try {
        const deps = scheduledRepos(p.deps, s, ['users', 'courses', 'lessons', 'enrollments', 'attendance'])
        const [a, b] = p.workers
        const running: Promise<unknown>[] = [countNoShows(deps, T0, 60_000), countNoShows(deps, T0, 60_000)]
        // Staff mark worker a present at the last lesson while the runs are counting it.
        const last = p.lessons[3]
        if (withMark) {
          running.push(
            markAttendance(deps, STAFF, { lessonId: last, ref: workerRef(SECRET, last, a), reason: '手机没电' }, T0),
          )
        }
        // waitFor, not waitAll: each request is scheduled only after the previous one's real I/O.
        const replies = await s.waitFor(Promise.all(running))
        const counted = replies
          .slice(0, 2)
          .reduce((n: number, r) => n + (r as { ok: true; data: { noShows: number } }).data.noShows, 0)
        const lessonsOf = (openid: string) =>
          p
            .user(openid)
            .noShows.map((n) => n.lessonId)
            .sort()
        expect(lessonsOf(b)).toEqual(p.lessons)
        expect(p.user(b).noShowCount).toBe(4)
        expect(p.user(b).suspendedUntil).toEqual(new Date(T0.getTime() - DAY + 2 * HOUR + suspendFor))
        expect(lessonsOf(a)).toEqual(withMark ? p.lessons.slice(0, 3) : p.lessons)
        expect(p.user(a).noShowCount).toBe(withMark ? 3 : 4)
        // With the last lesson attended, the third no-show (two days ago) set the suspension.
        const aUntil = T0.getTime() - (withMark ? 2 : 1) * DAY + 2 * HOUR + suspendFor
        expect(p.user(a).suspendedUntil).toEqual(new Date(aUntil))
        // Between them the runs report each no-show they added, and a taken-back one at most once more.
        expect(counted).toBeGreaterThanOrEqual(withMark ? 11 : 12)
        expect(counted).toBeLessThanOrEqual(12)
      } finally {
        p.cloud.close()
      }
    }),
    { numRuns: 25 },
  )
})

it('loses no count when two runs overlap on 50 workers and 4 lessons', async () => {
  const p = programme(4, 50)
  try {
    const [one, two] = await Promise.all([countNoShows(p.deps, T0, 60_000), countNoShows(p.deps, T0, 60_000)])
    const users = p.workers.map((o) => p.user(o))
    expect(users.map((u) => u.noShowCount)).toEqual(p.workers.map(() => 4))
    expect(users.every((u) => new Set(u.noShows.map((n) => n.lessonId)).size === 4)).toBe(true)
    expect((one.ok ? one.data.noShows : 0) + (two.ok ? two.data.noShows : 0)).toBe(200)
    expect(p.cloud.store.count(COLLECTIONS.lessons, { noShowsRecordedAt: { $exists: true } })).toBe(4)
    // A third run finds nothing left to count.
    expect(await countNoShows(p.deps, T0, 60_000)).toMatchObject({ ok: true, data: { lessons: 0, noShows: 0 } })
  } finally {
    p.cloud.close()
  }
})

/** The same repositories, with one write dying once, as a function instance killed at that request. */
function dyingOnce(deps: CheckinDeps, method: 'extendSuspension' | 'resetSuspension'): CheckinDeps {
  let died = false
  const users = {
    ...deps.users,
    [method]: (...args: unknown[]) => {
      if (!died) {
        died = true
        return Promise.reject(new Error('instance stopped'))
      }
      return (deps.users[method] as (...a: unknown[]) => Promise<boolean>)(...args)
    },
  }
  return { ...deps, users }
}

it('finishes a suspension the next run owes when a run died after recording the no-show', async () => {
  const p = programme(3, 1)
  try {
    const [worker] = p.workers
    const deps = dyingOnce(p.deps, 'extendSuspension')
    await expect(countNoShows(deps, T0, 60_000)).rejects.toThrow('instance stopped')
    expect(p.user(worker)).toMatchObject({ noShowCount: 3, suspendedUntil: new Date(0) })
    expect(await countNoShows(deps, T0, 60_000)).toMatchObject({ ok: true, data: { noShows: 0, suspended: 1 } })
    expect(p.user(worker)).toMatchObject({ noShowCount: 3, suspendedBy: p.lessons[2] })
    expect(p.user(worker).suspendedUntil).toEqual(new Date(T0.getTime() - DAY + 2 * HOUR + suspendFor))
  } finally {
    p.cloud.close()
  }
})

it('finishes lifting a suspension when a 补签 is repeated after dying midway', async () => {
  const p = programme(3, 1)
  try {
    const [worker] = p.workers
    await countNoShows(p.deps, T0, 60_000)
    expect(new Date(p.user(worker).suspendedUntil).getTime()).toBeGreaterThan(T0.getTime())
    const last = p.lessons[2]
    const input = { lessonId: last, ref: workerRef(SECRET, last, worker), reason: '手机没电' }
    const deps = dyingOnce(p.deps, 'resetSuspension')
    await expect(markAttendance(deps, STAFF, input, T0)).rejects.toThrow('instance stopped')
    expect(p.user(worker).noShowCount).toBe(2)
    expect(await markAttendance(deps, STAFF, input, T0)).toEqual({ ok: true, data: { status: 'already' } })
    expect(p.user(worker)).toMatchObject({ noShowCount: 2, suspendedUntil: new Date(0), suspendedBy: null })
  } finally {
    p.cloud.close()
  }
})
