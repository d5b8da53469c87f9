import { ok, type Reply } from '@core/reply'
import { CONSENT_VERSION, type LoginResult } from '@core/contracts/user'
import type { UserRepo } from '../repos/user-repo'
import { isProfileComplete } from './profile-view'

export async function login(deps: { users: UserRepo }, openid: string): Promise<Reply<LoginResult>> {
  const user = await deps.users.findById(openid)
  return ok({
    role: user?.role ?? 'worker',
    profileComplete: isProfileComplete(user, CONSENT_VERSION),
    // A deleted profile has no consent at all: that is a newcomer, not an outdated notice.
    consentOutdated: !!user?.consent && user.consent.version !== CONSENT_VERSION,
    name: user?.name || null,
    industry: user?.industry ?? null,
  })
}
