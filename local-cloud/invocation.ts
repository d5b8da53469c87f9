/**
 * One function invocation as the local cloud runs it: its requests counted, delayed, failed or refused
 * as planned (faults.ts), its time limit enforced, its caller answered the moment it dies.
 */
import { createHash } from 'node:crypto'
import { currentInvocation, type Invocation as RequestGate } from './context'
import {
  DeadInvocationError,
  FunctionTimeoutError,
  type FaultCounters,
  type FaultPlan,
  type InvocationStats,
} from './faults'

const READS = new Set(['database.getDocument', 'database.calculateDocument', 'database.aggregateDocuments'])
const WRITES = new Set(['database.insertDocument', 'database.modifyDocument', 'database.removeDocument'])

/**
 * Whether a write's reply says it changed something: an add always does; a set that created its
 * document names it (upsert_id); an update or remove says by its count.
 */
function changedAny(reply: unknown): boolean {
  const data = (reply as { data?: { updated?: number; deleted?: number; upsert_id?: unknown } } | null)?.data
  if (!data || (data.updated === undefined && data.deleted === undefined)) return true
  return (data.updated ?? 0) > 0 || (data.deleted ?? 0) > 0 || (data.upsert_id ?? null) !== null
}

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
  private running = true
  private muted = false
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
      changed: 0,
      failed: 0,
      refused: 0,
      byAction: {},
      outcome: 'running',
      crashedAfter: null,
    }
  }

  get functionName(): string {
    return this.stats.function
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
    if (WRITES.has(action) && changedAny(reply)) this.stats.changed++
    if (n === this.plan.crashAt) this.die('crash')
    return reply
  }

  /**
   * Settles as the platform would: the function's reply, or — the moment the invocation crashes or its
   * time runs out — the timeout error, whatever the function is still doing.
   */
  run<T>(running: Promise<T>): Promise<T> {
    const timer = setTimeout(() => this.die('timeout'), this.timeoutMs)
    const ended = () => {
      this.running = false
      if (this.muted) unmuteDead()
    }
    running.then(ended, ended)
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
    if (this.running) {
      this.muted = true
      muteDead()
    }
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

/**
 * A killed instance says nothing more. Here a dead invocation's code runs on (refused at every request),
 * and its error logs would bury test output under lines production never shows. Console calls made
 * from a dead invocation are dropped while any such code is still running; otherwise the console is
 * left untouched, so test runners keep pointing at the real caller of a log line.
 */
const LEVELS = ['log', 'info', 'warn', 'error'] as const
let deadRunning = 0
let restoreConsole: (() => void) | null = null

function muteDead(): void {
  if (deadRunning++ > 0) return
  const wrappers = LEVELS.map((level) => {
    const original = console[level]
    const wrapper = (...args: unknown[]) => {
      if (!currentInvocation()?.dead) original.apply(console, args)
    }
    console[level] = wrapper
    return { level, original, wrapper }
  })
  restoreConsole = () => {
    // Leave a method alone if someone replaced it meanwhile (a test's spy).
    for (const { level, original, wrapper } of wrappers) if (console[level] === wrapper) console[level] = original
  }
}

function unmuteDead(): void {
  if (--deadRunning > 0) return
  restoreConsole?.()
  restoreConsole = null
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
