import { ENROLL_RULES } from '@core/contracts/enrollment'
import type { UserRepo } from '../repos/user-repo'

/**
 * The no-show rule, called when a lesson has ended without the worker's attendance (the check-in
 * work calls it). Three no-shows within 60 days suspend new enrollments for 14 days from the last one.
 * Returns the suspension end, or null when the worker is not suspended by this no-show.
 */
export async function recordNoShow(
  deps: { users: UserRepo },
  openid: string,
  lessonId: string,
  at: Date,
): Promise<Date | null> {
  const user = await deps.users.findById(openid)
  if (!user) return null
  const { count, windowDays, suspendDays } = ENROLL_RULES.noShow
  const windowStart = at.getTime() - windowDays * 86400_000
  const previous = (user.noShows ?? []).filter((n) => n.lessonId !== lessonId)
  const recent = [...previous, { lessonId, at }].filter((n) => new Date(n.at).getTime() >= windowStart)
  const suspendedUntil =
    recent.length >= count ? new Date(at.getTime() + suspendDays * 86400_000) : new Date(user.suspendedUntil ?? 0)
  await deps.users.recordNoShow(openid, recent, suspendedUntil, at)
  return recent.length >= count ? suspendedUntil : null
}
