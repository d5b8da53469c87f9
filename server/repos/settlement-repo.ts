import { rows, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'

/**
 * One record per course once its completion has been settled (`_id` = course id): the rule applied
 * and when. The outcomes timer looks for finished courses without one.
 */
export interface SettlementDoc {
  _id: string
  rulePercent: number
  settledAt: Date
  /** 'timer' or the staff member's openid. */
  settledBy: string
  qualified: number
}

export interface FinishedCourseRef {
  _id: string
  lastLessonAt: Date
}

export interface FinishedCourseRow extends FinishedCourseRef {
  title: string
  category: string
  instructor: string
  lessonCount: number
  seatsTaken: number
}

export interface SettlementRepo {
  findById(courseId: string): Promise<SettlementDoc | null>
  findByIds(courseIds: string[]): Promise<SettlementDoc[]>
  /** Written after the certificates, so a crash in between only makes the next run repeat the (idempotent) work. */
  save(doc: SettlementDoc): Promise<void>
  /** Published courses whose last lesson ended in [from, to), oldest first. */
  listCoursesEndedBetween(from: Date, to: Date, offset: number, limit: number): Promise<FinishedCourseRef[]>
  /** Published courses whose last lesson ended before `before`, latest first. */
  listFinishedCourses(before: Date, offset: number, limit: number): Promise<FinishedCourseRow[]>
}

export function createSettlementRepo(db: Db): SettlementRepo {
  const settlements = db.collection(COLLECTIONS.settlements)
  const courses = db.collection(COLLECTIONS.courses)
  const _ = db.command
  return {
    async findById(courseId) {
      const [found] = await rows<SettlementDoc>(settlements.where({ _id: courseId }).limit(1))
      return found ?? null
    },
    async findByIds(courseIds) {
      const out: SettlementDoc[] = []
      for (let i = 0; i < courseIds.length; i += 100) {
        out.push(
          ...(await rows<SettlementDoc>(settlements.where({ _id: _.in(courseIds.slice(i, i + 100)) }).limit(100))),
        )
      }
      return out
    },
    async save({ _id, ...data }) {
      await settlements.doc(_id).set({ data })
    },
    listCoursesEndedBetween(from, to, offset, limit) {
      return rows<FinishedCourseRef>(
        courses
          .where({ status: 'published', lastLessonAt: _.gte(from).and(_.lt(to)) })
          .field({ _id: true, lastLessonAt: true })
          .orderBy('lastLessonAt', 'asc')
          .skip(offset)
          .limit(limit),
      )
    },
    listFinishedCourses(before, offset, limit) {
      return rows<FinishedCourseRow>(
        courses
          .where({ status: 'published', lastLessonAt: _.lt(before) })
          .field({ seats: false, waitlist: false })
          .orderBy('lastLessonAt', 'desc')
          .skip(offset)
          .limit(limit),
      )
    },
  }
}
