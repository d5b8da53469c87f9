import { fail, ok, type Reply } from '@core/reply'
import { CONSENT_VERSION, PROFILE_LIMITS, type ProfileView, type SaveProfileInput } from '@core/contracts/user'
import { isIndustry } from '@core/contracts/catalog'
import type { UserRepo } from '../repos/user-repo'
import type { PhoneResolver } from '../platform/phone'
import { toProfileView } from './profile-view'

const between = (s: string, { min, max }: { min: number; max: number }) => [...s].length >= min && [...s].length <= max

/**
 * Signs a worker up or edits the profile. Consent to the current privacy notice comes first: nothing
 * is stored without it (PIPL: tell the purpose before collecting).
 */
export async function saveProfile(
  deps: { users: UserRepo; phones: PhoneResolver },
  openid: string,
  input: SaveProfileInput,
  now: Date,
): Promise<Reply<ProfileView>> {
  if (input.consentVersion !== CONSENT_VERSION) {
    return fail(input.consentVersion ? 'USER.CONSENT_OUTDATED' : 'USER.CONSENT_REQUIRED', { field: 'consentVersion' })
  }
  if (!between(input.name, PROFILE_LIMITS.name) || /[\d<>{}]/.test(input.name)) {
    return fail('USER.BAD_NAME', { field: 'name' })
  }
  if (!between(input.employer, PROFILE_LIMITS.employer)) return fail('USER.BAD_EMPLOYER', { field: 'employer' })
  const memberNo = input.memberNo ? input.memberNo : null
  if (memberNo !== null && !PROFILE_LIMITS.memberNo.test(memberNo)) {
    return fail('USER.BAD_MEMBER_NO', { field: 'memberNo' })
  }
  // Absent or empty clears it: the form sends the whole profile, and 行业 is optional.
  const industry = input.industry ? input.industry : null
  if (industry !== null && !isIndustry(industry)) return fail('USER.BAD_INDUSTRY', { field: 'industry' })
  let phone = input.phone ?? ''
  if (input.phoneCode) {
    const resolved = await deps.phones.resolve(input.phoneCode)
    if (!resolved) return fail('USER.PHONE_CODE_INVALID', { field: 'phone' })
    phone = resolved
  }
  if (!PROFILE_LIMITS.phone.test(phone)) return fail('USER.BAD_PHONE', { field: 'phone' })

  const saved = await deps.users.saveProfile(
    openid,
    {
      name: input.name,
      phone,
      employer: input.employer,
      memberNo,
      industry,
      consent: { version: CONSENT_VERSION, at: now },
    },
    now,
  )
  return ok(toProfileView(saved))
}
