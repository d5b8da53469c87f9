import { rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { VenueDoc } from './course-repo'

export interface LessonDoc {
  _id: string
  courseId: string
  index: number
  startsAt: Date
  endsAt: Date
  /** null: the course's venue. */
  venue: VenueDoc | null
  /** Minutes before the start when check-in opens. */
  checkinOpensBefore: number
  /** Minutes after the start when a check-in counts as late. */
  lateAfter: number
  /** The lesson's name inside check-in codes (lessonShortId of the id), indexed by lookups. */
  shortId: string
  /** Set once the no-shows of this lesson have been counted. */
  noShowsRecordedAt?: Date | null
  /** Set once every seated worker's reminder for this lesson is in the outbox. */
  remindersPlannedAt?: Date | null
}

export interface LessonRepo {
  findById(id: string): Promise<LessonDoc | null>
  findByShortId(shortId: string): Promise<LessonDoc | null>
  /** Lessons that ended in [from, to) and whose no-shows have not been counted yet. */
  listEndedUncounted(from: Date, to: Date, limit: number): Promise<LessonDoc[]>
  markNoShowsCounted(id: string, at: Date): Promise<boolean>
  /** Lessons starting in (from, to] whose reminders are not planned yet. */
  listStartingUnplanned(from: Date, to: Date, limit: number): Promise<LessonDoc[]>
  markRemindersPlanned(id: string, at: Date): Promise<boolean>
  listByCourse(courseId: string): Promise<LessonDoc[]>
  listByCourses(courseIds: string[]): Promise<LessonDoc[]>
  /** Writes a course's lessons (ids `${courseId}_l${index}`) and removes any past the last index. */
  replaceForCourse(courseId: string, lessons: LessonDoc[]): Promise<void>
  removeByCourse(courseId: string): Promise<void>
}

export function createLessonRepo(db: Db): LessonRepo {
  const lessons = db.collection(COLLECTIONS.lessons)
  const _ = db.command
  return {
    async findById(id) {
      const [found] = await rows<LessonDoc>(lessons.where({ _id: id }).limit(1))
      return found ?? null
    },
    async findByShortId(shortId) {
      const [found] = await rows<LessonDoc>(lessons.where({ shortId }).limit(1))
      return found ?? null
    },
    listEndedUncounted(from, to, limit) {
      return rows<LessonDoc>(
        lessons
          .where({ endsAt: _.gte(from).and(_.lt(to)), noShowsRecordedAt: _.exists(false) })
          .orderBy('endsAt', 'asc')
          .limit(limit),
      )
    },
    listStartingUnplanned(from, to, limit) {
      return rows<LessonDoc>(
        lessons
          .where({ startsAt: _.gt(from).and(_.lte(to)), remindersPlannedAt: _.exists(false) })
          .orderBy('startsAt', 'asc')
          .limit(limit),
      )
    },
    async markRemindersPlanned(id, at) {
      const n = await updatedCount(
        lessons.where({ _id: id, remindersPlannedAt: _.exists(false) }).update({ data: { remindersPlannedAt: at } }),
      )
      return n === 1
    },
    async markNoShowsCounted(id, at) {
      const n = await updatedCount(
        lessons.where({ _id: id, noShowsRecordedAt: _.exists(false) }).update({ data: { noShowsRecordedAt: at } }),
      )
      return n === 1
    },
    async listByCourse(courseId) {
      // A course has at most a few dozen lessons, well inside one page of 100.
      return rows<LessonDoc>(lessons.where({ courseId }).orderBy('index', 'asc').limit(100))
    },
    async listByCourses(courseIds) {
      if (courseIds.length === 0) return []
      // Callers pass a worker's few active courses: a handful of lessons each, inside one page.
      return rows<LessonDoc>(
        lessons
          .where({ courseId: db.command.in(courseIds) })
          .orderBy('startsAt', 'asc')
          .limit(100),
      )
    },
    async replaceForCourse(courseId, list) {
      // Overwriting by id, then trimming, means the course never shows zero lessons in between.
      for (const { _id, ...data } of list) await lessons.doc(_id).set({ data })
      await lessons.where({ courseId, index: db.command.gt(list.length) }).remove()
    },
    async removeByCourse(courseId) {
      await lessons.where({ courseId }).remove()
    },
  }
}
