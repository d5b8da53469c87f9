/**
 * `npm run bench:faults` — the opening-hour rush of bench:enroll while function instances die: 1 % of
 * invocations crash right after a database request drawn at random (as a timeout kills a WeChat
 * function), with concurrent cancels, confirms and declines. Afterwards the enrollment timer sweeps
 * until nothing changes. Prints crashes injected, sweeps to converge, what the invariant checker finds,
 * seats taken vs capacity, and workers stuck (a worker is stuck when, after recovery, they cannot give
 * back what they hold and delete their profile). Asserts nothing; tests do that.
 */
import FakeTimers from '@sinonjs/fake-timers'
import { LocalCloud } from '../local-cloud'
import { checkInvariants } from '../local-cloud/check'
import { buildFunctions } from '../scripts/build-functions'
import { STALE_AFTER_MS } from '../server/enrollment'
import type { CourseDoc } from '../server/repos/course-repo'
import { COLLECTIONS } from '../server/collections'
import { prng } from '../tests/helpers/enroll-fixture'
import { runStorm, seedStormFile } from '../tests/helpers/storm'
import type { StormCall, StormPlan } from '../tests/helpers/storm-worker'
import type { Reply } from '@core/reply'

const COURSES = Number(process.env.BENCH_COURSES ?? 100)
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 50)
const WORKERS = Number(process.env.BENCH_WORKERS ?? 10000)
const CALLS = Number(process.env.BENCH_CALLS ?? 20000)
const CRASH_RATE = Number(process.env.BENCH_CRASH_RATE ?? 0.01)
const PROCESSES = 4
const CONCURRENCY = 16
const LATENCY: [number, number] = [1, 20]

function plan(courseIds: string[], openids: string[], seed: number): StormCall[] {
  const random = prng(seed)
  const hot = courseIds.slice(0, 10)
  const out: StormCall[] = []
  for (let i = 0; i < CALLS; i++) {
    const r = random()
    if (out.length > 0 && r < 0.2) {
      // Someone who tapped earlier cancels, or answers an offer they may have been given meanwhile.
      const earlier = out[Math.floor(random() * out.length)]
      const action = r < 0.1 ? 'cancel' : r < 0.16 ? 'confirmOffer' : 'declineOffer'
      out.push({ openid: earlier.openid, courseId: earlier.courseId, action })
      continue
    }
    const courseId =
      random() < 0.33 ? hot[Math.floor(random() * hot.length)] : courseIds[Math.floor(random() * courseIds.length)]
    const openid = openids[Math.floor(random() * openids.length)]
    out.push({ openid, courseId, action: 'enroll', joinWaitlist: random() < 0.5, doubleTap: random() < 0.1 })
  }
  return out
}

/** The enrollment timer, run again and again with the clock past STALE_AFTER_MS, until it repairs nothing. */
async function sweepUntilQuiet(cloud: LocalCloud, start: Date): Promise<{ sweeps: number; repaired: number }> {
  let repaired = 0
  for (let sweeps = 1; sweeps <= 20; sweeps++) {
    const clock = FakeTimers.install({ now: start.getTime() + sweeps * 5 * 60_000, toFake: ['Date'] })
    try {
      const reply = await cloud.call<Reply<{ repaired: number; expiredOffers: number; partial: boolean }>>(
        'enrollment',
        { Type: 'Timer', TriggerName: 'sweep', Time: new Date().toISOString() },
        { SOURCE: 'wx_trigger' },
      )
      if (!reply.ok) throw new Error(JSON.stringify(reply))
      repaired += reply.data.repaired + reply.data.expiredOffers
      if (reply.data.repaired === 0 && reply.data.expiredOffers === 0 && !reply.data.partial)
        return { sweeps, repaired }
    } finally {
      clock.uninstall()
    }
  }
  return { sweeps: Infinity, repaired }
}

/**
 * One timer run forced into its full pass (every live course, whatever was written), with the rush's
 * request latency: it must fit the enrollment function's time limit at programme scale.
 */
async function fullPass(dbFile: string, at: Date) {
  const cloud = new LocalCloud({ dbFile, latencyMs: LATENCY })
  cloud.store.remove(COLLECTIONS.jobs, {}, true)
  const clock = FakeTimers.install({ now: at.getTime(), toFake: ['Date'] })
  const started = performance.now()
  try {
    const run = await cloud.callWithStats<Reply<{ coursesChecked: number; partial: boolean; fullPass: boolean }>>(
      'enrollment',
      { Type: 'Timer', TriggerName: 'sweep', Time: new Date().toISOString() },
      { SOURCE: 'wx_trigger' },
    )
    return { ms: performance.now() - started, requests: run.stats.requests, died: !!run.died, reply: run.reply }
  } finally {
    clock.uninstall()
    cloud.close()
  }
}

/** After recovery, every worker the crashes touched gives back what they hold and deletes their profile. */
async function stuckWorkers(cloud: LocalCloud, touched: string[], at: Date): Promise<string[]> {
  const stuck: string[] = []
  const clock = FakeTimers.install({ now: at.getTime(), toFake: ['Date'] })
  try {
    for (const openid of touched) {
      const call = (fn: string, action: string, data: Record<string, unknown> = {}) =>
        cloud.call<Reply<unknown>>(fn, { action, ...data }, { OPENID: openid })
      const mine = (await call('enrollment', 'myEnrollments')) as Reply<{
        active: { courseId: string; status: string }[]
      }>
      let ok = mine.ok
      for (const e of mine.ok ? mine.data.active : []) {
        const action = e.status === 'offered' ? 'declineOffer' : 'cancel'
        ok = (await call('enrollment', action, { courseId: e.courseId })).ok && ok
      }
      ok = (await call('user', 'deleteProfile', { confirm: true })).ok && ok
      if (!ok) stuck.push(openid)
    }
  } finally {
    clock.uninstall()
  }
  return stuck
}

