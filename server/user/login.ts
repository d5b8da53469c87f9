import { ok, type Reply } from '@core/reply'
import { CONSENT_VERSION, type LoginResult } from '@core/contracts/user'
import type { UserRepo } from '../repos/user-repo'
import { isProfileComplete } from './profile-view'
import { claimCounts } from '../enrollment'

export async function login(deps: { users: UserRepo }, openid: string, now: Date): Promise<Reply<LoginResult>> {
  // One request: the record and any seat offered to the worker, which must not go unnoticed.
  const { user, offers, claimed } = await deps.users.findWithOffers(openid)
  return ok({
    role: user?.role ?? 'worker',
    profileComplete: isProfileComplete(user, CONSENT_VERSION),
    // A deleted profile has no consent at all: that is a newcomer, not an outdated notice.
    consentOutdated: !!user?.consent && user.consent.version !== CONSENT_VERSION,
    name: user?.name || null,
    industry: user?.industry ?? null,
    // Claims on courses that are over or cancelled, or that no place backs any more (a decline leaves its
    // claim to recovery), linger until the next enroll releases them: they do not count, or the course
    // page would block a worker who is free to sign up.
    activeCount: claimed.filter(
      (c) =>
        c.status === 'published' &&
        new Date(c.lastLessonAt) > now &&
        claimCounts(c, openid, user?.claimedAt?.[c._id], c.record, now),
    ).length,
    offers: offers.map((o) => ({
      courseId: o.courseId,
      expiresAt: o.offerExpiresAt ? new Date(o.offerExpiresAt).toISOString() : null,
    })),
  })
}
