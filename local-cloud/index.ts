/**
 * The local cloud: the real wx-server-sdk, its transport redirected in-process to a SQLite document
 * store and open-API stand-ins, running the same bundled functions that deploy to WeChat.
 * Development and tests only; nothing here is bundled into the app or the functions.
 */
import { COLLECTIONS } from '../server/collections'
import { currentInvocation, type CallerIdentity } from './context'
import { handleDatabase, WAIT, type DbParams } from './database'
import { faultsFromEnv, FunctionTimeoutError, type FaultCounters, type FaultPlan, type InvocationStats } from './faults'
import { EventTooLargeError, FunctionHost, type InvokeOptions } from './functions'
import { FaultInjector } from './invocation'
import { createOpenApi, decodeOpenApiRequest, errorEnvelope, type OpenApi } from './openapi'
import { installTransport, loadSdk, type TransportArgs } from './seam'
import { DocStore } from './store'
import { InstanceLimitError, QuotaGate, quotasFromEnv, type QuotaPlan } from './quotas'
import { LocalStorage } from './storage'
import { randomBytes } from 'node:crypto'

export interface LocalCloudOptions {
  /** SQLite file shared by every process of this local cloud; ':memory:' for a private one. */
  dbFile?: string
  functionsDir?: string
  /**
   * Simulated network latency per SDK request, [min, max] ms. The real cloud answers in 1-20 ms; the
   * benchmarks use this so requests interleave as they do there. Tests leave it off. (The run's
   * `faults.delayMs`, when set, takes its place inside function invocations.)
   */
  latencyMs?: [number, number]
  /** Faults for every invocation of this run; fields override LOCAL_CLOUD_FAULTS (see faults.ts). */
  faults?: FaultPlan
  /** The platform's quotas (quotas.ts); fields override LOCAL_CLOUD_QUOTAS. Off when neither sets any. */
  quotas?: QuotaPlan
  /** Folder of cloud storage's files; default `<dbFile>-storage`, or a temporary one for ':memory:'. */
  storageDir?: string
}

/** What `callWithStats` settles with: the reply, or the platform's timeout error if the invocation died. */
export type CallResult<T> =
  | { reply: T; died: null; stats: InvocationStats }
  | { reply: undefined; died: FunctionTimeoutError; stats: InvocationStats }

/**
 * Environment variables the functions read, as set in the cloud console in production. Generated once
 * per database and kept in it, so every process sharing the file signs codes with the same secret.
 */
function provideFunctionEnv(db: DocStore['db']): void {
  db.exec('CREATE TABLE IF NOT EXISTS platform_env (name TEXT PRIMARY KEY, value TEXT NOT NULL)')
  const defaults: [string, string][] = [
    ['CHECKIN_SECRET', randomBytes(32).toString('base64url')],
    // Stand-ins for the template ids chosen in the console; the openapi fake accepts any id.
    ['TMPL_LESSON_REMINDER', 'local_tmpl_lesson_reminder'],
    ['TMPL_SEAT_OFFER', 'local_tmpl_seat_offer'],
    ['TMPL_COURSE_CHANGE', 'local_tmpl_course_change'],
    ['MINIPROGRAM_STATE', 'developer'],
  ]
  const insert = db.prepare('INSERT OR IGNORE INTO platform_env (name, value) VALUES (?, ?)')
  for (const [name, value] of defaults) insert.run(name, value)
  for (const row of db.prepare('SELECT name, value FROM platform_env').all() as { name: string; value: string }[]) {
    process.env[row.name] = row.value
  }
}

export class LocalCloud {
  readonly store: DocStore
  readonly openapi: OpenApi
  readonly functions: FunctionHost
  /** Cloud storage (storage.ts): files on disk, URLs served over loopback. */
  readonly storage: LocalStorage
  /** Requests the SDK sent, by action: the benchmarks report round trips from this. */
  readonly requestCounts = new Map<string, number>()
  /** Database requests refused by the quotas (-501003 / -501004) in this process. */
  quotaRefusals = 0
  private readonly latency: [number, number] | null
  readonly quotas: QuotaGate

  constructor(options: LocalCloudOptions = {}) {
    this.store = new DocStore(options.dbFile ?? ':memory:')
    for (const name of Object.values(COLLECTIONS)) this.store.addCollection(name)
    this.openapi = createOpenApi(this.store.db)
    const dbFile = options.dbFile ?? ':memory:'
    this.storage = new LocalStorage(
      this.store.db,
      options.storageDir ?? (dbFile === ':memory:' ? null : `${dbFile}-storage`),
    )
    provideFunctionEnv(this.store.db)
    const faults: FaultPlan = { ...faultsFromEnv(), ...options.faults }
    if (faults.delayMs === undefined && options.latencyMs) faults.delayMs = options.latencyMs
    this.quotas = new QuotaGate(this.store.db, { ...quotasFromEnv(), ...options.quotas })
    this.functions = new FunctionHost(options.functionsDir, new FaultInjector(faults), this.quotas)
    this.store.onCleared(() => this.functions.dropInstances())
    this.latency = options.latencyMs ?? null
    installTransport((args) => this.transport(args))
  }

