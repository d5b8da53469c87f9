/**
 * The local cloud fails the way production does. A WeChat function instance can die mid-call — killed
 * when it hits its timeout, or lost with its host — and the caller then hears only the platform's
 * timeout error, whatever the instance had already written. A database request can fail on its own
 * (-502001) while the function goes on. Requests take time. Each invocation here is accounted
 * (database requests, reads, writes) so tests can hold use cases to a request budget, and can be
 * planned to crash, fail or be delayed:
 *   per call  `cloud.call(fn, event, identity, { faults: { crashAfter: 3 } })`
 *   per run   `new LocalCloud({ faults: { crashRate: 0.01, seed: 42 } })`, or for child processes
 *             `LOCAL_CLOUD_FAULTS='{"crashRate":0.01,"seed":42}'` (a call's fields override the run's).
 * A dead invocation's further requests are refused before they reach the store.
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Invocation as RequestGate } from './context'

const delay = z.union([z.number().min(0), z.tuple([z.number().min(0), z.number().min(0)])])

export const faultPlanSchema = z
  .object({
    /** Database request N (1-based) takes effect, then the invocation dies; 0 dies before any. */
    crashAfter: z.number().int().min(0).optional(),
    /** These database requests fail with -502001 without taking effect; the invocation goes on. */
    failAt: z.union([z.number().int().min(1), z.array(z.number().int().min(1))]).optional(),
    /** Every SDK request of the invocation waits this long first: ms, or a [min, max] range. */
    delayMs: delay.optional(),
    /**
     * Probability that an invocation crashes, after a request index drawn uniformly from 1 to the most
     * database requests seen for that function and action so far; when it returns sooner it dies
     * after its last request instead (it did its writes, the caller hears a timeout).
     */
    crashRate: z.number().min(0).max(1).optional(),
    /** Makes crashRate and delay ranges deterministic (with the order of invocations in this process). */
    seed: z.number().int().optional(),
  })
  .strict()

export type FaultPlan = z.infer<typeof faultPlanSchema>

export const FAULTS_ENV = 'LOCAL_CLOUD_FAULTS'

/** The per-run plan handed to child processes through the environment. */
export function faultsFromEnv(text: string | undefined = process.env[FAULTS_ENV]): FaultPlan {
  if (!text) return {}
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${FAULTS_ENV} is not JSON: ${text}`)
  }
  const parsed = faultPlanSchema.safeParse(json)
  if (!parsed.success) throw new Error(`${FAULTS_ENV}: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
  return parsed.data
}

export interface InvocationStats {
  function: string
  /** event.action, 'timer' for a timer trigger, null otherwise. */
  action: string | null
  /** Database requests that reached the store or failed there (reads, writes, transaction control). */
  requests: number
  /** get, count, aggregate. */
  reads: number
  /** add, set, update, remove — transactional ones included. */
  writes: number
  /** Requests failed by injection (counted in requests too). */
  failed: number
  /** Requests refused because the invocation was already dead (counted nowhere else). */
  refused: number
  /** Every SDK request served, by action (database, wx.openApi, functions.invokeFunction). */
  byAction: Record<string, number>
  outcome: 'running' | 'returned' | 'threw' | 'crashed' | 'timedOut'
  /** The database request after which the invocation crashed, or null. */
  crashedAfter: number | null
}

export interface FaultCounters {
  invocations: number
  crashes: number
  timeouts: number
  failures: number
  refused: number
}

/**
 * What `wx.cloud.callFunction` rejects with when the function timed out. A crashed instance looks the
 * same to its caller, so both use it; `reason` (local only) tells tests which one happened.
 */
export class FunctionTimeoutError extends Error {
  readonly errCode = -504003
  readonly errMsg: string
  constructor(
    readonly functionName: string,
    readonly timeoutMs: number,
    readonly reason: 'crash' | 'timeout',
    readonly stats: InvocationStats,
  ) {
    const platform = `Invoking task timed out after ${timeoutMs / 1000} seconds`
    super(`cloud.callFunction:fail Error: errCode: -504003  | errMsg: ${platform}`)
    this.name = 'FunctionTimeoutError'
    this.errMsg = this.message
  }

  /** The reply `functions.invokeFunction` (cloud.callFunction inside a function) gets instead. */
  get platformReply(): { code: string; message: string } {
    return { code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED', message: this.message }
  }
}

/** Thrown into a dead invocation's code for every further SDK request. */
export class DeadInvocationError extends Error {
  readonly code = 'LOCAL_CLOUD_INVOCATION_DEAD'
  constructor(fn: string, action: string) {
    super(`local cloud: ${fn} is dead (crashed or timed out); its ${action} request was refused`)
  }
}

const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments'])
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument'])

/** [0, 1) from the seed and a label, or Math.random without a seed. */
type Random = (label: string) => number

function seeded(seed: number | undefined, sequence: number): Random {
  if (seed === undefined) return () => Math.random()
  return (label) => createHash('sha256').update(`${seed}:${sequence}:${label}`).digest().readUInt32BE(0) / 2 ** 32
}

interface Planned {
  crashAt: number | null
  /** crashRate's crash: if the function returns before crashAt, it dies after its last request. */
  crashAtEnd: boolean
  failAt: Set<number>
  delayMs: FaultPlan['delayMs']
  random: Random
}

export class Invocation implements RequestGate {
  readonly stats: InvocationStats
  private reason: 'crash' | 'timeout' | null = null
  private readonly pending = new Set<() => void>()
  private onDeath: () => void = () => undefined
  private readonly death = new Promise<void>((resolve) => (this.onDeath = resolve))

