/**
 * One "function instance" in a storm: its own OS process with its own LocalCloud on the shared SQLite
 * file, calling the bundled `enrollment` function (or, for comparison, the transaction variant) as
 * many workers at once. Reads its plan from a JSON file, waits for "go" on stdin so every instance
 * starts together, and prints a JSON summary on its last line.
 *   tsx tests/helpers/storm-worker.ts <plan.json>
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { LocalCloud, runAs } from '../../local-cloud'
import { enrollWithTransaction } from '../../bench/alt/enroll-transaction'
import type { Reply } from '@core/reply'

export interface StormCall {
  openid: string
  courseId: string
  action: 'enroll' | 'cancel' | 'confirmOffer' | 'declineOffer' | 'checkIn'
  /** For checkIn: the scanned code. */
  code?: string
  joinWaitlist?: boolean
  /** Fire the same call twice at once, as a worker's double tap does. */
  doubleTap?: boolean
}

export interface StormPlan {
  dbFile: string
  mode: 'ledger' | 'transaction'
  concurrency: number
  latencyMs?: [number, number]
  calls: StormCall[]
}

export interface StormSummary {
  pid: number
  calls: number
  outcomes: Record<string, number>
  latenciesMs: number[]
  requests: number
  conflicts: number
  elapsedMs: number
  /** Workers whose call was killed mid-way (an injected crash or a timeout). */
  died: string[]
}

async function main(): Promise<void> {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as StormPlan
  const cloud = new LocalCloud({ dbFile: plan.dbFile, latencyMs: plan.latencyMs })
  const sdk = cloud.sdk()
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = sdk.database()

  const lines = readline.createInterface({ input: process.stdin })
  console.log('ready')
  await new Promise<void>((resolve) => lines.once('line', () => resolve()))
  lines.close()

  const summary: StormSummary = {
    pid: process.pid,
    calls: 0,
    outcomes: {},
    latenciesMs: [],
    requests: 0,
    conflicts: 0,
    elapsedMs: 0,
    died: [],
  }
  const record = (key: string) => (summary.outcomes[key] = (summary.outcomes[key] ?? 0) + 1)

  async function one(call: StormCall): Promise<void> {
    const started = performance.now()
    let key: string
    if (plan.mode === 'transaction') {
      const r = await runAs({ OPENID: call.openid }, () => enrollWithTransaction(db, call.openid, call.courseId))
      summary.conflicts += r.conflicts
      key = `${call.action}:${r.outcome}`
    } else if (call.action === 'checkIn') {
      const reply = await cloud.call<Reply<{ status: string }>>(
        'checkin',
        { action: 'checkIn', code: call.code },
        { OPENID: call.openid },
      )
      key = `checkIn:${reply.ok ? reply.data.status : reply.error.code}`
    } else {
      const { action, courseId, joinWaitlist } = call
      const data = action === 'enroll' ? { action, courseId, joinWaitlist } : { action, courseId }
      try {
        const reply = await cloud.call<Reply<{ status: string }>>('enrollment', data, { OPENID: call.openid })
        key = `${action}:${reply.ok ? reply.data.status : reply.error.code}`
      } catch (err) {
        // A killed invocation answers its caller like a timeout (-504003); the worker sees an error.
        if ((err as { errCode?: number }).errCode !== -504003) throw err
        key = `${action}:DIED`
        summary.died.push(call.openid)
      }
    }
    summary.latenciesMs.push(performance.now() - started)
    summary.calls++
    record(key)
  }

  const begin = performance.now()
  let next = 0
  const runners = Array.from({ length: plan.concurrency }, async () => {
    while (next < plan.calls.length) {
      const call = plan.calls[next++]
      if (call.doubleTap) await Promise.all([one(call), one(call)])
      else await one(call)
    }
  })
  await Promise.all(runners)
  summary.elapsedMs = performance.now() - begin
  summary.requests = cloud.totalRequests()
  cloud.close()
  console.log(JSON.stringify(summary))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
