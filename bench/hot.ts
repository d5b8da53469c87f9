/**
 * `npm run bench:hot` — one hot course: 80 seats, 5,000 workers arriving within one second (half of
 * them ask for the waitlist), 10–20 ms per request, the bundled `enrollment` function in 4 OS
 * processes on one SQLite file. Run without quotas and with the platform's base quota. Prints figures;
 * asserts nothing (tests do that).
 *   npm run bench:hot                     both settings
 *   npm run bench:hot -- --vs <commit>    also the same rush (no quotas) on <commit>'s local cloud,
 *                                         alternating, to compare the local cloud's requests per second
 * A worker told to try again (quota refusal, BUSY, internal error) taps again after 1–3 s, up to 10 times.
 * Environment: HOT_WORKERS, HOT_CAPACITY, HOT_PROCESSES, HOT_ROUNDS (rounds of the --vs comparison),
 * HOT_QUOTAS=none|base (one setting only), STORM_CPU_PROF=<dir> (a CPU profile per worker process).
 */
import { execSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BASE_QUOTA, type QuotaPlan } from '../local-cloud'
import { DocStore } from '../local-cloud/store'
import { FUNCTIONS_DIR } from '../local-cloud/functions'
import { buildFunctions } from '../scripts/build-functions'
import { checkInvariants } from '../tests/helpers/invariants'
import { prng } from '../tests/helpers/enroll-fixture'
import { percentile, runStorm, seedStormFile } from '../tests/helpers/storm'
import type { StormCall, StormPlan, StormSummary } from '../tests/helpers/storm-worker'

const WORKERS = Number(process.env.HOT_WORKERS ?? 5000)
const CAPACITY = Number(process.env.HOT_CAPACITY ?? 80)
const PROCESSES = Number(process.env.HOT_PROCESSES ?? 4)
const ROUNDS = Number(process.env.HOT_ROUNDS ?? 2)
const LATENCY: [number, number] = [10, 20]
const ARRIVALS_MS = 1000
/** A worker told to try again taps again after 1–3 s, at most 10 times. */
const RETRY = { pauseMs: [1000, 3000] as [number, number], maxAttempts: 10 }

interface Rush {
  summaries: StormSummary[]
  oversold: number
  seated: number
  waiting: number
}

async function rush(quotas: QuotaPlan | undefined, worker?: string): Promise<Rush> {
  const { dbFile, courseIds, openids } = seedStormFile('bench-hot', {
    courses: 1,
    capacity: CAPACITY,
    workers: WORKERS,
  })
  const random = prng(7)
  const calls: StormCall[] = openids.map((openid) => ({
    openid,
    courseId: courseIds[0],
    action: 'enroll',
    joinWaitlist: random() < 0.5,
    atMs: Math.floor(random() * ARRIVALS_MS),
  }))
  const plans: StormPlan[] = Array.from({ length: PROCESSES }, (_, k) => ({
    dbFile,
    mode: 'ledger',
    concurrency: 1,
    latencyMs: LATENCY,
    quotas,
    functionsDir: FUNCTIONS_DIR,
    retry: RETRY,
    calls: calls.filter((_, i) => i % PROCESSES === k),
  }))
  const summaries = await runStorm(plans, undefined, { worker, quiet: true })
  const store = new DocStore(dbFile)
  const report = checkInvariants(store)
  const course = store.find('courses', { _id: courseIds[0] })[0] as { seatsTaken: number; waitlist: unknown[] }
  store.close()
  fs.rmSync(path.dirname(dbFile), { recursive: true, force: true })
  return { summaries, oversold: report.oversold.length, seated: course.seatsTaken, waiting: course.waitlist.length }
}

