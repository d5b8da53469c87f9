import { rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { UserRole } from '@core/contracts/user'

/** A worker or staff member, keyed by openid so a person can only ever have one record. */
export interface UserDoc {
  _id: string
  name: string
  phone: string
  employer: string
  memberNo: string | null
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
  noShows: { lessonId: string; at: Date }[]
  noShowCount: number
  createdAt: Date
  updatedAt: Date
}

export type ProfileFields = Pick<UserDoc, 'name' | 'phone' | 'employer' | 'memberNo' | 'consent'>

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

export interface UserRepo {
  findById(openid: string): Promise<UserDoc | null>
  /** At most 100 openids per call. */
  findByIds(openids: string[]): Promise<UserDoc[]>
  /** Creates the record as a worker, or updates the profile fields only: a role is never self-assigned. */
  saveProfile(openid: string, fields: ProfileFields, now: Date): Promise<UserDoc>
  /**
   * Claims a place for `courseId` if the worker consented to `consentVersion`, is not suspended, does
   * not hold this course already and holds fewer than `limit` courses. One conditional update.
   */
  claimCourse(
    openid: string,
    courseId: string,
    rule: { limit: number; consentVersion: string },
    now: Date,
  ): Promise<boolean>
  releaseCourse(openid: string, courseId: string, now: Date): Promise<boolean>
  /** Puts back a claim the ledger shows the worker holds a place for (recovery only; ignores the limit). */
  restoreClaim(openid: string, courseId: string, now: Date): Promise<boolean>
  /** Workers holding a claim on `courseId`, in pages. */
  listClaimants(courseId: string, offset: number, limit: number): Promise<UserDoc[]>
  /** Workers with at least one claim whose record was written in [from, to), oldest first. */
  listClaimsChangedBetween(from: Date, to: Date, offset: number, limit: number): Promise<UserDoc[]>
  recordNoShow(openid: string, noShows: UserDoc['noShows'], suspendedUntil: Date, now: Date): Promise<boolean>
  /** Removes the record only while it holds no course claims (checked in the same conditional remove). */
  removeIfUnclaimed(openid: string): Promise<boolean>
}

export function createUserRepo(db: Db): UserRepo {
  const users = db.collection(COLLECTIONS.users)
  const _ = db.command
  const findById = async (openid: string): Promise<UserDoc | null> => {
    const [found] = await rows<UserDoc>(users.where({ _id: openid }).limit(1))
    return found ?? null
  }
  return {
    findById,
    async findByIds(openids) {
      if (openids.length === 0) return []
      return rows<UserDoc>(users.where({ _id: _.in(openids) }).limit(100))
    },
    async saveProfile(openid, fields, now) {
      const updated = await updatedCount(users.where({ _id: openid }).update({ data: { ...fields, updatedAt: now } }))
      if (updated === 0) {
        const existing = await findById(openid)
        if (!existing) {
          const doc = newUserDoc(openid, fields, now)
          try {
            await users.add({ data: doc })
          } catch (err) {
            // A second tap raced us to create the record; fall through and update it instead.
            if (!(await findById(openid))) throw err
            await users.where({ _id: openid }).update({ data: { ...fields, updatedAt: now } })
          }
        }
      }
      const saved = await findById(openid)
      if (!saved) throw new Error('user vanished after save')
      return saved
    },
    claimCourse(openid, courseId, { limit, consentVersion }, now) {
      return updatedCount(
        users
          .where({
            _id: openid,
            role: 'worker',
            'consent.version': consentVersion,
            suspendedUntil: _.lte(now),
            activeCourses: _.neq(courseId),
            [`activeCourses.${limit - 1}`]: _.exists(false),
          })
          .update({ data: { activeCourses: _.push(courseId), [`claimedAt.${courseId}`]: now, updatedAt: now } }),
      ).then((n) => n === 1)
    },
    releaseCourse(openid, courseId, now) {
      return updatedCount(
        users
          .where({ _id: openid, activeCourses: courseId })
          .update({ data: { activeCourses: _.pull(courseId), [`claimedAt.${courseId}`]: _.remove(), updatedAt: now } }),
      ).then((n) => n === 1)
    },
    restoreClaim(openid, courseId, now) {
      return updatedCount(
        users
          .where({ _id: openid, activeCourses: _.neq(courseId) })
          .update({ data: { activeCourses: _.push(courseId), [`claimedAt.${courseId}`]: now, updatedAt: now } }),
      ).then((n) => n === 1)
    },
    listClaimants(courseId, offset, limit) {
      return rows<UserDoc>(users.where({ activeCourses: courseId }).orderBy('_id', 'asc').skip(offset).limit(limit))
    },
    listClaimsChangedBetween(from, to, offset, limit) {
      return rows<UserDoc>(
        users
          .where({ updatedAt: _.gte(from).and(_.lt(to)), 'activeCourses.0': _.exists(true) })
          .orderBy('updatedAt', 'asc')
          .orderBy('_id', 'asc')
          .skip(offset)
          .limit(limit),
      )
    },
    async removeIfUnclaimed(openid) {
      const res = (await users.where({ _id: openid, 'activeCourses.0': _.exists(false) }).remove()) as {
        stats: { removed: number }
      }
      return res.stats.removed === 1
    },
    recordNoShow(openid, noShows, suspendedUntil, now) {
      return updatedCount(
        users
          .where({ _id: openid })
          .update({ data: { noShows: _.set(noShows), noShowCount: noShows.length, suspendedUntil, updatedAt: now } }),
      ).then((n) => n === 1)
    },
  }
}
