/** The user document, and the one builder every creator of users goes through. */
import type { UserRole } from '@core/contracts/user'

/** A worker or staff member, keyed by openid so a person can only ever have one record. */
export interface UserDoc {
  _id: string
  name: string
  phone: string
  employer: string
  memberNo: string | null
  /** One of INDUSTRIES, for "适合我的行业"; absent or null when the worker did not give it. */
  industry?: string | null
  role: UserRole
  consent: { version: string; at: Date }
  /**
   * Courses the worker holds a seat, an offer or a waitlist place in, claimed before the seat itself
   * so the per-worker limit is exact under concurrent taps; `claimedAt` dates each claim so the
   * reconciler can tell a crashed claim from one in flight.
   */
  activeCourses: string[]
  claimedAt: Record<string, Date>
  /** Epoch when not suspended, so a single range condition covers every worker. */
  suspendedUntil: Date
  /** The no-show that completed the window behind `suspendedUntil` (null when none did). */
  suspendedBy?: string | null
  /** One entry per lesson missed (at = the lesson's end); `noShowCount` is its length, kept by the same writes. */
  noShows: NoShow[]
  noShowCount: number
  /**
   * Set when the worker deleted the profile: the personal fields are gone and only the standing (role,
   * no-shows, suspension) is kept, so a new sign-up with the same WeChat identity finds it.
   */
  deletedAt?: Date | null
  createdAt: Date
  updatedAt: Date
}

export interface NoShow {
  lessonId: string
  at: Date
}

export type ProfileFields = Pick<UserDoc, 'name' | 'phone' | 'employer' | 'memberNo' | 'industry' | 'consent'>

/** A new record: a worker with nothing claimed, never suspended. Every creator of users goes through here. */
export function newUserDoc(openid: string, fields: ProfileFields, now: Date, role: UserRole = 'worker'): UserDoc {
  return {
    _id: openid,
    ...fields,
    role,
    activeCourses: [],
    claimedAt: {},
    suspendedUntil: new Date(0),
    noShows: [],
    noShowCount: 0,
    createdAt: now,
    updatedAt: now,
  }
}
