/**
 * Loads the bundled cloud functions (`cloudfunctions/<name>/index.js`, the files DevTools uploads)
 * and runs them as the cloud would: `main(event, context)` with the caller's identity, within the
 * function's time limit, each invocation accounted and subject to the faults planned for it.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { randomUUID } from 'node:crypto'
import { runAs, type CallerIdentity } from './context'
import type { FaultPlan, InvocationStats } from './faults'
import { FaultInjector } from './invocation'
import { loadSdk } from './seam'
import { InstanceLimitError, QuotaGate } from './quotas'

export const FUNCTIONS_DIR = path.resolve(__dirname, '..', 'cloudfunctions')

export interface FunctionConfig {
  timeout?: number
  permissions?: { openapi?: string[] }
  triggers?: { name: string; type: 'timer'; config: string }[]
}

type Main = (event: unknown, context: unknown) => Promise<unknown>

/** The platform's limit on a call's event (request data), about 100 KB. */
export const MAX_EVENT_BYTES = 100 * 1024

/** What a caller gets for an event over the platform's size limit: the call never starts. */
export class EventTooLargeError extends Error {
  readonly errCode = -504001
  readonly errMsg: string
  constructor(name: string, bytes: number) {
    super(
      `cloud.callFunction:fail Error: errCode: -504001 functions request fail | errMsg: request data of ${name} ` +
        `is ${bytes} bytes, over the limit of ${MAX_EVENT_BYTES}`,
    )
    this.name = 'EventTooLargeError'
    this.errMsg = this.message
  }
}

/** The platform's limit when config.json sets none. */
export const DEFAULT_TIMEOUT_SECONDS = 3

export interface InvokeOptions {
  /** Faults for this invocation; its fields override the run's (LocalCloud `faults`, LOCAL_CLOUD_FAULTS). */
  faults?: FaultPlan
  /** Replaces config.json's timeout for this invocation (tests: a short limit instead of a long wait). */
  timeoutMs?: number
  /** Receives the invocation's stats as soon as it starts (a live object, final once the call settles). */
  onStats?: (stats: InvocationStats) => void
  /**
   * Called when the function's own code has ended — for a dead invocation, after the caller already
   * has its timeout: the moment from which nothing of it can reach the store any more.
   */
  onFinished?: (stats: InvocationStats) => void
}

export class FunctionHost {
  private cache = new Map<string, Main>()

  constructor(
    private readonly dir = FUNCTIONS_DIR,
    readonly faults = new FaultInjector(),
    private readonly quotas: QuotaGate | null = null,
  ) {}

  private nameList: string[] | null = null

  /**
   * Forgets the loaded functions: the next call starts a fresh instance, with none of the module state
   * a warm instance keeps (the enrollment function's admission gate, say), as on a new environment.
   */
  dropInstances(): void {
    this.cache.clear()
  }

  names(): string[] {
    this.nameList ??= fs
      .readdirSync(this.dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(this.dir, d.name, 'config.json')))
      .map((d) => d.name)
      .sort()
    return this.nameList
  }

  private configs = new Map<string, FunctionConfig>()

  /** Read once per host: every invocation needs the timeout, and the file does not change while it runs. */
  config(name: string): FunctionConfig {
    let config = this.configs.get(name)
    if (!config) {
      config = JSON.parse(fs.readFileSync(path.join(this.dir, name, 'config.json'), 'utf8')) as FunctionConfig
      this.configs.set(name, config)
    }
    return config
  }

  /** The function's time limit: config.json's `timeout` in seconds, the platform's default when unset. */
  timeoutMs(name: string): number {
    return (this.config(name).timeout ?? DEFAULT_TIMEOUT_SECONDS) * 1000
  }

  private load(name: string): Main {
    const cached = this.cache.get(name)
    if (cached) return cached
    const file = path.join(this.dir, name, 'index.js')
    if (!fs.existsSync(file)) {
      throw new Error(`local cloud: ${file} is missing — run \`npm run build:functions\` first`)
    }
    // The bundle keeps wx-server-sdk external, as in the cloud. It must get THIS process's SDK (the one
    // whose transport is redirected), whatever node_modules a developer may have installed beside it.
    const sdk = loadSdk()
    const localRequire = createRequire(file)
    const req = ((id: string) => (id === 'wx-server-sdk' ? sdk : localRequire(id))) as NodeJS.Require
    const mod = { exports: {} as { main?: Main } }
    // Compiled in the caller's realm (not vm.runInThisContext) so that a test's pinned clock and the
    // function see the same Date.
    const wrapper = new Function(
      'exports',
      'require',
      'module',
      '__filename',
      '__dirname',
      `${fs.readFileSync(file, 'utf8')}\n//# sourceURL=${file}`,
    ) as (...args: unknown[]) => void
    wrapper(mod.exports, req, mod, file, path.dirname(file))
    if (typeof mod.exports.main !== 'function') throw new Error(`local cloud: ${file} exports no main()`)
    this.cache.set(name, mod.exports.main)
    return mod.exports.main
  }

  async invoke(
    name: string,
    event: Record<string, unknown>,
    identity: Partial<CallerIdentity>,
    options: InvokeOptions = {},
  ): Promise<unknown> {
    if (!/^[a-z][a-zA-Z0-9_-]*$/.test(name) || !this.names().includes(name)) {
      throw new Error(`FUNCTIONS_NOT_FOUND: ${name}`)
    }
    const bytes = Buffer.byteLength(JSON.stringify(event) ?? '')
    if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(name, bytes)
    const main = this.load(name)
    if (this.quotas && !this.quotas.enterFunction(name)) {
      throw new InstanceLimitError(name, this.quotas.plan.functionInstances ?? 0)
    }
    const timeoutMs = options.timeoutMs ?? this.timeoutMs(name)
    const invocation = this.faults.begin(name, event, timeoutMs, options.faults)
    options.onStats?.(invocation.stats)
    const context = {
      request_id: randomUUID(),
      function_name: name,
      function_version: '$LATEST',
      memory_limit_in_mb: 256,
      time_limit_in_ms: timeoutMs,
    }
    // A call from the mini-program carries userInfo, as in WeChat; timers and servers do not.
    const payload = identity.OPENID
      ? { ...event, userInfo: { appId: identity.APPID ?? '', openId: identity.OPENID } }
      : { ...event }
    // Called inside an async function so a synchronous throw becomes a rejection like any other.
    const running = runAs(identity, async () => main(payload, context), invocation)
    if (options.onFinished) {
      const done = () => options.onFinished?.(invocation.stats)
      running.then(done, done)
    }
    if (!this.quotas) return invocation.run(running)
    // The instance is free again when the platform answers its caller (a killed instance included).
    const quotas = this.quotas
    return invocation.run(running).finally(() => quotas.leaveFunction(name))
  }
}
