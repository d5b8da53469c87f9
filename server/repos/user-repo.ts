import { rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import { newUserDoc, type NoShow, type ProfileFields, type UserDoc } from './user-doc'
import { findWithOffers, type SessionRead } from './user-session'

export { newUserDoc, type NoShow, type ProfileFields, type UserDoc } from './user-doc'

export interface UserRepo {
  findById(openid: string): Promise<UserDoc | null>
  /**
   * The user, the seats offered to them (at most 3) and the courses behind their claims (status and end
   * only, and whether the ledger names the user), in one request: the session's red dot and banner, and how many places really count.
   */
  findWithOffers(openid: string): Promise<SessionRead>
  /** At most 100 openids per call. */
  findByIds(openids: string[]): Promise<UserDoc[]>
  /**
   * Creates the record as a worker, or updates the profile fields only: a role is never self-assigned,
   * and a deleted profile signing up again gets its fields back on the record that kept its standing.
   */
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
  /**
   * Puts back a claim the ledger shows the worker holds a place for (recovery only), if it fits the
   * limit; consent and suspension are not asked again, the place was taken when they allowed it.
   */
  restoreClaim(openid: string, courseId: string, limit: number, now: Date): Promise<boolean>
  /** Workers holding a claim on `courseId`, in pages. */
  listClaimants(courseId: string, offset: number, limit: number): Promise<UserDoc[]>
  /** Workers with at least one claim whose record was written in [from, to), oldest first. */
  listClaimsChangedBetween(from: Date, to: Date, offset: number, limit: number): Promise<UserDoc[]>
  /** Adds the no-show unless the worker has one for that lesson already; one conditional update. */
  addNoShow(openid: string, noShow: NoShow, now: Date): Promise<boolean>
  /** Removes the no-show of that lesson if the worker has one; one conditional update. */
  removeNoShow(openid: string, lessonId: string, now: Date): Promise<boolean>
  /** Moves the suspension's end later, never earlier. */
  extendSuspension(openid: string, until: Date, by: string, now: Date): Promise<boolean>
  /**
   * Sets the suspension to what the remaining no-shows justify, only while the record is still as read
   * (same suspension, same number of no-shows), so a no-show landing meanwhile is never overruled.
   */
  resetSuspension(
    openid: string,
    seen: Pick<UserDoc, 'suspendedUntil' | 'noShowCount'>,
    to: { until: Date; by: string | null },
    now: Date,
  ): Promise<boolean>
  /**
   * Erases the personal fields and keeps the standing, only while the worker holds no course claims and
   * has the no-shows counted at `noShowCount` (so the caller's choice between this and removal holds).
   */
  anonymise(openid: string, noShowCount: number, now: Date): Promise<boolean>
  /** Removes the record only while it holds no claims and still has `noShowCount` no-shows. */
  removeIfUnclaimed(openid: string, noShowCount?: number): Promise<boolean>
  /** Deleted profiles whose suspension has ended, oldest deletion first (candidates for removal). */
  listDeletedUnsuspended(now: Date, offset: number, limit: number): Promise<UserDoc[]>
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
    findWithOffers: (openid) => findWithOffers(db, users, openid),
    async findByIds(openids) {
      if (openids.length === 0) return []
      return rows<UserDoc>(users.where({ _id: _.in(openids) }).limit(100))
    },
    saveProfile: (openid, fields, now) => saveProfile(users, findById, openid, fields, now),
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
    restoreClaim(openid, courseId, limit, now) {
      return updatedCount(
        users
          .where({ _id: openid, activeCourses: _.neq(courseId), [`activeCourses.${limit - 1}`]: _.exists(false) })
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
    ...standingMethods(users, _),
  }
}

type Users = ReturnType<Db['collection']>
type Command = Db['command']

/** The no-show and deletion writes: each one conditional update, so overlapping runs lose nothing. */
function standingMethods(
  users: Users,
  _: Command,
): Pick<
  UserRepo,
  | 'addNoShow'
  | 'removeNoShow'
  | 'extendSuspension'
  | 'resetSuspension'
  | 'anonymise'
  | 'removeIfUnclaimed'
  | 'listDeletedUnsuspended'
> {
  const one = (n: number) => n === 1
  return {
    async removeIfUnclaimed(openid, noShowCount) {
      const where: Record<string, unknown> = { _id: openid, 'activeCourses.0': _.exists(false) }
      if (noShowCount !== undefined) where.noShowCount = noShowCount
      const res = (await users.where(where).remove()) as { stats: { removed: number } }
      return res.stats.removed === 1
    },
    addNoShow(openid, noShow, now) {
      return updatedCount(
        users
          .where({ _id: openid, 'noShows.lessonId': _.neq(noShow.lessonId) })
          .update({ data: { noShows: _.push(noShow), noShowCount: _.inc(1), updatedAt: now } }),
      ).then(one)
    },
    removeNoShow(openid, lessonId, now) {
      return updatedCount(
        users
          .where({ _id: openid, 'noShows.lessonId': lessonId })
          .update({ data: { noShows: _.pull({ lessonId }), noShowCount: _.inc(-1), updatedAt: now } }),
      ).then(one)
    },
    extendSuspension(openid, until, by, now) {
      return updatedCount(
        users
          .where({ _id: openid, suspendedUntil: _.lt(until) })
          .update({ data: { suspendedUntil: until, suspendedBy: by, updatedAt: now } }),
      ).then(one)
    },
    resetSuspension(openid, seen, to, now) {
      return updatedCount(
        users
          .where({ _id: openid, suspendedUntil: new Date(seen.suspendedUntil), noShowCount: seen.noShowCount })
          .update({ data: { suspendedUntil: to.until, suspendedBy: to.by, updatedAt: now } }),
      ).then(one)
    },
    anonymise(openid, noShowCount, now) {
      return updatedCount(
        users.where({ _id: openid, 'activeCourses.0': _.exists(false), noShowCount }).update({
          data: {
            name: '',
            phone: '',
            employer: '',
            memberNo: null,
            industry: null,
            consent: _.remove(),
            deletedAt: now,
            updatedAt: now,
          },
        }),
      ).then(one)
    },
    listDeletedUnsuspended(now, offset, limit) {
      return rows<UserDoc>(
        users
          .where({ deletedAt: _.gt(new Date(0)), suspendedUntil: _.lte(now) })
          .orderBy('deletedAt', 'asc')
          .orderBy('_id', 'asc')
          .skip(offset)
          .limit(limit),
      )
    },
  }
}

/** Creates the record as a worker, or updates the profile fields; a second tap racing the create updates. */
async function saveProfile(
  users: Users,
  findById: (openid: string) => Promise<UserDoc | null>,
  openid: string,
  fields: ProfileFields,
  now: Date,
): Promise<UserDoc> {
  const update = () => users.where({ _id: openid }).update({ data: { ...fields, deletedAt: null, updatedAt: now } })
  if ((await updatedCount(update())) === 0 && !(await findById(openid))) {
    try {
      await users.add({ data: newUserDoc(openid, fields, now) })
    } catch (err) {
      // A second tap raced us to create the record; update it instead.
      if (!(await findById(openid))) throw err
      await update()
    }
  }
  const saved = await findById(openid)
  if (!saved) throw new Error('user vanished after save')
  return saved
}
