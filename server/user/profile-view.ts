import type { ProfileView } from '@core/contracts/user'
import type { UserDoc } from '../repos/user-repo'

export function toProfileView(user: UserDoc): ProfileView {
  return {
    name: user.name,
    phone: user.phone,
    employer: user.employer,
    memberNo: user.memberNo,
    industry: user.industry ?? null,
    role: user.role,
    consent: { version: user.consent.version, at: new Date(user.consent.at).toISOString() },
    createdAt: new Date(user.createdAt).toISOString(),
    updatedAt: new Date(user.updatedAt).toISOString(),
  }
}

/** A profile is complete when every required field is there and the current notice was accepted. */
export function isProfileComplete(user: UserDoc | null, consentVersion: string): boolean {
  return !!user && !!user.name && !!user.phone && !!user.employer && user.consent?.version === consentVersion
}
