/**
 * One "function instance" in a storm: its own OS process with its own LocalCloud on the shared SQLite
 * file, calling the bundled `enrollment` function (or, for comparison, the transaction variant) as
 * many workers at once. Reads its plan from a JSON file, waits for "go" on stdin so every instance
 * starts together, and prints a JSON summary on its last line.
 *   tsx tests/helpers/storm-worker.ts <plan.json>
 */
import fs from 'node:fs'
import readline from 'node:readline'
import { InstanceLimitError, LocalCloud, runAs, type QuotaPlan } from '../../local-cloud'
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
  /** Arrival: ms after "go". When any call has one, every call fires at its own (no concurrency cap). */
  atMs?: number
}

export interface StormPlan {
  dbFile: string
  mode: 'ledger' | 'transaction'
  concurrency: number
  latencyMs?: [number, number]
  /** The platform's quotas, shared by every process on the file (local-cloud/quotas.ts). */
  quotas?: QuotaPlan
  /** Bundled functions to run (default: this checkout's cloudfunctions/). */
  functionsDir?: string
  /**
   * A worker told to try again (a quota refusal, BUSY, an internal error) taps again after a pause
   * drawn from this range, up to `maxAttempts` calls in all. Off when unset.
   */
  retry?: { pauseMs: [number, number]; maxAttempts: number }
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
  /** Database writes the SDK sent, from the invocations' accounting. */
  writes: number
  /** Of those, the ones that changed a document (a lost conditional update changes none). */
  changed: number
  /** Database requests refused by the quotas (-501003 / -501004). */
  quotaRefusals: number
  /** When the last call of this process was answered, ms after "go". */
  lastAnswerMs: number
  /** Calls repeated because the worker was told to try again (plan.retry). */
  retries: number
  /** Per answer (retaps included): how many calls got it and the database requests and writes they made. */
  cost: Record<string, { calls: number; requests: number; writes: number; changed: number }>
}

/** Answers after which a worker taps again: quota refusals, BUSY, and internal errors. */
const RETRYABLE = /:(-50100[34]|[A-Z]+\.BUSY|COMMON\.INTERNAL)$/

async function main(): Promise<void> {
  const plan = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')) as StormPlan
  const cloud = new LocalCloud({
    dbFile: plan.dbFile,
    latencyMs: plan.latencyMs,
    quotas: plan.quotas,
    functionsDir: plan.functionsDir,
  })
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
    writes: 0,
    changed: 0,
    quotaRefusals: 0,
    lastAnswerMs: 0,
    retries: 0,
    cost: {},
  }
  const record = (key: string) => (summary.outcomes[key] = (summary.outcomes[key] ?? 0) + 1)

  async function one(call: StormCall, attempt = 1, started = performance.now()): Promise<void> {
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
        const r = await cloud.callWithStats<Reply<{ status: string }>>('enrollment', data, { OPENID: call.openid })
        summary.writes += r.stats.writes
        summary.changed += r.stats.changed
        // A killed invocation answers its caller like a timeout (-504003); the worker sees an error.
        if (r.died) summary.died.push(call.openid)
        key = `${action}:${r.died ? 'DIED' : r.reply.ok ? r.reply.data.status : r.reply.error.code}`
        const cost = (summary.cost[key] ??= { calls: 0, requests: 0, writes: 0, changed: 0 })
        cost.calls++
        cost.requests += r.stats.requests
        cost.writes += r.stats.writes
        cost.changed += r.stats.changed
      } catch (err) {
        if (!(err instanceof InstanceLimitError)) throw err
        key = `${action}:-501004`
      }
    }
    const ended = performance.now()
    summary.lastAnswerMs = Math.max(summary.lastAnswerMs, ended - begin)
    summary.calls++
    if (plan.retry && attempt < plan.retry.maxAttempts && RETRYABLE.test(key)) {
      // Kept apart from the final outcomes, which count each worker's last answer once.
      summary.retries++
      record(`retried ${key}`)
      const [min, max] = plan.retry.pauseMs
      await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)))
      return one(call, attempt + 1, started)
    }
    summary.latenciesMs.push(ended - started)
    record(key)
  }

  const begin = performance.now()
  const fire = async (call: StormCall): Promise<void> => {
    if (call.doubleTap) await Promise.all([one(call), one(call)])
    else await one(call)
  }
  if (plan.calls.some((c) => c.atMs !== undefined)) {
    await Promise.all(
      plan.calls.map((c) => new Promise<void>((resolve) => setTimeout(resolve, c.atMs ?? 0)).then(() => fire(c))),
    )
  } else {
    let next = 0
    const runners = Array.from({ length: plan.concurrency }, async () => {
      while (next < plan.calls.length) await fire(plan.calls[next++])
    })
    await Promise.all(runners)
  }
  summary.elapsedMs = performance.now() - begin
  summary.requests = cloud.totalRequests()
  summary.quotaRefusals = cloud.quotaRefusals
  cloud.close()
  console.log(JSON.stringify(summary))
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
