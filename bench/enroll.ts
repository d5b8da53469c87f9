/**
 * `npm run bench:enroll` — the opening-hour rush, measured.
 * 100 courses × 50 seats, 5,000 signed-up workers, 20,000 calls (enrolls with double taps, some
 * cancels) from 4 OS processes, each an instance of the bundled `enrollment` function on the local
 * cloud sharing one SQLite file, with 1–20 ms simulated latency per request as in the real cloud.
 * A sampler reads the ledgers throughout. Then the same rush against the transaction variant, for the
 * comparison that chose the technique. Prints figures; asserts nothing (tests do that).
 */
import FakeTimers from '@sinonjs/fake-timers'
import fs from 'node:fs'
import path from 'node:path'
import { LocalCloud, runAs } from '../local-cloud'
import { DocStore } from '../local-cloud/store'
import type { CourseDoc } from '../server/repos/course-repo'
import { buildFunctions } from '../scripts/build-functions'
import { checkInvariants, ledgerProblems } from '../tests/helpers/invariants'
import { prng, seedStorm } from '../tests/helpers/enroll-fixture'
import { percentile, runStorm, seedStormFile } from '../tests/helpers/storm'
import type { StormCall, StormPlan, StormSummary } from '../tests/helpers/storm-worker'
import type { Reply } from '@core/reply'

const COURSES = Number(process.env.BENCH_COURSES ?? 100)
const CAPACITY = Number(process.env.BENCH_CAPACITY ?? 50)
const WORKERS = Number(process.env.BENCH_WORKERS ?? 5000)
const CALLS = Number(process.env.BENCH_CALLS ?? 20000)
const PROCESSES = 4
const CONCURRENCY = 16
const LATENCY: [number, number] = [1, 20]

function plan(courseIds: string[], openids: string[], calls: number, seed: number): StormCall[] {
  const random = prng(seed)
  const hot = courseIds.slice(0, 10)
  const out: StormCall[] = []
  for (let i = 0; i < calls; i++) {
    if (out.length > 0 && random() < 0.1) {
      // A worker who signed up earlier in the rush changes their mind.
      const earlier = out[Math.floor(random() * out.length)]
      out.push({ openid: earlier.openid, courseId: earlier.courseId, action: 'cancel' })
      continue
    }
    // A third of the rush lands on ten popular courses, as the AI courses did in Hangzhou.
    const courseId =
      random() < 0.33 ? hot[Math.floor(random() * hot.length)] : courseIds[Math.floor(random() * courseIds.length)]
    const openid = openids[Math.floor(random() * openids.length)]
    out.push({ openid, courseId, action: 'enroll', joinWaitlist: random() < 0.5, doubleTap: random() < 0.1 })
  }
  return out
}

