/** The course repository's interface, apart from its adapter so the adapter's parts can name it without a cycle. */
import type { Industry, Level } from '@core/contracts/catalog'
import type { CourseDetails, CourseDoc, CoursePage, LedgerSeen, SeatState } from './course-doc'
import type { EnrollmentDoc } from './enrollment-repo'
import type { LessonDoc } from './lesson-repo'
import type { UserDoc } from './user-repo'

/** The caller's place in a listed course, read from its ledger: a seat state, or a 0-based waitlist index (-1: none). */
export interface OwnLedgerPlace {
  seat: SeatState | null
  waitIndex: number
}

export interface OwnCoursePage extends CoursePage {
  items: (CourseDoc & { own: OwnLedgerPlace })[]
}

export interface CourseRepo {
  findById(id: string): Promise<CourseDoc | null>
  /**
   * The course, the worker's own user record and their enrollment record there, in one request (an
   * aggregate joining both): what an enroll needs to refuse, or to finish its own take cut short,
   * without a second read.
   */
  findWithWorker(
    id: string,
    openid: string,
  ): Promise<{ course: CourseDoc | null; worker: UserDoc | null; record: EnrollmentDoc | null }>
  /** Up to 100 courses with their lessons (in no particular order), in one request. */
  findByIdsWithLessons(ids: string[]): Promise<(CourseDoc & { lessons: LessonDoc[] })[]>
  /** The course, its lessons in order and the worker's enrollment record, in one request. */
  findForPage(
    id: string,
    openid: string,
  ): Promise<{ course: CourseDoc | null; lessons: LessonDoc[]; record: EnrollmentDoc | null }>
  findByIds(ids: string[]): Promise<CourseDoc[]>
  /** Takes a free seat if the course is open for enrollment now and the worker holds none. */
  takeSeat(courseId: string, openid: string, now: Date): Promise<boolean>
  /** Queues the worker if the course is open, full, and the waitlist is below `limit`. */
  joinWaitlist(courseId: string, openid: string, limit: number, now: Date): Promise<boolean>
  leaveWaitlist(courseId: string, openid: string, now: Date): Promise<boolean>
  /**
   * Gives up `openid`'s seat (held as `state`). With `to`, the seat passes to that openid as an offer,
   * and only while `to` is still the head of the waitlist; without, it frees up only while nobody waits.
   */
  releaseSeat(courseId: string, openid: string, state: SeatState, to: string | null, now: Date): Promise<boolean>
  /** Turns `openid`'s offered seat into a confirmed one. */
  confirmSeat(courseId: string, openid: string, now: Date): Promise<boolean>
  /** Courses written in [from, to), oldest first, for the enrollment sweep. */
  listChangedBetween(from: Date, to: Date, offset: number, limit: number): Promise<CourseDoc[]>
  /** Published courses not over at `now`, and courses cancelled since `cancelledSince`: the sweep's full pass. */
  listLive(now: Date, cancelledSince: Date, offset: number, limit: number): Promise<CourseDoc[]>
  /**
   * Published courses not yet over, soonest first. `level`: a course stored without one counts as
   * DEFAULT_LEVEL; `forIndustry`: courses listing it and courses suiting every industry.
   */
  listOpen(filter: {
    category?: string
    level?: Level
    forIndustry?: Industry
    /** Case-insensitive words in the title, the instructor or the venue's name (already length-checked). */
    search?: string
    /** Only courses a worker can take a seat in now (open window, a seat left). */
    openOnly?: boolean
    /** Whose place to fold into each item (`own`), in the same request. */
    openid: string
    now: Date
    offset: number
    limit: number
  }): Promise<OwnCoursePage>
  /** Adds a new course; fails (throws) if the id is taken. */
  insert(doc: CourseDoc): Promise<void>
  /** Rewrites a published course's details, leaving capacity and ledger alone; false when not published. */
  updateDetails(id: string, details: CourseDetails, now: Date): Promise<boolean>
  /**
   * Sets the capacity of a published course while its ledger still reads `seen`, and in the same update
   * moves `offerTo` (the head of the waitlist, in order) into the seats as offers.
   */
  setCapacity(id: string, capacity: number, seen: LedgerSeen, offerTo: string[], now: Date): Promise<boolean>
  /** Cancels a published course of this capacity and empties its ledger; false when it was not so. */
  markCancelled(id: string, capacity: number, reason: string, now: Date): Promise<boolean>
  /** Makes drafts visible, returning how many were published. */
  publishDrafts(ids: string[], now: Date): Promise<number>
  removeDraft(id: string): Promise<boolean>
  /** Removes a course written at `createdAt` while nobody holds or waits for a seat in it. */
  removeUnjoined(id: string, createdAt: Date): Promise<boolean>
  /** Profile deletion: in a course over by `now`, the worker's seat moves to `alias`; counts stay. */
  forgetHolder(id: string, openid: string, state: SeatState, alias: string, now: Date): Promise<boolean>
  forgetWaiter(id: string, openid: string, now: Date): Promise<boolean>
}
