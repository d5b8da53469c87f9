import { ok, type Reply } from '@core/reply'
import { settleFinished, type SettleFinishedResult } from '../certificates/settle-finished'
import type { ReportDeps } from './deps'
import { programmeOutcomes } from './programme-outcomes'
import type { WishDeps } from '../wishes/deps'
import { wishUpkeep, type WishUpkeep } from '../wishes/upkeep'
import type { MaterialsDeps } from '../materials/deps'
import { finishRemovals } from '../materials/finish-removals'

/**
 * The outcomes timer: settle the courses whose attendance is final, then recompute the programme's
 * outcome figures for the staff page (after settling, so new certificates are in them), then look
 * after the course wishes (finish merges, raise counts left short, tell voters their course opened),
 * and finish lesson-material removals a dead call left halfway.
 */
export async function outcomesTimer(
  deps: ReportDeps & WishDeps & Pick<MaterialsDeps, 'materials' | 'files'>,
  now: Date,
  budgetMs: number,
): Promise<Reply<SettleFinishedResult & { figures: boolean; wishes: WishUpkeep | null; materialsRemoved: number }>> {
  const started = Date.now()
  const settled = await settleFinished(deps, now, budgetMs)
  if (!settled.ok) return settled
  // The figures take a few seconds on a full programme: leave them to the next run when time is short.
  const figures = !settled.data.partial && Date.now() - started < budgetMs / 2
  if (figures) await programmeOutcomes(deps, now, { refresh: true })
  const wishes =
    Date.now() - started < budgetMs ? await wishUpkeep(deps, now, () => Date.now() - started < budgetMs) : null
  const materialsRemoved = await finishRemovals(deps, now, () => Date.now() - started < budgetMs)
  return ok({ ...settled.data, figures, wishes, materialsRemoved })
}
