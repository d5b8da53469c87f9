/** Contract of the `user` cloud function. */
export type UserRole = 'worker' | 'staff' | 'admin'

/** Bumped whenever the privacy notice changes; a worker must consent to the current version again. */
export const CONSENT_VERSION = '2026-12-03'

export interface LoginRequest {
  action: 'login'
}
export interface LoginResult {
  role: UserRole
  profileComplete: boolean
  /** True when the worker consented to an older notice and must read the new one. */
  consentOutdated: boolean
  name: string | null
  /** The worker's industry from the profile, for the catalog's "适合我的行业"; null when not given. */
  industry: string | null
  /** Courses the worker holds a place in (seat, offer or waitlist), for "您已报名 N 门，最多可同时报名 3 门". */
  activeCount?: number
  /** Seats held for the worker until a deadline (待确认): the red dot on 我的 and the catalog's banner. */
  offers?: { courseId: string; expiresAt: string | null }[]
}

export interface SaveProfileRequest {
  action: 'saveProfile'
  name: string
  /** Either a phone typed by hand or a `phoneCode` from WeChat's getPhoneNumber button. */
  phone?: string
  phoneCode?: string
  employer: string
  memberNo?: string
  /** One of INDUSTRIES; absent or empty clears it (the form sends the whole profile, as with memberNo). */
  industry?: string
  consentVersion: string
}

/** A profile save without its routing field: what the app's form sends and the use case takes. */
export type SaveProfileInput = Omit<SaveProfileRequest, 'action'>

export interface GetProfileRequest {
  action: 'getProfile'
}

export interface ProfileView {
  name: string
  phone: string
  employer: string
  memberNo: string | null
  industry: string | null
  role: UserRole
  consent: { version: string; at: string }
  createdAt: string
  updatedAt: string
}

/**
 * Erases the worker's profile (name, phone, employer, member number, consent), removes their enrollment
 * records, pending messages and subscription credits, and keeps their check-ins without their identity.
 * The standing (no-shows, a running suspension) stays on a record holding nothing personal until it
 * lapses (at most 60 days). Refused while the worker still holds a place in a running course, since
 * staff need to reach them about it.
 */
export interface DeleteProfileRequest {
  action: 'deleteProfile'
  /** Must be true: the app sends it only after the worker confirmed. */
  confirm: true
}

export type UserRequest = LoginRequest | SaveProfileRequest | GetProfileRequest | DeleteProfileRequest

export interface UserResults {
  login: LoginResult
  saveProfile: ProfileView
  /** null until the worker has signed up. */
  getProfile: ProfileView | null
  deleteProfile: { deleted: boolean }
}

export const PROFILE_LIMITS = {
  name: { min: 2, max: 20 },
  employer: { min: 2, max: 40 },
  memberNo: /^[0-9A-Za-z]{4,30}$/,
  phone: /^1[3-9]\d{9}$/,
} as const