  constructor(
    name: string,
    action: string | null,
    readonly timeoutMs: number,
    private readonly plan: Planned,
    private readonly counters: FaultCounters,
    private readonly onReturned: (stats: InvocationStats) => void,
  ) {
    this.stats = {
      function: name,
      action,
      requests: 0,
      reads: 0,
      writes: 0,
      failed: 0,
      refused: 0,
      byAction: {},
      outcome: 'running',
      crashedAfter: null,
    }
  }

  get dead(): boolean {
    return this.reason !== null
  }

  async send(action: string, serve: () => unknown): Promise<unknown> {
    if (this.dead) return this.refuse(action)
    const wait = this.delay(action)
    if (wait > 0) {
      try {
        await this.sleep(wait)
      } catch {
        return this.refuse(action)
      }
      if (this.dead) return this.refuse(action)
    }
    this.stats.byAction[action] = (this.stats.byAction[action] ?? 0) + 1
    if (!action.startsWith('database.')) return serve()
    const n = ++this.stats.requests
    if (READS.has(action)) this.stats.reads++
    if (WRITES.has(action)) this.stats.writes++
    if (this.plan.failAt.has(n)) {
      this.stats.failed++
      this.counters.failures++
      return {
        code: 'DATABASE_REQUEST_FAILED',
        message: `[FailedOperation] local cloud: injected failure of request ${n}`,
      }
    }
    const reply = await serve()
    if (n === this.plan.crashAt) this.die('crash')
    return reply
  }

  /**
   * Settles as the platform would: the function's reply, or — the moment the invocation crashes or its
   * time runs out — the timeout error, whatever the function is still doing.
   */
  run<T>(running: Promise<T>): Promise<T> {
    const timer = setTimeout(() => this.die('timeout'), this.timeoutMs)
    const finished = running.then(
      (value) => {
        this.finish('returned')
        if (this.dead) throw this.timeoutError()
        return value
      },
      (err: unknown) => {
        this.finish('threw')
        throw this.dead ? this.timeoutError() : err
      },
    )
    // Once the caller has its timeout nobody awaits the function; its late end must not go unhandled.
    finished.catch(() => undefined)
    const died = this.death.then(() => Promise.reject(this.timeoutError()))
    return Promise.race([finished, died]).finally(() => clearTimeout(timer))
  }

  die(reason: 'crash' | 'timeout'): void {
    if (this.dead) return
    this.reason = reason
    this.stats.outcome = reason === 'crash' ? 'crashed' : 'timedOut'
    if (reason === 'crash') {
      this.stats.crashedAfter = this.stats.requests
      this.counters.crashes++
    } else {
      this.counters.timeouts++
    }
    for (const cancel of this.pending) cancel()
    this.onDeath()
  }

  private finish(outcome: 'returned' | 'threw'): void {
    if (this.dead) return
    if (this.plan.crashAtEnd) return this.die('crash')
    this.stats.outcome = outcome
    if (outcome === 'returned') this.onReturned(this.stats)
  }

  private timeoutError(): FunctionTimeoutError {
    return new FunctionTimeoutError(this.stats.function, this.timeoutMs, this.reason ?? 'timeout', this.stats)
  }

  private refuse(action: string): never {
    this.stats.refused++
    this.counters.refused++
    throw new DeadInvocationError(this.stats.function, action)
  }

  private delay(action: string): number {
    const spec = this.plan.delayMs
    if (spec === undefined) return 0
    if (typeof spec === 'number') return spec
    const [min, max] = spec
    return min + this.plan.random(`delay:${this.stats.requests}:${action}`) * (max - min)
  }

  /** Resolves after `ms`, or rejects at once when the invocation dies meanwhile (no timer left behind). */
  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const cancel = () => {
        clearTimeout(timer)
        this.pending.delete(cancel)
        reject(new Error('dead'))
      }
      const timer = setTimeout(() => {
        this.pending.delete(cancel)
        resolve()
      }, ms)
      this.pending.add(cancel)
    })
  }
}

/** How many database requests to expect of an action never seen returning in this process. */
const DEFAULT_ESTIMATE = 4

/** Plans each invocation's faults from the run's plan and the call's, and keeps the run's counters. */
export class FaultInjector {
  readonly counters: FaultCounters = { invocations: 0, crashes: 0, timeouts: 0, failures: 0, refused: 0 }
  private sequence = 0
  /** Most database requests seen per function and action: the range crashRate draws its index from. */
  private readonly mostRequests = new Map<string, number>()

  constructor(readonly runPlan: FaultPlan = {}) {}

  begin(name: string, event: Record<string, unknown>, timeoutMs: number, callPlan: FaultPlan = {}): Invocation {
    const plan = { ...this.runPlan, ...callPlan }
    const action = actionOf(event)
    const key = `${name}:${action ?? ''}`
    const random = seeded(plan.seed, ++this.sequence)
    this.counters.invocations++
    let crashAt = plan.crashAfter ?? null
    let crashAtEnd = false
    if (crashAt === null && plan.crashRate && random('crash') < plan.crashRate) {
      const range = this.mostRequests.get(key) ?? DEFAULT_ESTIMATE
      crashAt = 1 + Math.floor(random('index') * Math.max(1, range))
      crashAtEnd = true
    }
    const failAt = new Set(plan.failAt === undefined ? [] : [plan.failAt].flat())
    const planned: Planned = { crashAt, crashAtEnd, failAt, delayMs: plan.delayMs, random }
    const invocation = new Invocation(name, action, timeoutMs, planned, this.counters, (stats) => {
      this.mostRequests.set(key, Math.max(this.mostRequests.get(key) ?? 0, stats.requests))
    })
    if (crashAt === 0) invocation.die('crash')
    return invocation
  }
}

function actionOf(event: Record<string, unknown>): string | null {
  if (typeof event.action === 'string') return event.action
  return event.Type === 'Timer' ? 'timer' : null
}
