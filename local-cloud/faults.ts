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
import { z } from 'zod'

const delay = z.union([z.number().min(0), z.tuple([z.number().min(0), z.number().min(0)])])

export const faultPlanSchema = z
  .object({
    /**
     * Database request N (1-based) takes effect, then the invocation dies; 0 dies before any. An
     * invocation making fewer than N requests runs normally (stats.crashedAfter stays null), which
     * tells a crash-at-every-step loop it has tried every step.
     */
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
  /**
   * Writes that changed a document. A conditional update whose condition matched nothing is a write
   * request that changed nothing: the cost of a lost race, not a write to the database.
   */
  changed: number
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
