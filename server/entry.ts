/**
 * Builds a cloud function's `main` from a table of actions. The entry does the same few things for
 * every function: identity from getWXContext() (the only trustworthy source), strict validation of the
 * request, the staff check, dispatch, and the reply shape. Unexpected errors are logged and answered
 * with COMMON.INTERNAL, never leaked. Every call ends with one structured log line (see callLog).
 */
import { z } from 'zod'
import { fail, type Reply } from '@core/reply'
import { countDbRequests, getCloud } from './cloud'
import { isQuotaRefusal } from './platform/quota'
import type { UserRepo } from './repos/user-repo'

export interface Caller {
  openid: string
  /** 'wx_trigger' for timer invocations. */
  source: string
}

export interface ActionContext<I> {
  input: I
  caller: Caller
  now: Date
}

export interface ActionSpec<S extends z.ZodTypeAny, R> {
  schema: S
  /** Staff-only actions refuse workers with AUTH.FORBIDDEN before any work is done. */
  staffOnly?: boolean
  /** Timer-only actions answer only to WeChat's trigger. */
  triggerOnly?: boolean
  run: (ctx: ActionContext<z.infer<S>>) => Promise<Reply<R>>
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ActionTable = Record<string, ActionSpec<any, any>>

export function defineAction<S extends z.ZodTypeAny, R>(spec: ActionSpec<S, R>): ActionSpec<S, R> {
  return spec
}

export interface EntryDeps {
  users: UserRepo
}

export interface EntryOptions {
  /** Run when WeChat's timer trigger fires (event.Type 'Timer', SOURCE wx_trigger). */
  timer?: (ctx: { now: Date; budgetMs: number }) => Promise<Reply<unknown>>
}

interface CallContext {
  time_limit_in_ms?: number
  function_name?: string
}

export function createEntry(actions: ActionTable, deps: () => EntryDeps, options: EntryOptions = {}) {
  const handle = createHandler(actions, deps, options)
  return async function main(event: unknown, context?: CallContext): Promise<Reply<unknown>> {
    const started = Date.now()
    const { result, requests } = await countDbRequests(() => handle(event, context))
    callLog({
      function: context?.function_name ?? process.env.SCF_FUNCTIONNAME ?? '',
      action: loggedAction(event, actions),
      outcome: result.ok ? 'OK' : result.error.code,
      ms: Date.now() - started,
      dbRequests: requests,
    })
    return result
  }
}

/**
 * The per-call log line. It carries no request field and no reply data, so no name, phone or member
 * number can reach the logs; an action name is logged only when it is one of the table's own.
 * CALL_LOG=off silences it (the test runner sets that: the lines would drown jest's output).
 */
function callLog(line: { function: string; action: string; outcome: string; ms: number; dbRequests: number }): void {
  if (process.env.CALL_LOG === 'off') return
  console.log(JSON.stringify({ log: 'call', ...line }))
}

function loggedAction(event: unknown, actions: ActionTable): string {
  if (!event || typeof event !== 'object') return '?'
  if ((event as { Type?: unknown }).Type === 'Timer') return 'timer'
  const action = (event as { action?: unknown }).action
  return typeof action === 'string' && Object.hasOwn(actions, action) ? action : '?'
}

function createHandler(actions: ActionTable, deps: () => EntryDeps, options: EntryOptions) {
  return async function handle(event: unknown, context?: CallContext): Promise<Reply<unknown>> {
    try {
      const cloud = getCloud()
      const ctx = cloud.getWXContext() as { OPENID?: string; SOURCE?: string }
      const caller: Caller = { openid: ctx.OPENID ?? '', source: ctx.SOURCE ?? '' }
      if (!event || typeof event !== 'object') return fail('COMMON.BAD_REQUEST')
      if ((event as { Type?: unknown }).Type === 'Timer' && options.timer) {
        if (caller.source !== 'wx_trigger') return fail('AUTH.FORBIDDEN')
        // Leave a margin for the last page's writes before the platform's time limit.
        const budgetMs = Math.max(1000, (context?.time_limit_in_ms ?? 3000) - 1500)
        return await options.timer({ now: new Date(), budgetMs })
      }
      // userInfo is added by WeChat to calls from the mini-program; it is not part of any request.
      const { action, userInfo: _userInfo, ...fields } = event as Record<string, unknown>
      void _userInfo
      const spec = typeof action === 'string' && Object.hasOwn(actions, action) ? actions[action] : undefined
      if (!spec) return fail('COMMON.UNKNOWN_ACTION')
      if (spec.triggerOnly) {
        if (caller.source !== 'wx_trigger') return fail('AUTH.FORBIDDEN')
      } else if (!caller.openid) {
        return fail('COMMON.UNAUTHENTICATED')
      }
      // Staff-only actions refuse workers before looking at the request, so nothing about them leaks.
      if (spec.staffOnly) {
        const user = await deps().users.findById(caller.openid)
        if (!user || (user.role !== 'staff' && user.role !== 'admin')) return fail('AUTH.FORBIDDEN')
      }
      const parsed = spec.schema.safeParse(fields)
      if (!parsed.success) return badRequest(parsed.error)
      return await spec.run({ input: parsed.data, caller, now: new Date() })
    } catch (err) {
      // Over the environment's database quota the platform refuses at once (-501003 QPS, -501004
      // concurrency): an expected, retryable answer, not a bug.
      if (isQuotaRefusal(err)) return fail('COMMON.BUSY')
      console.error('unexpected error', err)
      return fail('COMMON.INTERNAL')
    }
  }
}

function badRequest(error: z.ZodError): Reply<never> {
  const issue = error.issues[0]
  const field = issue?.path.join('.') || undefined
  if (issue?.code === 'unrecognized_keys') {
    return fail('COMMON.BAD_REQUEST', { message: '提交了无法识别的信息，请更新小程序后重试', field: issue.keys[0] })
  }
  return fail('COMMON.BAD_REQUEST', { field })
}

/** Text fields: trimmed, bounded before any rule looks at them so a huge string costs nothing. */
export const text = (max: number) =>
  z
    .string()
    .max(max * 4)
    .transform((s) => s.trim())
export const id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)
