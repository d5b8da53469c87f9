import { ERROR_MESSAGES, INDUSTRIES, PROFILE_LIMITS } from '@core'

export interface ProfileFormValues {
  name: string
  phone: string
  employer: string
  memberNo: string
  /** One of INDUSTRIES, or '' when not given. */
  industry: string
}

export type ProfileField = keyof ProfileFormValues

export type ProfileFormErrors = Partial<Record<ProfileField, string>>

export const EMPTY_PROFILE_FORM: ProfileFormValues = { name: '', phone: '', employer: '', memberNo: '', industry: '' }

function lengthWithin(value: string, limits: { min: number; max: number }): boolean {
  // Count characters, not UTF-16 units, so a rare-character name is not rejected as too long.
  const n = Array.from(value).length
  return n >= limits.min && n <= limits.max
}

/**
 * Same rules and the same words as the server, so a worker never passes here and fails there.
 * `hasPhoneCode`: WeChat's getPhoneNumber button supplied the phone, so the text field may stay empty.
 */
export function validateProfileForm(values: ProfileFormValues, hasPhoneCode = false): ProfileFormErrors {
  const errors: ProfileFormErrors = {}
  if (!lengthWithin(values.name.trim(), PROFILE_LIMITS.name)) errors.name = ERROR_MESSAGES['USER.BAD_NAME']
  if (!(hasPhoneCode && values.phone.trim() === '') && !PROFILE_LIMITS.phone.test(values.phone.trim())) {
    errors.phone = ERROR_MESSAGES['USER.BAD_PHONE']
  }
  if (!lengthWithin(values.employer.trim(), PROFILE_LIMITS.employer)) {
    errors.employer = ERROR_MESSAGES['USER.BAD_EMPLOYER']
  }
  const memberNo = values.memberNo.trim()
  if (memberNo && !PROFILE_LIMITS.memberNo.test(memberNo)) errors.memberNo = ERROR_MESSAGES['USER.BAD_MEMBER_NO']
  if (values.industry && !(INDUSTRIES as readonly string[]).includes(values.industry)) {
    errors.industry = ERROR_MESSAGES['USER.BAD_INDUSTRY']
  }
  return errors
}

const FIELD_ALIASES: Record<string, ProfileField> = {
  name: 'name',
  phone: 'phone',
  phoneCode: 'phone',
  employer: 'employer',
  memberNo: 'memberNo',
  industry: 'industry',
}

/** Maps a server error's `field` onto the form field to highlight. */
export function fieldOf(serverField: string | undefined): ProfileField | null {
  return serverField ? (FIELD_ALIASES[serverField] ?? null) : null
}