async function main(): Promise<void> {
  await buildFunctions()
  const { dbFile, courseIds, openids } = seedStormFile('bench-faults', {
    courses: COURSES,
    capacity: CAPACITY,
    workers: WORKERS,
  })

  const calls = plan(courseIds, openids, 11)
  const plans: StormPlan[] = Array.from({ length: PROCESSES }, (_, k) => ({
    dbFile,
    mode: 'ledger',
    concurrency: CONCURRENCY,
    latencyMs: LATENCY,
    calls: calls.filter((_, i) => i % PROCESSES === k),
  }))
  // Every storm process reads the fault plan from the environment; each gets its own seed.
  process.env.LOCAL_CLOUD_FAULTS = JSON.stringify({ crashRate: CRASH_RATE, seed: 42 })
  const started = Date.now()
  const summaries = await runStorm(plans)
  delete process.env.LOCAL_CLOUD_FAULTS
  const rushMs = Date.now() - started
  const died = summaries.flatMap((s) => s.died)

  const cloud = new LocalCloud({ dbFile })
  const right = checkInvariants(cloud.store, { now: new Date() })
  const before = right.problems.length + right.owed.length
  const recoveryStart = new Date(Date.now() + STALE_AFTER_MS)
  const { sweeps, repaired } = await sweepUntilQuiet(cloud, recoveryStart)
  const now = new Date(recoveryStart.getTime() + 21 * 5 * 60_000)
  const settled = checkInvariants(cloud.store, { now })
  const problems = [...settled.problems, ...settled.owed]
  const courses = cloud.store.find(COLLECTIONS.courses, {}) as unknown as CourseDoc[]
  const taken = courses.reduce((n, c) => n + c.seatsTaken, 0)
  const capacity = courses.reduce((n, c) => n + c.capacity, 0)
  cloud.close()
  const pass = await fullPass(dbFile, now)
  const reopened = new LocalCloud({ dbFile })
  const touched = [...new Set(died)]
  const stuck = await stuckWorkers(reopened, touched, now)
  const left = checkInvariants(reopened.store, { now })
  // What leaving owes the timer (a decline's claim and its head's promotion) is gone after it runs.
  const later = new Date(now.getTime() + STALE_AFTER_MS)
  await sweepUntilQuiet(reopened, later)
  const cleared = checkInvariants(reopened.store, { now: new Date(later.getTime() + 21 * 5 * 60_000) })
  reopened.close()

  const outcomes: Record<string, number> = {}
  for (const s of summaries) for (const [k, v] of Object.entries(s.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v
  console.log(
    `bench:faults — ${CALLS} calls from ${PROCESSES} processes × ${CONCURRENCY}, ${COURSES} courses × ${CAPACITY} seats,`,
  )
  console.log(`  ${WORKERS} workers, ${LATENCY[0]}–${LATENCY[1]} ms per request, crash rate ${CRASH_RATE * 100} %`)
  console.log(`  rush: ${(rushMs / 1000).toFixed(1)} s; outcomes ${JSON.stringify(outcomes)}`)
  console.log(`  crashes injected:                 ${died.length} (${touched.length} workers)`)
  console.log(
    `  problems right after the rush:    ${before} (half-finished calls and steps owed to the timer, before any sweep)`,
  )
  console.log(`  sweeps to converge:               ${sweeps} (${repaired} repairs and expired offers)`)
  console.log(
    `  problems the checker finds:       ${problems.length}${problems.length ? ' ' + JSON.stringify(problems.slice(0, 5)) : ''}`,
  )
  console.log(`  seats taken / capacity:           ${taken} / ${capacity}`)
  console.log(
    `  workers stuck:                    ${stuck.length} of ${touched.length} crashed workers${stuck.length ? ' ' + stuck.slice(0, 5).join(', ') : ''}`,
  )
  console.log(`  problems after they all left:     ${left.problems.length}`)
  console.log(`  steps owed to the timer then:     ${left.owed.length} ${codes(left.owed)}`)
  if (left.problems.length) for (const p of left.problems.slice(0, 10)) console.log(`    ${p.code} ${p.detail}`)
  console.log(`  problems and steps owed after the timer: ${cleared.problems.length + cleared.owed.length}`)
  const checked = pass.reply?.ok ? pass.reply.data : null
  console.log(
    `  full pass (every live course):    ${(pass.ms / 1000).toFixed(1)} s, ${pass.requests} requests, ` +
      `${checked?.coursesChecked ?? '?'} courses, partial: ${checked?.partial ?? '?'}, died: ${pass.died} (limit 20 s)`,
  )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

/** `{"CODE":n,…}` of a list of findings. */
function codes(found: { code: string }[]): string {
  const n: Record<string, number> = {}
  for (const p of found) n[p.code] = (n[p.code] ?? 0) + 1
  return found.length ? JSON.stringify(n) : ''
}
