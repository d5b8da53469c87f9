/**
 * The session's one read (UserRepo.findWithOffers): the user, the seats offered to them, and the
 * courses and records behind their claims, joined in one aggregate.
 */
import type { Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import { ENROLL_RULES, type EnrollmentStatus } from '@core/contracts/enrollment'
import type { SeatState } from './course-doc'
import type { UserDoc } from './user-doc'

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

export interface ClaimRecord {
  courseId: string
  status: EnrollmentStatus
  updatedAt: Date
}

/** pipeline() is in the SDK, missing from its typings. */
interface LookupPipeline {
  match(q: object): LookupPipeline
  project(p: object): LookupPipeline
  limit(n: number): LookupPipeline
  done(): object
}

/** See UserRepo.findWithOffers: one aggregate joining the offered records and the claimed courses. */
/** What the session needs of the user, in one request. */
export interface SessionRead {
  user: UserDoc | null
  offers: WaitingOffer[]
  claimed: ClaimedCourse[]
}

export async function findWithOffers(
  db: Db,
  users: ReturnType<Db['collection']>,
  openid: string,
): Promise<SessionRead> {
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
