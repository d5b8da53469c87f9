import { ok, type Reply } from '@core/reply'
import type { UserRepo } from '../repos/user-repo'
import { standingLapsed } from '../checkin'

const PAGE = 100

/**
 * A deleted profile's record is kept only for its standing; once the suspension is over and the last
 * no-show has left the 60-day window, nothing justifies it and it goes. Run by the checkin timer.
 */
export async function purgeLapsedProfiles(
  deps: { users: UserRepo },
  now: Date,
  budgetMs: number,
): Promise<Reply<{ removed: number; partial: boolean }>> {
  const started = Date.now()
  let removed = 0
  // Records still holding a recent no-show stay, so the next page starts after them.
  for (let kept = 0; ;) {
    if (Date.now() - started > budgetMs) return ok({ removed, partial: true })
    const page = await deps.users.listDeletedUnsuspended(now, kept, PAGE)
    for (const user of page) {
      const gone = standingLapsed(user, now) && (await deps.users.removeIfUnclaimed(user._id, user.noShowCount ?? 0))
      if (gone) removed++
      else kept++
    }
    if (page.length < PAGE) return ok({ removed, partial: false })
  }
}
