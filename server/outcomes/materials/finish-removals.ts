import type { MaterialsDeps } from './deps'
import { removeMaterial } from './remove-material'

/** Longer than the outcomes function's time limit: a removal marked earlier cannot still be running. */
export const REMOVAL_STALE_MS = 120_000

/**
 * For the outcomes timer: finishes removals that a dead call left marked (file still stored, record
 * hidden), in the direction they were going, so no file outlives its material even if staff never
 * tap 删除 again. Pages of 50 while `more()` allows.
 */
export async function finishRemovals(
  deps: Pick<MaterialsDeps, 'materials' | 'files'>,
  now: Date,
  more: () => boolean,
): Promise<number> {
  let finished = 0
  const before = new Date(now.getTime() - REMOVAL_STALE_MS)
  while (more()) {
    const page = await deps.materials.listRemovingSince(before, 50)
    for (const doc of page) {
      if (!more()) return finished
      const done = await removeMaterial(deps, { materialId: doc._id }, now)
      if (done.ok && done.data.removed) finished++
    }
    if (page.length < 50) break
  }
  return finished
}
