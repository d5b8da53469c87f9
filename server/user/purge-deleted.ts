import { ok, type Reply } from '@core/reply'
import type { UserRepo } from '../repos/user-repo'
import { standingLapsed } from '../checkin'

const PAGE = 100

/**
 * A deleted profile's record is kept only for its standing; once the suspension is over and the last
 * no-show has left the 60-day window, nothing justifies it and it goes. Run by the checkin timer.
 */
export async function purgeLapsedProfiles(deps: { users: UserRepo }, now: Date): Promise<Reply<{ removed: number }>> {
  let removed = 0
  for (const user of await deps.users.listDeletedUnsuspended(now, PAGE)) {
    if (standingLapsed(user, now) && (await deps.users.removeIfUnclaimed(user._id, user.noShowCount ?? 0))) removed++
  }
  return ok({ removed })
}
