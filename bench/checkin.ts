/**
 * `npm run bench:checkin` — the doors open: 500 workers with seats scan the same rotating code within
 * seconds (10 % scan twice), from 4 OS processes running the bundled `checkin` function on one SQLite
 * file with 1–20 ms simulated latency per request. Then, one path at a time at a venue with
 * coordinates: a scan with the phone's position, the 6-digit code with it, a relayed code refused for
 * want of one, the worker's personal code and a staff scan of it (反扫) — server time and requests per
 * call. Prints figures; asserts nothing (tests do that).
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
import type { CheckinCode, MyCheckinCode } from '@core/contracts/checkin'

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
  await presencePaths()
}

const PATH_CALLS = Number(process.env.BENCH_PATH_CALLS ?? 60)

type PathCall = (k: number) => Promise<{ event: Record<string, unknown>; as: Record<string, string> }>

/** A seated course at a venue with coordinates, its lesson open, and one call maker per path. */
async function presenceFixture(cloud: LocalCloud): Promise<[string, PathCall][]> {
  const now = new Date()
  const venue = { lat: 30.2847, lng: 120.1613 }
  const { courseIds, openids } = seedStorm(cloud.store, {
    courses: 1,
    capacity: PATH_CALLS * 3,
    workers: PATH_CALLS * 3,
    now,
  })
  const courseId = courseIds[0]
  const lessonId = `${courseId}_l1`
  seatWorkers(cloud.store, courseId, openids, now)
  moveOnlyLesson(cloud.store, courseId, new Date(now.getTime() + 10 * 60_000))
  cloud.store.update(
    COLLECTIONS.courses,
    { _id: courseId },
    { $set: { venue: { name: '场地', address: '杭州', ...venue } } },
    {
      multi: false,
      merge: true,
      upsert: false,
    },
  )
  const staff = { OPENID: 'o_bench_staff' }
  cloud.store.insert(COLLECTIONS.users, [{ _id: staff.OPENID, role: 'staff', name: '工作人员', consent: {} }])
  const position = { latitude: venue.lat + 0.0005, longitude: venue.lng, accuracy: 30 }
  const issue = async () => {
    const r = await cloud.call<Reply<CheckinCode>>('checkin', { action: 'issueCheckinCode', lessonId }, staff)
    if (!r.ok) throw new Error(r.error.code)
    return r.data
  }
  const paths: [string, PathCall][] = [
    [
      'scan + position',
      async (k) => ({
        event: { action: 'checkIn', code: (await issue()).token, position },
        as: { OPENID: openids[k] },
      }),
    ],
    [
      '6 digits + position',
      async (k) => ({
        event: { action: 'checkInDigits', lessonId, digits: (await issue()).digits, position },
        as: { OPENID: openids[PATH_CALLS + k] },
      }),
    ],
    [
      'relayed code, no position (refused)',
      async (k) => ({
        event: { action: 'checkIn', code: (await issue()).token },
        as: { OPENID: openids[2 * PATH_CALLS + k] },
      }),
    ],
    [
      'worker opens 签到码 (myCheckinCode)',
      async (k) => ({ event: { action: 'myCheckinCode', lessonId }, as: { OPENID: openids[2 * PATH_CALLS + k] } }),
    ],
    [
      'staff scan 反扫 (staffCheckIn)',
      async (k) => {
        const mine = await cloud.call<Reply<MyCheckinCode>>(
          'checkin',
          { action: 'myCheckinCode', lessonId },
          { OPENID: openids[2 * PATH_CALLS + k] },
        )
        if (!mine.ok) throw new Error(mine.error.code)
        return { event: { action: 'staffCheckIn', code: mine.data.code, lessonId }, as: staff }
      },
    ],
  ]
  return paths
}

/** Server time (median, p95) and database requests of each check-in path, one call after another. */
async function presencePaths() {
  // The per-call log lines would bury the figures.
  process.env.CALL_LOG = 'off'
  const cloud = new LocalCloud({ latencyMs: LATENCY })
  const paths = await presenceFixture(cloud)
  console.log(
    `\ncheck-in paths at a venue with coordinates: ${PATH_CALLS} calls each, ${LATENCY[0]}–${LATENCY[1]} ms per request`,
  )
  const line = (label: string, value: string) => console.log(`  ${label.padEnd(40)} ${value}`)
  for (const [label, make] of paths) {
    const ms: number[] = []
    const requests: number[] = []
    const outcomes = new Set<string>()
    for (let k = 0; k < PATH_CALLS; k++) {
      const { event, as } = await make(k)
      const started = performance.now()
      const { reply, stats } = await cloud.callWithStats<Reply<unknown>>('checkin', event, as)
      ms.push(performance.now() - started)
      requests.push(stats.requests)
      outcomes.add(reply?.ok ? 'ok' : (reply?.error.code ?? 'died'))
    }
    const mean = requests.reduce((a, b) => a + b, 0) / requests.length
    line(
      label,
      `p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, ` +
        `${mean.toFixed(1)} requests (max ${Math.max(...requests)}), ${[...outcomes].join('/')}`,
    )
  }
  cloud.close()
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
