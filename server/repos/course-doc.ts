/** What a course document holds: shared by the course repository, its parts and the lesson repository. */
import type { Industry, Level } from '@core/contracts/catalog'
import type { PresenceMode } from '@core/rules/presence'

export interface VenueDoc {
  name: string
  address: string
  lat?: number
  lng?: number
}

export type CourseStatus = 'draft' | 'published' | 'cancelled'
export type SeatState = 'enrolled' | 'offered'

/**
 * A seat of a course that is over keeps counting after its holder deleted their profile, under an
 * id with this prefix that names nobody (no record or user stands behind it).
 */
export const ERASED_HOLDER_PREFIX = 'gone_'

export interface CourseDoc {
  _id: string
  title: string
  category: string
  summary: string
  instructor: string
  venue: VenueDoc
  /** Absent on courses written before levels existed: they read, and filter, as 入门 (DEFAULT_LEVEL). */
  level?: Level
  /** The industries the course suits; empty or absent (older courses): every industry. */
  industries?: Industry[]
  /** The course wish (职工点课) the course was made from; its voters are told when enrollment opens. */
  wishId?: string
  capacity: number
  /**
   * The seat ledger. `seats` maps each seat holder's openid to 'enrolled' or 'offered'; `seatsTaken`
   * is its size and `seatsLeft` is capacity - seatsTaken. All three change together in one conditional
   * update, so the ledger is exact at every moment however many function instances write at once.
   */
  seats: Record<string, SeatState>
  /**
   * When each worker's place was taken (the take's own instant), written with the place: read only while
   * the place still waits for its claim and record, to tell a take in flight from one cut short. Removed
   * with the place when it goes (an erased worker must not be named here).
   */
  takenAt?: Record<string, Date>
  seatsTaken: number
  seatsLeft: number
  /** FIFO of openids waiting for a seat; `waitlistLength` is its length. */
  waitlist: string[]
  waitlistLength: number
  enrollOpensAt: Date
  enrollClosesAt: Date
  cancelDeadlineHours: number
  status: CourseStatus
  /** Kept in step with the lessons so the catalog can sort and show times without reading them. */
  firstLessonAt: Date
  lastLessonAt: Date
  lessonCount: number
  /** Set when staff cancel the course; workers see the reason. */
  cancelReason?: string
  cancelledAt?: Date
  /** How check-in proves presence; absent: 'location' (checked wherever the venue has coordinates). */
  presence?: PresenceMode
  /** The check-in fence around the venue in metres; absent: PRESENCE_RULES.defaultRadiusM. */
  checkinRadiusM?: number
  /** Per-course overrides of the programme's rules (ENROLL_RULES); absent means the default. */
  offerHoldHours?: number
  waitlistLimit?: number
  createdAt: Date
  updatedAt: Date
}

/**
 * What staff edit on a course, apart from its capacity and its ledger. `level` and `industries` are
 * absent when an edit leaves them as they are; a new course gets the defaults (newCourse).
 */
export type CourseDetails = Pick<
  CourseDoc,
  | 'title'
  | 'category'
  | 'summary'
  | 'instructor'
  | 'venue'
  | 'level'
  | 'industries'
  | 'enrollOpensAt'
  | 'enrollClosesAt'
  | 'cancelDeadlineHours'
  | 'presence'
  | 'checkinRadiusM'
  | 'firstLessonAt'
  | 'lastLessonAt'
  | 'lessonCount'
>

/** The ledger as a caller read it; a ledger write guarded by it fails if any of it moved since. */
export interface LedgerSeen {
  capacity: number
  seatsTaken: number
  waitlistLength: number
}

export interface CoursePage {
  items: CourseDoc[]
  total: number
}
