/**
 * The platform's quotas, emulated. WeChat cloud development publishes per environment a database QPS,
 * a number of concurrent database connections and a number of concurrent instances of one function.
 * Past them the platform does not queue: the request fails at once, with -501003 (exceed request
 * limit) or -501004 (exceed concurrent request limit), and a synchronous function call past the
 * instance limit is refused the same way (SCF answers ResourceLimitReached). So the local cloud
 * refuses too.
 *
 * Off by default. `new LocalCloud({ quotas: BASE_QUOTA })` or LOCAL_CLOUD_QUOTAS=base|<json> turns them
 * on. The counters live in the SQLite file, so every process sharing it shares one environment's
 * quota, as the instances of one environment do.
 */
import type Database from 'better-sqlite3'
import { z } from 'zod'

export const quotaPlanSchema = z
  .object({
    /** Database requests started per wall-clock second, across every process on the file. */
    dbQps: z.number().int().min(1).optional(),
    /** Database requests in flight at once (a request holds its connection through its latency). */
    dbConnections: z.number().int().min(1).optional(),
    /** Concurrent invocations of one function. */
    functionInstances: z.number().int().min(1).optional(),
  })
  .strict()

export type QuotaPlan = z.infer<typeof quotaPlanSchema>

/** The published base quota of one environment (paid plans raise the figures, not the shape). */
export const BASE_QUOTA: Required<QuotaPlan> = { dbQps: 30, dbConnections: 20, functionInstances: 20 }

export const QUOTAS_ENV = 'LOCAL_CLOUD_QUOTAS'

export function quotasFromEnv(text: string | undefined = process.env[QUOTAS_ENV]): QuotaPlan {
  if (!text) return {}
  if (text === 'base') return { ...BASE_QUOTA }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new Error(`${QUOTAS_ENV} is neither "base" nor JSON: ${text}`)
  }
  const parsed = quotaPlanSchema.safeParse(json)
  if (!parsed.success) throw new Error(`${QUOTAS_ENV}: ${parsed.error.issues.map((i) => i.message).join('; ')}`)
  return parsed.data
}

/** The reply shapes the SDK turns into errCode -501003 / -501004. */
export const QUOTA_REPLY = {
  qps: { code: 'EXCEED_REQUEST_LIMIT', message: '[LimitExceeded] database requests per second over quota' },
  connections: {
    code: 'EXCEED_CONCURRENT_REQUEST_LIMIT',
    message: '[LimitExceeded] concurrent database connections over quota',
  },
}

/** What a caller of a function past its instance limit gets (wx.cloud.callFunction rejects with it). */
export class InstanceLimitError extends Error {
  readonly errCode = -501004
  readonly errMsg: string
  constructor(
    readonly functionName: string,
    limit: number,
  ) {
    super(
      `cloud.callFunction:fail Error: errCode: -501004 exceed concurrent request limit | errMsg: ` +
        `[ResourceLimitReached] ${functionName} already runs ${limit} instances`,
    )
    this.name = 'InstanceLimitError'
    this.errMsg = this.message
  }
}

type Counter = 'db' | `fn:${string}`

/** Held counts per process (rows keyed by pid), so a process that dies cannot hold quota for ever. */
export class QuotaGate {
  private readonly hold: Database.Statement
  private readonly release: Database.Statement
  private readonly held: Database.Statement
  private readonly tick: Database.Statement
  private readonly holders: Database.Statement
  private readonly dropHolder: Database.Statement
  private readonly enterDbTxn: () => keyof typeof QUOTA_REPLY | null
  private readonly enterFnTxn: (counter: Counter, limit: number) => boolean

  constructor(
    db: Database.Database,
    readonly plan: QuotaPlan,
    private readonly pid = process.pid,
  ) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS quota_held (counter TEXT NOT NULL, pid INTEGER NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (counter, pid)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS quota_second (sec INTEGER PRIMARY KEY, n INTEGER NOT NULL);
    `)
    db.prepare('DELETE FROM quota_held WHERE pid = ?').run(pid)
    this.hold = db.prepare(
      `INSERT INTO quota_held (counter, pid, n) VALUES (?, ?, 1)
       ON CONFLICT (counter, pid) DO UPDATE SET n = n + 1`,
    )
    this.release = db.prepare('UPDATE quota_held SET n = n - 1 WHERE counter = ? AND pid = ? AND n > 0')
    this.held = db.prepare('SELECT coalesce(sum(n), 0) AS n FROM quota_held WHERE counter = ?').pluck()
    this.holders = db.prepare('SELECT DISTINCT pid FROM quota_held WHERE pid != ? AND n > 0').pluck()
    this.dropHolder = db.prepare('DELETE FROM quota_held WHERE pid = ?')
    this.tick = db.prepare(
      `INSERT INTO quota_second (sec, n) VALUES (?, 1) ON CONFLICT (sec) DO UPDATE SET n = n + 1 RETURNING n`,
    )
    const seconds = db.prepare('SELECT n FROM quota_second WHERE sec = ?').pluck()
    const prune = db.prepare('DELETE FROM quota_second WHERE sec < ?')
    this.enterDbTxn = db.transaction((): keyof typeof QUOTA_REPLY | null => {
      const { dbConnections, dbQps } = this.plan
      if (dbConnections !== undefined && this.inUse('db') >= dbConnections) return 'connections'
      if (dbQps !== undefined) {
        const sec = Math.floor(Date.now() / 1000)
        if (((seconds.get(sec) as number | undefined) ?? 0) >= dbQps) return 'qps'
        if ((this.tick.get(sec) as number) === 1) prune.run(sec - 5)
      }
      if (dbConnections !== undefined) this.hold.run('db', this.pid)
      return null
    }).immediate
    this.enterFnTxn = db.transaction((counter: Counter, limit: number): boolean => {
      if (this.inUse(counter) >= limit) return false
      this.hold.run(counter, this.pid)
      return true
    }).immediate
  }

  /** Whether any database quota applies (none: requests skip the gate entirely). */
  get limitsDatabase(): boolean {
    return this.plan.dbQps !== undefined || this.plan.dbConnections !== undefined
  }

  /** Takes a connection and a slot of this second, or says which quota refused the request. */
  enterDatabase(): (typeof QUOTA_REPLY)[keyof typeof QUOTA_REPLY] | null {
    const refused = this.enterDbTxn()
    return refused ? QUOTA_REPLY[refused] : null
  }

  leaveDatabase(): void {
    if (this.plan.dbConnections !== undefined) this.release.run('db', this.pid)
  }

  /** Takes one instance of `name`; false when every instance the quota allows is busy. */
  enterFunction(name: string): boolean {
    const limit = this.plan.functionInstances
    return limit === undefined ? true : this.enterFnTxn(`fn:${name}`, limit)
  }

  leaveFunction(name: string): void {
    if (this.plan.functionInstances !== undefined) this.release.run(`fn:${name}`, this.pid)
  }

  /** Counts held across processes, forgetting processes that no longer exist. */
  private inUse(counter: Counter): number {
    const n = this.held.get(counter) as number
    const limit = counter === 'db' ? this.plan.dbConnections : this.plan.functionInstances
    if (limit === undefined || n < limit) return n
    let pruned = false
    for (const pid of this.holders.all(this.pid) as number[]) {
      if (isAlive(pid)) continue
      this.dropHolder.run(pid)
      pruned = true
    }
    return pruned ? (this.held.get(counter) as number) : n
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}
