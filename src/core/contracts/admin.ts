/** Contract of the staff-only `admin` cloud function. Every action refuses workers (AUTH.FORBIDDEN). */
import type { EnrollmentStatus } from './enrollment'

export interface VenueInput {
  name: string
  address: string
  lat?: number
  lng?: number
}

export interface LessonInput {
  /** ISO instants. */
  startsAt: string
  endsAt: string
  venue?: VenueInput
}

export interface CourseInput {
  /** Absent: create a new course. */
  id?: string
  title: string
  category: string
  summary: string
  instructor: string
  venue: VenueInput
  capacity: number
  enrollOpensAt: string
  enrollClosesAt: string
  cancelDeadlineHours?: number
  lessons: LessonInput[]
}

export interface UpsertCourseRequest {
  action: 'upsertCourse'
  course: CourseInput
}
export interface SetCapacityRequest {
  action: 'setCapacity'
  courseId: string
  capacity: number
}
export interface CancelCourseRequest {
  action: 'cancelCourse'
  courseId: string
  reason: string
}
export interface RosterRequest {
  action: 'roster'
  courseId: string
  /** Opaque cursor from the previous page. */
  cursor?: string
}
export interface ImportProgrammeRequest {
  action: 'importProgramme'
  csv: string
  /** true: validate only, write nothing. */
  dryRun?: boolean
}

export interface RosterEntry {
  name: string
  phone: string
  employer: string
  memberNo: string | null
  status: EnrollmentStatus
  waitlistPosition: number | null
  offerExpiresAt: string | null
  updatedAt: string
}

export interface RosterResult {
  courseId: string
  title: string
  capacity: number
  seatsTaken: number
  waitlistLength: number
  entries: RosterEntry[]
  nextCursor: string | null
}

export interface ImportRowError {
  /** 1-based line number in the CSV, counting the header as line 1. */
  line: number
  field: string
  message: string
}

export interface ImportResult {
  imported: number
  courseIds: string[]
  errors: ImportRowError[]
}

export type AdminRequest =
  UpsertCourseRequest | SetCapacityRequest | CancelCourseRequest | RosterRequest | ImportProgrammeRequest

export interface AdminResults {
  upsertCourse: { courseId: string }
  setCapacity: { capacity: number; seatsTaken: number; offered: number }
  cancelCourse: { notified: number }
  roster: RosterResult
  importProgramme: ImportResult
}

/** CSV columns for importProgramme: one row per lesson; rows with the same course_key form a course. */
export const IMPORT_COLUMNS = [
  'course_key',
  'title',
  'category',
  'instructor',
  'summary',
  'venue_name',
  'venue_address',
  'capacity',
  'enroll_opens',
  'enroll_closes',
  'lesson_date',
  'lesson_start',
  'lesson_end',
] as const
