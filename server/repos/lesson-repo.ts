import { rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { VenueDoc } from './course-doc'
import type { PresenceMode } from '@core/rules/presence'

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
  /** This lesson's own presence rule (set on the staff code screen); absent: the course's. */
  presence?: PresenceMode
  /** 允许仅输入数字码: staff let the 6-digit code in without a position for this lesson. */
  allowDigits?: boolean
  /** Wrong 6-digit codes per worker handle (workerRef): the guess limit, read with the lesson for free. */
  codeGuesses?: Record<string, number>
  /** 补签 taken back (撤销): the audit of marks that no longer stand. */
  undoneMarks?: UndoneMark[]
  /** Set once the no-shows of this lesson have been counted. */
  noShowsRecordedAt?: Date | null
  /** Set once every seated worker's reminder for this lesson is in the outbox. */
  remindersPlannedAt?: Date | null
  /**
   * Set by a course edit in the same write that changes the lesson, cleared once the workers' notices
   * are queued: an edit cut short between the two is announced by the reminders timer.
   */
  changeDue?: LessonChangeMark | null
}

export interface UndoneMark {
  /** `${ref}@${markedAt in ms}`: one entry per mark taken back, however often the undo runs. */
  key: string
  /** workerRef of the worker whose mark was taken back. */
  ref: string
  markedBy: string | null
  markedAt: Date
  reason: string | null
  undoneBy: string
  undoneAt: Date
}

export type LessonChangeWhat = 'time' | 'venue' | 'time_venue' | 'added'

export interface LessonChangeMark {
  /** The edit's notice key: the notices of one edit share it. */
  key: string
  what: LessonChangeWhat
}

const venueKey = (v: VenueDoc | null | undefined) => (v ? `${v.name}|${v.address}|${v.lat ?? ''}|${v.lng ?? ''}` : '')

/** Same time and place: what a worker would notice. */
export function sameLesson(
  a: Pick<LessonDoc, 'startsAt' | 'endsAt' | 'venue'>,
  b: Pick<LessonDoc, 'startsAt' | 'endsAt' | 'venue'>,
) {
  return (
    new Date(a.startsAt).getTime() === new Date(b.startsAt).getTime() &&
    new Date(a.endsAt).getTime() === new Date(b.endsAt).getTime() &&
    venueKey(a.venue) === venueKey(b.venue)
  )
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
  /**
   * Brings a course's lessons (ids `${courseId}_l${index}`) to `lessons`, writing only what changed:
   * a lesson whose time or venue is the same is left alone with its markers; a changed one gets its new
   * fields, and a new time clears `remindersPlannedAt` so it is announced again; lessons past the last
   * index are removed. Returns the ids of lessons written or removed.
   */
  saveForCourse(courseId: string, lessons: LessonDoc[]): Promise<string[]>
  /** Lessons whose change is not announced yet. */
  listChangeDue(limit: number): Promise<LessonDoc[]>
  clearChangeDue(id: string, key: string): Promise<boolean>
  removeByCourse(courseId: string): Promise<void>
  setCheckinOptions(id: string, options: Pick<LessonDoc, 'presence' | 'allowDigits'>): Promise<boolean>
  /**
   * Counts a wrong 6-digit code, only if the worker's count is still `seen` (what the caller read with
   * the lesson): two guesses racing cannot both be counted as the same one. False: not counted.
   */
  countWrongDigits(id: string, ref: string, seen: number): Promise<boolean>
  /** Adds the audit entry unless one with its key is there; false: it was. */
  recordUndoneMark(id: string, mark: UndoneMark): Promise<boolean>
  /** Lessons with a mark taken back since `since`: the checkin timer finishes undos cut short. */
  listUndoneSince(since: Date, limit: number): Promise<LessonDoc[]>
}

export function createLessonRepo(db: Db): LessonRepo {
  const lessons = db.collection(COLLECTIONS.lessons)
  const _ = db.command
  // A course has at most a few dozen lessons, well inside one page of 100.
  const listByCourse = (courseId: string) =>
    rows<LessonDoc>(lessons.where({ courseId }).orderBy('index', 'asc').limit(100))
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
    listByCourse,
    saveForCourse: (courseId, list) => saveForCourse(lessons, _, listByCourse, courseId, list),
    listChangeDue(limit) {
      return rows<LessonDoc>(lessons.where({ 'changeDue.key': _.exists(true) }).limit(limit))
    },
    async clearChangeDue(id, key) {
      return (
        (await updatedCount(lessons.where({ _id: id, 'changeDue.key': key }).update({ data: { changeDue: null } }))) ===
        1
      )
    },
    async removeByCourse(courseId) {
      await lessons.where({ courseId }).remove()
    },
    async setCheckinOptions(id, options) {
      const data = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined))
      return (await updatedCount(lessons.where({ _id: id }).update({ data }))) === 1
    },
    async countWrongDigits(id, ref, seen) {
      const path = `codeGuesses.${ref}`
      const where = { _id: id, [path]: seen === 0 ? _.exists(false) : seen }
      return (await updatedCount(lessons.where(where).update({ data: { [path]: seen + 1 } }))) === 1
    },
    async recordUndoneMark(id, mark) {
      const where = { _id: id, 'undoneMarks.key': _.neq(mark.key) }
      return (await updatedCount(lessons.where(where).update({ data: { undoneMarks: _.push([mark]) } }))) === 1
    },
    listUndoneSince(since, limit) {
      return rows<LessonDoc>(lessons.where({ 'undoneMarks.undoneAt': _.gte(since) }).limit(limit))
    },
  }
}

/** See LessonRepo.saveForCourse. */
async function saveForCourse(
  lessons: ReturnType<Db['collection']>,
  _: Db['command'],
  listByCourse: (courseId: string) => Promise<LessonDoc[]>,
  courseId: string,
  list: LessonDoc[],
): Promise<string[]> {
  const before = new Map((await listByCourse(courseId)).map((l) => [l._id, l]))
  const touched: string[] = []
  // Writing by id, then trimming, means the course never shows zero lessons in between.
  for (const { _id, ...data } of list) {
    const old = before.get(_id)
    const mark = data.changeDue ? { changeDue: _.set(data.changeDue) } : {}
    if (!old) await lessons.doc(_id).set({ data })
    else if (!sameLesson(old, data)) {
      const moved = new Date(old.startsAt).getTime() !== new Date(data.startsAt).getTime()
      const patch = { startsAt: data.startsAt, endsAt: data.endsAt, venue: _.set(data.venue), ...mark }
      await lessons.doc(_id).update({ data: moved ? { ...patch, remindersPlannedAt: _.remove() } : patch })
    } else if (data.changeDue) {
      // Same lesson, but the course's venue it falls back on moved.
      await lessons.doc(_id).update({ data: mark })
    } else continue
    touched.push(_id)
  }
  const gone = [...before.values()].filter((l) => l.index > list.length).map((l) => l._id)
  if (gone.length > 0) await lessons.where({ courseId, index: _.gt(list.length) }).remove()
  return [...touched, ...gone]
}
