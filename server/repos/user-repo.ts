import { rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { UserRole } from '@core/contracts/user'
import { ENROLL_RULES, type EnrollmentStatus } from '@core/contracts/enrollment'
import type { SeatState } from './course-doc'

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

/** A seat held for the worker until a deadline (待确认), as the session shows it. */
export interface WaitingOffer {
  courseId: string
  offerExpiresAt: Date | null
}

/** A course the user holds a claim on, as far as the limit cares: is it still running, and does its ledger name the user? */
export interface ClaimedCourse {
  _id: string
  status: string
  lastLessonAt: Date
  /** Only the user's own seat, if any. */
  seats?: Record<string, SeatState>
  waitlist?: string[]
  /** The user's enrollment record there, as far as the claim cares. */
  record: Omit<ClaimRecord, 'courseId'> | null
}

interface ClaimRecord {
  courseId: string
  status: EnrollmentStatus
  updatedAt: Date
}

export interface UserRepo {
  findById(openid: string): Promise<UserDoc | null>
  /**
   * The user, the seats offered to them (at most 3) and the courses behind their claims (status and end
   * only, and whether the ledger names the user), in one request: the session's red dot and banner, and how many places really count.
   */
  findWithOffers(openid: string): Promise<{ user: UserDoc | null; offers: WaitingOffer[]; claimed: ClaimedCourse[] }>
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
  /** Puts back a claim the ledger shows the worker holds a place for (recovery only; ignores the limit). */
  restoreClaim(openid: string, courseId: string, now: Date): Promise<boolean>
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

/** pipeline() is in the SDK, missing from its typings. */
interface LookupPipeline {
  match(q: object): LookupPipeline
  project(p: object): LookupPipeline
  limit(n: number): LookupPipeline
  done(): object
}

/** See UserRepo.findWithOffers: one aggregate joining the offered records and the claimed courses. */
async function findWithOffers(
  db: Db,
  users: ReturnType<Db['collection']>,
  openid: string,
): ReturnType<UserRepo['findWithOffers']> {
  const _ = db.command
  const $ = db.command.aggregate as unknown as {
    pipeline(): LookupPipeline
    in(args: unknown[]): object
    ifNull(args: unknown[]): object
    and(args: unknown[]): object
    eq(args: unknown[]): object
  }
  const expr = (_ as unknown as { expr(e: object): object }).expr
  const claimedIds = $.ifNull(['$$claimed', []])
  const res = (await users
    .aggregate()
    .match({ _id: openid })
    .lookup({
      from: COLLECTIONS.enrollments,
      pipeline: $.pipeline()
        .match({ openid, status: 'offered' })
        .project({ _id: 0, courseId: 1, offerExpiresAt: 1 })
        .limit(ENROLL_RULES.maxActivePerWorker)
        .done(),
      as: 'offers',
    })
    .lookup({
      from: COLLECTIONS.courses,
      let: { claimed: '$activeCourses' },
      pipeline: $.pipeline()
        .match(expr($.in(['$_id', claimedIds])))
        .project({ _id: 1, status: 1, lastLessonAt: 1, [`seats.${openid}`]: 1, waitlist: 1 })
        .limit(ENROLL_RULES.maxActivePerWorker)
        .done(),
      as: 'claimed',
    })
    .lookup({
      from: COLLECTIONS.enrollments,
      let: { claimed: '$activeCourses' },
      pipeline: $.pipeline()
        .match(expr($.and([$.eq(['$openid', openid]), $.in(['$courseId', claimedIds])])))
        .project({ _id: 0, courseId: 1, status: 1, updatedAt: 1 })
        .limit(ENROLL_RULES.maxActivePerWorker)
        .done(),
      as: 'claimRecords',
    })
    .end()) as {
    list: (UserDoc & { offers: WaitingOffer[]; claimed: ClaimedCourse[]; claimRecords: ClaimRecord[] })[]
  }
  const [found] = res.list
  if (!found) return { user: null, offers: [], claimed: [] }
  const { offers, claimed, claimRecords, ...user } = found
  const recordOf = new Map(claimRecords.map((r) => [r.courseId, r]))
  return { user: user as UserDoc, offers, claimed: claimed.map((c) => ({ ...c, record: recordOf.get(c._id) ?? null })) }
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