function totals(r: Rush) {
  const sum = (f: (s: StormSummary) => number) => r.summaries.reduce((n, s) => n + f(s), 0)
  const outcomes: Record<string, number> = {}
  for (const s of r.summaries) for (const [k, v] of Object.entries(s.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v
  const drainMs = Math.max(...r.summaries.map((s) => s.lastAnswerMs))
  const requests = sum((s) => s.requests)
  return {
    outcomes,
    calls: sum((s) => s.calls),
    requests,
    writes: sum((s) => s.writes),
    changed: sum((s) => s.changed),
    refusedByQuota: sum((s) => s.quotaRefusals),
    latencies: r.summaries.flatMap((s) => s.latenciesMs),
    drainMs,
    rps: requests / (drainMs / 1000),
  }
}

function line(label: string, value: string | number) {
  console.log(`  ${label.padEnd(46)} ${value}`)
}

function print(title: string, r: Rush) {
  const t = totals(r)
  const count = (re: RegExp) => Object.entries(t.outcomes).reduce((n, [k, v]) => n + (re.test(k) ? v : 0), 0)
  const final = Object.entries(t.outcomes).filter(([k]) => !k.startsWith('retried '))
  const refusals = Object.fromEntries(final.filter(([k]) => !/:(enrolled|waitlisted)$/.test(k)))
  const retried = Object.fromEntries(Object.entries(t.outcomes).filter(([k]) => k.startsWith('retried ')))
  // Latency: from a worker's first tap to the answer it keeps (retaps included).
  const ms = (p: number) => `${(percentile(t.latencies, p) / 1000).toFixed(2)} s`
  console.log(title)
  line('seated / waitlisted (course document)', `${r.seated} / ${r.waiting}`)
  line('answered seated / waitlisted', `${count(/:enrolled$/)} / ${count(/:waitlisted$/)}`)
  line('oversold courses', r.oversold)
  line('last answer refused, by code', JSON.stringify(refusals))
  line('answers followed by a retap, by code', JSON.stringify(retried))
  line('calls (first taps + retaps)', `${WORKERS} + ${t.calls - WORKERS}`)
  line('BUSY replies (incl. retapped)', count(/BUSY/))
  line('timed-out calls (-504003)', count(/:DIED$/))
  line('calls refused by the instance quota (-501004)', count(/:-501004$/))
  line('database requests refused by quota', t.refusedByQuota)
  const per = (n: number) => (n / t.calls).toFixed(2)
  line('requests / writes / documents changed per call', `${per(t.requests)} / ${per(t.writes)} / ${per(t.changed)}`)
  line('latency p50 / p99 / max', `${ms(50)} / ${ms(99)} / ${ms(100)}`)
  line('last worker answered after (drain)', `${(t.drainMs / 1000).toFixed(2)} s`)
  line('local cloud requests per second', t.rps.toFixed(0))
  printCost(r)
  console.log('')
}

/**
 * Where the requests go: per answer a call got (retaps included), how many calls, their requests and
 * writes per call, and their share of all the rush's requests — the cost that remains, by its cause.
 */
function printCost(r: Rush) {
  const cost: StormSummary['cost'] = {}
  for (const s of r.summaries) {
    for (const [key, c] of Object.entries(s.cost)) {
      const into = (cost[key] ??= { calls: 0, requests: 0, writes: 0, changed: 0 })
      into.calls += c.calls
      into.requests += c.requests
      into.writes += c.writes
      into.changed += c.changed
    }
  }
  // Shares of the requests the invocations sent, refused ones included (the store's total leaves those out).
  const allRequests = Object.values(cost).reduce((n, c) => n + c.requests, 0)
  console.log(
    '  where the requests go (answer: calls, requests / writes / documents changed per call, share of all requests)',
  )
  const rows = Object.entries(cost).sort(([, a], [, b]) => b.requests - a.requests)
  for (const [key, c] of rows) {
    const share = ((100 * c.requests) / Math.max(1, allRequests)).toFixed(1)
    line(
      `  ${key}`,
      `${c.calls}: ${[c.requests, c.writes, c.changed].map((n) => (n / c.calls).toFixed(2)).join(' / ')}, ${share} %`,
    )
  }
}

/** A baseline checkout of `commit` in a temporary folder, sharing this checkout's node_modules. */
function baseline(commit: string): string {
  const root = path.resolve(__dirname, '..')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-hot-baseline-'))
  execSync(`git archive ${commit} | tar -x -C ${dir}`, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'))
  return dir
}

async function compare(commit: string) {
  const dir = baseline(commit)
  const theirs = path.join(dir, 'tests', 'helpers', 'storm-worker.ts')
  const rate = { ours: [] as number[], theirs: [] as number[] }
  for (let i = 0; i < ROUNDS; i++) {
    rate.theirs.push(totals(await rush(undefined, theirs)).rps)
    rate.ours.push(totals(await rush(undefined)).rps)
  }
  fs.rmSync(dir, { recursive: true, force: true })
  const median = (v: number[]) => percentile(v, 50)
  console.log(`local cloud, side by side (no quotas, same functions, ${ROUNDS} alternating rounds, median):`)
  line(`requests per second, ${commit}`, `${median(rate.theirs).toFixed(0)}  (${rate.theirs.map(Math.round)})`)
  line('requests per second, this checkout', `${median(rate.ours).toFixed(0)}  (${rate.ours.map(Math.round)})`)
  line('speed-up', `${(median(rate.ours) / median(rate.theirs)).toFixed(2)}×`)
}

async function main() {
  await buildFunctions()
  const vs = process.argv.indexOf('--vs')
  console.log(
    `hot course: ${CAPACITY} seats, ${WORKERS} workers arriving within ${ARRIVALS_MS / 1000} s (half ask for ` +
      `the waitlist), ${PROCESSES} processes, ${LATENCY[0]}–${LATENCY[1]} ms per request\n`,
  )
  if (vs > 0) return compare(process.argv[vs + 1] ?? 'HEAD')
  if (process.env.HOT_QUOTAS !== 'base') print('no quotas', await rush(undefined))
  if (process.env.HOT_QUOTAS === 'none') return
  const q = BASE_QUOTA
  print(
    `base quota (${q.dbQps} database QPS, ${q.dbConnections} connections, ${q.functionInstances} instances)`,
    await rush(BASE_QUOTA),
  )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