  /**
   * Invokes a cloud function as the given caller (a worker's openid, or a timer). Rejects with a
   * FunctionTimeoutError (errCode -504003, as wx.cloud.callFunction does) when the function runs past
   * its time limit or a planned crash kills it.
   */
  call<T = unknown>(
    name: string,
    event: Record<string, unknown>,
    identity: Partial<CallerIdentity> = {},
    options: InvokeOptions = {},
  ): Promise<T> {
    return this.functions.invoke(name, event, identity, options) as Promise<T>
  }

  /** Like `call`, but settles with the invocation's request stats, and with `died` instead of rejecting. */
  async callWithStats<T = unknown>(
    name: string,
    event: Record<string, unknown>,
    identity: Partial<CallerIdentity> = {},
    options: Omit<InvokeOptions, 'onStats'> = {},
  ): Promise<CallResult<T>> {
    const seen: InvocationStats[] = []
    try {
      const reply = await this.call<T>(name, event, identity, { ...options, onStats: (s) => seen.push(s) })
      return { reply, died: null, stats: seen[0] }
    } catch (err) {
      if (err instanceof FunctionTimeoutError) return { reply: undefined, died: err, stats: err.stats }
      throw err
    }
  }

  /** Crashes, timeouts, failures and refused requests injected in this run so far. */
  faultCounters(): FaultCounters {
    return { ...this.functions.faults.counters }
  }

  /** The SDK as a cloud function sees it, for tests that exercise repositories directly. */
  sdk(): typeof import('wx-server-sdk') {
    return loadSdk()
  }

  totalRequests(): number {
    let n = 0
    for (const v of this.requestCounts.values()) n += v
    return n
  }

  close(): void {
    this.storage.close()
    this.store.close()
  }

  private async transport({ params }: TransportArgs): Promise<unknown> {
    if (!this.quotas.limitsDatabase || !params.action.startsWith('database.')) return this.route(params)
    // A refused request still travels to the cloud and back; an admitted one holds its connection
    // for the whole round trip.
    const refused = this.quotas.enterDatabase()
    if (refused) return this.route(params, refused)
    try {
      return await this.route(params)
    } finally {
      this.quotas.leaveDatabase()
    }
  }

  private async route(params: TransportArgs['params'], refused?: unknown): Promise<unknown> {
    const serve = () => (refused ? (this.quotaRefusals++, refused) : this.serve(params))
    const invocation = currentInvocation()
    if (invocation) return invocation.send(params.action, serve)
    if (this.latency) {
      const [min, max] = this.latency
      await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)))
    }
    return serve()
  }

  /**
   * A plain write to a document a transaction holds is tried again after a short pause, leaving the
   * process free meanwhile (the transaction may belong to this very process).
   */
  private async database(params: DbParams): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      const reply = handleDatabase(this.store, params)
      if (reply !== WAIT) return reply
      await new Promise((resolve) => setTimeout(resolve, Math.min(1 + attempt, 10)))
    }
  }

  private async serve(params: TransportArgs['params']): Promise<unknown> {
    const action = params.action
    this.requestCounts.set(action, (this.requestCounts.get(action) ?? 0) + 1)
    if (action.startsWith('database.')) return this.database(params as unknown as DbParams)
    if (action.startsWith('storage.')) return this.storage.handle(params)
    if (action === 'wx.openApi') {
      const fn = currentInvocation()?.functionName
      const apiName = String(params.apiName)
      // A function may call only the open APIs its config.json lists (-604101 otherwise).
      if (fn && !(this.functions.config(fn).permissions?.openapi ?? []).includes(apiName)) return errorEnvelope(-604101)
      const request = decodeOpenApiRequest(params.requestData as Uint8Array)
      return this.openapi.call(String(params.apiName), request)
    }
    if (action === 'functions.invokeFunction') {
      const name = String(params.function_name)
      try {
        const event = JSON.parse(String(params.request_data ?? '{}')) as Record<string, unknown>
        const result = await this.functions.invoke(name, event, { SOURCE: 'wx_cloud' })
        return { data: { response_data: JSON.stringify(result ?? null) } }
      } catch (err) {
        if (err instanceof FunctionTimeoutError) return err.platformReply
        if (err instanceof InstanceLimitError) return { code: 'EXCEED_CONCURRENT_REQUEST_LIMIT', message: err.message }
        if (err instanceof EventTooLargeError) return { code: 'FUNCTIONS_REQUEST_FAIL', message: err.message }
        return { code: 'FUNCTIONS_EXECUTE_FAIL', message: (err as Error).message }
      }
    }
    return { code: 'INVALID_ACTION', message: `local cloud does not implement ${action}` }
  }
}

export { runAs } from './context'
export { FunctionTimeoutError, FAULTS_ENV, type FaultPlan, type FaultCounters, type InvocationStats } from './faults'
export { EventTooLargeError, MAX_EVENT_BYTES, type InvokeOptions } from './functions'
export { DocStore } from './store'
export { BASE_QUOTA, InstanceLimitError, QUOTAS_ENV, type QuotaPlan } from './quotas'
