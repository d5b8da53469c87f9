import { ok, type Reply } from '@core/reply'
import { settleFinished, type SettleFinishedResult } from '../certificates/settle-finished'
import type { ReportDeps } from './deps'
import { programmeOutcomes } from './programme-outcomes'

/**
 * The outcomes timer: settle the courses whose attendance is final, then recompute the programme's
 * outcome figures for the staff page (after settling, so new certificates are in them).
 */
export async function outcomesTimer(
  deps: ReportDeps,
  now: Date,
  budgetMs: number,
): Promise<Reply<SettleFinishedResult & { figures: boolean }>> {
  const started = Date.now()
  const settled = await settleFinished(deps, now, budgetMs)
  if (!settled.ok) return settled
  // The figures take a few seconds on a full programme: leave them to the next run when time is short.
  const figures = !settled.data.partial && Date.now() - started < budgetMs / 2
  if (figures) await programmeOutcomes(deps, now, { refresh: true })
  return ok({ ...settled.data, figures })
}
