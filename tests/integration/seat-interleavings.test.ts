/**
 * Concurrent seat-lifecycle operations, their database requests put in every order fast-check's
 * scheduler can find: after they finish and the sweep has run, not one invariant is broken.
 */
import fc from 'fast-check'
import { cancelEnrollment, confirmOffer, declineOffer, enroll } from '../../server/enrollment'
import { setCapacity } from '../../server/admin/set-capacity'
import { cancelCourse } from '../../server/admin/cancel-course'
import type { Repos } from '../../server/repos'
import {
  AFTER_STALE,
  later,
  scheduledRepos,
  startLifecycle,
  T0,
  type LifecycleFixture,
} from '../helpers/lifecycle-fixture'
import { ledgerProblems } from '../helpers/invariants'

jest.setTimeout(120_000)

const NOW = later(3600_000)

/** Two seated (w0, w1), two waiting (w2 at the head, w3), two free (w4, w5). */
async function courseInMotion(): Promise<LifecycleFixture> {
  const f = startLifecycle({ capacity: 2, workers: 6 })
  const [w0, w1, w2, w3] = f.workers
  for (const w of [w0, w1, w2, w3]) {
    const r = await enroll(f.deps, w, { courseId: f.courseId, joinWaitlist: true }, T0)
    if (!r.ok) throw new Error(`setup: ${w} ${r.error.code}`)
  }
  return f
}

type Op = (deps: Repos, f: LifecycleFixture) => Promise<unknown>

const OPS: Record<string, Op> = {
  'w0 cancels (seated)': (d, f) => cancelEnrollment(d, f.workers[0], f.courseId, NOW),
  'w1 cancels (seated)': (d, f) => cancelEnrollment(d, f.workers[1], f.courseId, NOW),
  'w2 cancels (head of the waitlist)': (d, f) => cancelEnrollment(d, f.workers[2], f.courseId, NOW),
  'w3 cancels (waiting)': (d, f) => cancelEnrollment(d, f.workers[3], f.courseId, NOW),
  'w2 confirms an offer': (d, f) => confirmOffer(d, f.workers[2], f.courseId, NOW),
  'w2 declines an offer': (d, f) => declineOffer(d, f.workers[2], f.courseId, NOW),
  'w4 enrolls or waits': (d, f) => enroll(d, f.workers[4], { courseId: f.courseId, joinWaitlist: true }, NOW),
  'w4 taps again': (d, f) => enroll(d, f.workers[4], { courseId: f.courseId, joinWaitlist: true }, NOW),
  'w5 enrolls or waits': (d, f) => enroll(d, f.workers[5], { courseId: f.courseId, joinWaitlist: true }, NOW),
  'staff add a seat': (d, f) => setCapacity(d, { courseId: f.courseId, capacity: 3 }, NOW),
  'staff cancel the course': (d, f) => cancelCourse(d, { courseId: f.courseId, reason: '讲师临时有事，课程取消' }, NOW),
}

const opNames = Object.keys(OPS)

it('keeps every invariant whatever order concurrent pairs and triples of operations reach the database', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.scheduler(),
      fc.uniqueArray(fc.constantFrom(...opNames), { minLength: 2, maxLength: 3 }),
      async (s, names) => {
        const f = await courseInMotion()
        try {
          const deps = scheduledRepos(f.deps, s)
          const running = names.map((n) => OPS[n](deps, f))
          // Releases the scheduled requests one at a time, in the order fast-check picks, until all are done.
          await s.waitFor(Promise.all(running))
          // The ledger itself is exact at every step, crash or not.
          expect(ledgerProblems(f.course())).toEqual([])
          await f.sweep(later(AFTER_STALE, NOW))
          expect(f.problems(later(AFTER_STALE, NOW))).toEqual([])
        } finally {
          f.close()
        }
      },
    ),
    { numRuns: 150 },
  )
})

it('never tells a worker who has just left the waitlist that a seat is held for them (case 4)', async () => {
  const f = await courseInMotion()
  const [w0, , w2, w3] = f.workers
  // w2 flips their own record first; w0's cancel then hands the freed seat to w2 in the ledger.
  const w2Flip = await f.deps.enrollments.transition(`${f.courseId}_${w2}`, 'waitlisted', { status: 'cancelled' }, NOW)
  expect(w2Flip).toBe(true)
  expect(await cancelEnrollment(f.deps, w0, f.courseId, NOW)).toEqual({ ok: true, data: { status: 'cancelled' } })
  // The seat went on to the next in line, and only they were told.
  expect(f.course().seats).toMatchObject({ [w3]: 'offered' })
  expect(f.course().seats[w2]).toBeUndefined()
  expect(f.record(w3)).toMatchObject({ status: 'offered' })
  expect(f.record(w3)?.offerExpiresAt).toBeTruthy()
  await f.sweep(NOW) // the timer moves the notices records owe into the outbox
  expect(
    f
      .notices()
      .filter((n) => n.kind === 'offer')
      .map((n) => n.openid),
  ).toEqual([w3])
  // w2's own call now finishes its give-back without freeing anything twice.
  await f.sweep(later(AFTER_STALE, NOW))
  expect(f.course()).toMatchObject({ seatsTaken: 2, waitlistLength: 0 })
  expect(f.user(w2).activeCourses).toEqual([])
  expect(f.problems(later(AFTER_STALE, NOW))).toEqual([])
  f.close()
})