function merge(summaries: StormSummary[]) {
  const outcomes: Record<string, number> = {}
  for (const s of summaries) for (const [k, v] of Object.entries(s.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v
  const latencies = summaries.flatMap((s) => s.latenciesMs)
  const elapsed = Math.max(...summaries.map((s) => s.elapsedMs))
  return {
    outcomes,
    latencies,
    elapsed,
    requests: summaries.reduce((n, s) => n + s.requests, 0),
    conflicts: summaries.reduce((n, s) => n + s.conflicts, 0),
  }
}

/** Sequential probes on a quiet course: exact requests per enroll (3 round trips: read, seat, claim ∥ record), and enroll vs a bare add. */
async function probe(dbFile: string) {
  const cloud = new LocalCloud({ dbFile, latencyMs: LATENCY })
  const fresh = seedStorm(cloud.store, { courses: 1, capacity: 500, workers: 100, now: new Date(), prefix: 'probe' })
  const courseId = fresh.courseIds[0]
  const openids = fresh.openids
  const sdk = cloud.sdk()
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
  cloud.store.addCollection('bench_scratch')
  const db = sdk.database()
  const n = openids.length
  let addMs = 0
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await runAs({ OPENID: openids[i] }, () => db.collection('bench_scratch').add({ data: { i, at: new Date() } }))
    addMs += performance.now() - t
  }
  let enrollMs = 0
  let trips = 0
  let ok = 0
  for (let i = 0; i < n; i++) {
    const before = cloud.totalRequests()
    const t = performance.now()
    const reply = await cloud.call<Reply<unknown>>('enrollment', { action: 'enroll', courseId }, { OPENID: openids[i] })
    enrollMs += performance.now() - t
    if (reply.ok) {
      ok++
      trips += cloud.totalRequests() - before
    }
  }
  cloud.close()
  return { addMs: addMs / n, enrollMs: enrollMs / n, tripsPerEnroll: ok ? trips / ok : NaN, probes: n }
}

async function rush(mode: StormPlan['mode'], calls: number) {
  const { dbFile, courseIds, openids } = seedStormFile(`bench-${mode}`, {
    courses: COURSES,
    capacity: CAPACITY,
    workers: WORKERS,
  })
  const all = plan(courseIds, openids, calls, 2026).filter((c) => mode === 'ledger' || c.action === 'enroll')
  const plans: StormPlan[] = Array.from({ length: PROCESSES }, (_, k) => ({
    dbFile,
    mode,
    concurrency: CONCURRENCY,
    latencyMs: LATENCY,
    calls: all.filter((_, i) => i % PROCESSES === k),
  }))
  const sampler = new DocStore(dbFile)
  let samples = 0
  const midway = new Set<string>()
  const summaries = await runStorm(plans, async (finished) => {
    while (!finished()) {
      const rows = sampler.db.prepare("SELECT data FROM docs WHERE coll = 'courses'").all() as { data: string }[]
      for (const r of rows) for (const p of ledgerProblems(JSON.parse(r.data) as CourseDoc)) midway.add(p)
      samples++
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  })
  const rushed = checkInvariants(sampler)
  // Then one reconciler sweep, as the timer runs every 5 minutes, with its clock past the settle time.
  const sweeper = new LocalCloud({ dbFile })
  const clock = FakeTimers.install({ now: Date.now() + 5 * 60_000, toFake: ['Date'] })
  const sweep = await sweeper.call<Reply<{ repaired: number }>>(
    'enrollment',
    { Type: 'Timer' },
    { SOURCE: 'wx_trigger' },
  )
  clock.uninstall()
  sweeper.close()
  const report = checkInvariants(sampler)
  const courses = sampler.db.prepare("SELECT data FROM docs WHERE coll = 'courses'").all() as { data: string }[]
  const taken = courses.map((r) => (JSON.parse(r.data) as CourseDoc).seatsTaken)
  sampler.close()
  const probes = mode === 'ledger' ? await probe(dbFile) : null
  fs.rmSync(path.dirname(dbFile), { recursive: true, force: true })
  return { ...merge(summaries), rushed, sweep, report, samples, midway: [...midway], taken, probes, calls: all.length }
}

function line(label: string, value: string | number) {
  console.log(`  ${label.padEnd(44)} ${value}`)
}

async function main() {
  await buildFunctions()
  console.log(
    `enrollment rush: ${COURSES} courses × ${CAPACITY} seats, ${WORKERS} workers, ${CALLS} calls, ` +
      `${PROCESSES} processes × ${CONCURRENCY} concurrent, ${LATENCY[0]}–${LATENCY[1]} ms per request\n`,
  )
  for (const mode of ['ledger', 'transaction'] as const) {
    const calls = mode === 'ledger' ? CALLS : Math.round(CALLS / 4)
    const r = await rush(mode, calls)
    const enrolls = Object.entries(r.outcomes).filter(([k]) => k.startsWith('enroll:'))
    const enrollCalls = enrolls.reduce((n, [, v]) => n + v, 0)
    const seatsGot = r.outcomes['enroll:enrolled'] ?? 0
    const busy = Object.entries(r.outcomes)
      .filter(([k]) => /BUSY/.test(k))
      .reduce((n, [, v]) => n + v, 0)
    console.log(
      mode === 'ledger'
        ? 'ledger (chosen): conditional seat update → claim ∥ deterministic record'
        : 'transaction variant (not chosen): runTransaction on the course document, 3 attempts',
    )
    line('calls (enroll + cancel)', `${r.calls} (${enrollCalls} enroll replies incl. double taps)`)
    line(
      'seats taken / capacity',
      `${r.report.seatsTaken} / ${r.report.capacity}  (per course ${Math.min(...r.taken)}–${Math.max(...r.taken)} of ${CAPACITY})`,
    )
    line('oversold courses', r.report.oversold.length)
    line('duplicate enrollments', r.report.duplicates)
    line('records behind the ledger right after the rush', r.rushed.ledgerMismatch.length)
    line(
      '… after one reconciler sweep',
      `${r.report.ledgerMismatch.length} (sweep repaired ${r.sweep.ok ? r.sweep.data.repaired : '?'})`,
    )
    line('lost seats (free seat while someone waits)', r.report.lostSeats.length)
    line(
      'workers over the 3-course limit',
      mode === 'ledger' ? r.report.overLimitWorkers.length : 'n/a (the variant has no per-worker rules)',
    )
    line('invariant breaks seen mid-rush (samples)', `${r.midway.length} (${r.samples} samples)`)
    line('BUSY replies', busy)
    line('transaction conflicts retried', mode === 'ledger' ? 'n/a (no transactions)' : r.conflicts)
    line(
      'latency p50 / p99',
      `${percentile(r.latencies, 50).toFixed(1)} ms / ${percentile(r.latencies, 99).toFixed(1)} ms`,
    )
    line('calls per second (all processes)', (r.latencies.length / (r.elapsed / 1000)).toFixed(0))
    line('seats taken per second', (seatsGot / (r.elapsed / 1000)).toFixed(0))
    line('database requests per call (whole rush)', (r.requests / r.latencies.length).toFixed(2))
    if (r.probes) {
      line('requests per successful enroll (probe)', r.probes.tripsPerEnroll.toFixed(2))
      line(
        'one enroll ÷ one bare add (probe)',
        `${(r.probes.enrollMs / r.probes.addMs).toFixed(2)}  (${r.probes.enrollMs.toFixed(1)} ms vs ${r.probes.addMs.toFixed(1)} ms)`,
      )
    }
    line('outcomes', JSON.stringify(r.outcomes))
    const details = [...r.report.ledgerMismatch, ...r.midway]
    if (mode === 'ledger') details.push(...r.report.overLimitWorkers, ...r.report.problems)
    if (details.length > 0) line('first problems', details.slice(0, 8).join('; '))
    console.log('')
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
