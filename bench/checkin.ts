/**
 * `npm run bench:checkin` — the doors open: 500 workers with seats scan the same rotating code within
 * seconds (10 % scan twice), from 4 OS processes running the bundled `checkin` function on one SQLite
 * file with 1–20 ms simulated latency per request. Prints figures; asserts nothing (tests do that).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalCloud } from '../local-cloud'
import { COLLECTIONS } from '../server/collections'
import { buildFunctions } from '../scripts/build-functions'
import { moveOnlyLesson, prng, seatWorkers, seedStorm } from '../tests/helpers/enroll-fixture'
import { percentile, runStorm } from '../tests/helpers/storm'
import type { StormCall, StormPlan } from '../tests/helpers/storm-worker'
import type { Reply } from '@core/reply'
import type { CheckinCode } from '@core/contracts/checkin'

const WORKERS = Number(process.env.BENCH_WORKERS ?? 500)
const PROCESSES = 4
const CONCURRENCY = 16
const LATENCY: [number, number] = [1, 20]

async function main() {
  await buildFunctions()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-checkin-'))
  const dbFile = path.join(dir, 'cloud.sqlite')
  const setup = new LocalCloud({ dbFile })
  const now = new Date()
  const { courseIds, openids } = seedStorm(setup.store, { courses: 1, capacity: WORKERS, workers: WORKERS, now })
  const courseId = courseIds[0]
  const lessonId = `${courseId}_l1`
  // Every worker holds a seat; the lesson starts in ten minutes, so check-in is open.
  seatWorkers(setup.store, courseId, openids, now)
  moveOnlyLesson(setup.store, courseId, new Date(now.getTime() + 10 * 60_000))
  setup.store.insert(COLLECTIONS.users, [{ _id: 'o_bench_staff', role: 'staff', name: '工作人员', consent: {} }])
  const code = await setup.call<Reply<CheckinCode>>(
    'checkin',
    { action: 'issueCheckinCode', lessonId },
    { OPENID: 'o_bench_staff' },
  )
  if (!code.ok) throw new Error(code.error.code)
  setup.close()

  const random = prng(15)
  const calls: StormCall[] = openids.map((openid) => ({
    openid,
    courseId,
    action: 'checkIn',
    code: code.data.path,
    doubleTap: random() < 0.1,
  }))
  const plans: StormPlan[] = Array.from({ length: PROCESSES }, (_, k) => ({
    dbFile,
    mode: 'ledger',
    concurrency: CONCURRENCY,
    latencyMs: LATENCY,
    calls: calls.filter((_, i) => i % PROCESSES === k),
  }))
  const summaries = await runStorm(plans)
  const outcomes: Record<string, number> = {}
  for (const s of summaries) for (const [k, v] of Object.entries(s.outcomes)) outcomes[k] = (outcomes[k] ?? 0) + v
  const latencies = summaries.flatMap((s) => s.latenciesMs)
  const elapsed = Math.max(...summaries.map((s) => s.elapsedMs))

  const check = new LocalCloud({ dbFile })
  const records = check.store.db
    .prepare(
      "SELECT count(*) AS n, count(DISTINCT json_extract(data, '$.openid')) AS people FROM docs WHERE coll = 'attendance'",
    )
    .get() as { n: number; people: number }
  check.close()
  fs.rmSync(dir, { recursive: true, force: true })

  const line = (label: string, value: string | number) => console.log(`  ${label.padEnd(40)} ${value}`)
  console.log(
    `check-in burst: ${WORKERS} workers, ${latencies.length} scans, ${PROCESSES} processes × ${CONCURRENCY}, ` +
      `${LATENCY[0]}–${LATENCY[1]} ms per request`,
  )
  line('attendance records / workers', `${records.n} / ${WORKERS} (distinct people ${records.people})`)
  line('duplicate attendance', records.n - records.people)
  line('latency p50 / p99', `${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 99).toFixed(1)} ms`)
  line('scans per second', (latencies.length / (elapsed / 1000)).toFixed(0))
  line('whole queue checked in within', `${(elapsed / 1000).toFixed(1)} s`)
  line('outcomes', JSON.stringify(outcomes))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
