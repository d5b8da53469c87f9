/**
 * `npm run bench:reminders` — the evening before a busy day: 40 lessons × 50 seated workers, each with
 * one lesson-reminder credit, 1–20 ms simulated latency per request. Two timer runs overlap, as they
 * may in the cloud. Prints how many were sent, how long it took, and whether anyone got two.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalCloud } from '../local-cloud'
import { COLLECTIONS } from '../server/collections'
import { buildFunctions } from '../scripts/build-functions'
import { moveOnlyLesson, seatWorkers, seedStorm } from '../tests/helpers/enroll-fixture'

const LESSONS = Number(process.env.BENCH_LESSONS ?? 40)
const SEATS = 50
const TEMPLATE = 'local_tmpl_lesson_reminder'

async function main() {
  await buildFunctions()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-reminders-'))
  const dbFile = path.join(dir, 'cloud.sqlite')
  const cloud = new LocalCloud({ dbFile, latencyMs: [1, 20] })
  const now = new Date()
  const { courseIds, openids } = seedStorm(cloud.store, {
    courses: LESSONS,
    capacity: SEATS,
    workers: LESSONS * SEATS,
    now,
  })
  const tomorrow = new Date(now.getTime() + 20 * 3600_000)
  courseIds.forEach((courseId, i) => {
    seatWorkers(cloud.store, courseId, openids.slice(i * SEATS, (i + 1) * SEATS), now)
    moveOnlyLesson(cloud.store, courseId, tomorrow)
  })
  cloud.store.insert(
    COLLECTIONS.subscriptions,
    openids.map((openid) => ({
      _id: `${openid}_${TEMPLATE}`,
      openid,
      templateId: TEMPLATE,
      credits: 1,
      updatedAt: now,
    })),
  )
  for (const openid of openids) cloud.openapi.grantSubscription(openid, TEMPLATE)

  const fire = () =>
    cloud.call<{ ok: boolean; data: Record<string, number | boolean> }>(
      'reminders',
      { Type: 'Timer' },
      { SOURCE: 'wx_trigger' },
    )
  const started = performance.now()
  let runs = 0
  const results: Record<string, number | boolean>[] = []
  // Keep firing (two at a time) until nothing is left, as the 5-minute timer would.
  for (;;) {
    runs += 2
    const pair = await Promise.all([fire(), fire()])
    results.push(...pair.map((r) => r.data))
    if (pair.every((r) => r.data.partial === false)) break
  }
  const elapsed = (performance.now() - started) / 1000
  const outbox = cloud.openapi.outbox()
  const perWorker = new Map<string, number>()
  for (const m of outbox) perWorker.set(m.touser, (perWorker.get(m.touser) ?? 0) + 1)
  const twice = [...perWorker.values()].filter((n) => n > 1).length
  const requests = cloud.totalRequests()
  cloud.close()
  fs.rmSync(dir, { recursive: true, force: true })

  const line = (label: string, value: string | number) => console.log(`  ${label.padEnd(40)} ${value}`)
  console.log(
    `reminders: ${LESSONS} lessons × ${SEATS} seated workers tomorrow, two overlapping timer runs, 1–20 ms per request`,
  )
  line('messages sent / owed', `${outbox.length} / ${openids.length}`)
  line('workers who got two', twice)
  line('timer invocations', runs)
  line('wall time', `${elapsed.toFixed(1)} s (${(outbox.length / elapsed).toFixed(0)} messages per second)`)
  line('database + openapi requests per message', (requests / Math.max(1, outbox.length)).toFixed(2))
  line('per-run results', JSON.stringify(results.map((r) => r.sent)))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
