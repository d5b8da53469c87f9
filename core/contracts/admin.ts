/** Contract of the staff-only `admin` cloud function. Every action refuses workers (AUTH.FORBIDDEN). */
import type { EnrollmentStatus } from './enrollment'
import type { Industry, Level } from './catalog'
import type { PresenceMode } from '../rules/presence'

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
  /** One of LEVELS (入门 / 进阶 / 实操). Absent: 入门 for a new course, unchanged on an edit. */
  level?: Level
  /** From INDUSTRIES, each at most once; empty: suits every industry. Absent: [] when new, unchanged on an edit. */
  industries?: Industry[]
  /** A new course made from a course wish (职工点课): the wish becomes scheduled; ignored on an edit. */
  wishId?: string
  /** Check-in proves presence by the phone's position ('location', the default) or not at all ('none'). */
  presence?: PresenceMode
  /** Metres around the venue (PRESENCE_RULES.radiusM); absent: the default, or unchanged on an edit. */
  checkinRadiusM?: number
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
  /** On a cancelled course's roster: what the worker held when the union cancelled it (status is 'cancelled'). */
  formerStatus?: EnrollmentStatus | null
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
  /** The union cancelled the course: entries are the workers it held then, so staff can phone them. */
  cancelled?: boolean
  entries: RosterEntry[]
  nextCursor: string | null
}

/** 工作台 · 今日课程: every lesson of a published course starting today (Shanghai day). */
export interface TodayLessonsRequest {
  action: 'todayLessons'
}

export interface TodayLesson {
  lessonId: string
  courseId: string
  courseTitle: string
  /** 1-based, of lessonCount. */
  index: number
  lessonCount: number
  /** ISO instants. */
  startsAt: string
  endsAt: string
  venueName: string
  capacity: number
  /** Confirmed seats (enrolled), without offers still waiting for an answer. */
  enrolled: number
  checkedIn: number
}

export interface TodayLessonsResult {
  /** 'YYYY-MM-DD' in Shanghai. */
  day: string
  lessons: TodayLesson[]
}

export interface ImportRowError {
  /** 1-based line number in the CSV, counting the header as line 1. */
  line: number
  /** The column (IMPORT_COLUMNS key; IMPORT_COLUMN_LABELS names it for staff), '' for the whole row. */
  field: string
  message: string
}

/** One course an import would create (or finds already imported), for the preview table. */
export interface ImportPreviewCourse {
  title: string
  category: string
  instructor: string
  capacity: number
  lessonCount: number
  /** ISO instant. */
  firstLessonAt: string
  venueName: string
  alreadyImported: boolean
}

/**
 * A file with any error imports nothing: `errors` lists every problem found and `imported` is 0. With
 * `dryRun`, nothing is written and `imported`/`courseIds` say what a real import would create.
 */
export interface ImportResult {
  dryRun: boolean
  /** Courses created by this call. */
  imported: number
  /** Courses of the file found already imported, unchanged, by an earlier call (a retry): left as they are. */
  alreadyImported: number
  /** Every course of the file, in file order. */
  courseIds: string[]
  /** With dryRun and no errors: the same courses as staff read them, for the preview table. */
  preview?: ImportPreviewCourse[]
  errors: ImportRowError[]
}

/** The programme against its targets, for the staff 项目进度 page. */
export interface ProgrammeStatsRequest {
  action: 'programmeStats'
}

export interface CategoryStats {
  category: string
  courses: number
  capacity: number
  seatsTaken: number
  waitlisted: number
}

export interface ProgrammeStats {
  targets: { courses: number; workers: number }
  /** published: scheduled (已排课); started: first lesson already begun (已开课). */
  courses: { published: number; started: number; cancelled: number; finished: number }
  seats: { capacity: number; taken: number; waitlisted: number }
  /** Distinct workers holding or having held a confirmed seat. */
  workersReached: number
  lessons: { held: number; upcoming: number }
  /** Check-ins of lessons already held, against the seats those lessons had. */
  attendance: { checkIns: number; expected: number; late: number }
  byCategory: CategoryStats[]
  /** ISO; when these figures were computed. */
  asOf: string
}

export type AdminRequest =
  | UpsertCourseRequest
  | SetCapacityRequest
  | CancelCourseRequest
  | RosterRequest
  | ImportProgrammeRequest
  | ProgrammeStatsRequest
  | TodayLessonsRequest

export interface AdminResults {
  upsertCourse: { courseId: string }
  setCapacity: { capacity: number; seatsTaken: number; offered: number }
  cancelCourse: { notified: number }
  roster: RosterResult
  importProgramme: ImportResult
  programmeStats: ProgrammeStats
  todayLessons: TodayLessonsResult
}

/** Limits a course must keep, shared by the staff pages' forms and the admin function. */
export const COURSE_LIMITS = {
  title: 40,
  summary: 500,
  instructor: 40,
  venueName: 40,
  venueAddress: 80,
  capacity: { min: 1, max: 500 },
  lessons: { min: 1, max: 50 },
  cancelDeadlineHours: { min: 0, max: 168 },
  cancelReason: { min: 2, max: 100 },
} as const

/** WeChat caps a function's request at about 100 KB; the CSV leaves room for the rest of the call. */
export const IMPORT_LIMITS = { bytes: 90 * 1024, rows: 500 } as const

export const ROSTER_PAGE_SIZE = 100

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

/**
 * Columns a file may add (older files without them import as before): `level` (入门 / 进阶 / 实操, blank =
 * 入门) and `industries` (from INDUSTRIES, separated by 、 ; or |, blank = every industry).
 */
export const IMPORT_OPTIONAL_COLUMNS = ['level', 'industries'] as const

/**
 * Chinese column headers, as staff name the columns in a spreadsheet: a file may use these instead of the
 * English keys (or mix both). Errors name a column by this label.
 */
export const IMPORT_COLUMN_LABELS: Record<
  (typeof IMPORT_COLUMNS)[number] | (typeof IMPORT_OPTIONAL_COLUMNS)[number],
  string
> = {
  course_key: '课程编号',
  title: '课程名称',
  category: '分类',
  instructor: '讲师',
  summary: '简介',
  venue_name: '地点名称',
  venue_address: '详细地址',
  capacity: '名额',
  enroll_opens: '报名开始',
  enroll_closes: '报名截止',
  lesson_date: '上课日期',
  lesson_start: '开始时间',
  lesson_end: '结束时间',
  level: '级别',
  industries: '适合行业',
}

/** Other names staff write for the same columns (the labels above are accepted too). */
export const IMPORT_COLUMN_ALIASES: Record<
  string,
  (typeof IMPORT_COLUMNS)[number] | (typeof IMPORT_OPTIONAL_COLUMNS)[number]
> = {
  课程名: 'title',
  类别: 'category',
  课程类别: 'category',
  授课老师: 'instructor',
  老师: 'instructor',
  课程简介: 'summary',
  上课地点: 'venue_name',
  地点: 'venue_name',
  上课地址: 'venue_address',
  地址: 'venue_address',
  报名开始时间: 'enroll_opens',
  报名截止时间: 'enroll_closes',
  日期: 'lesson_date',
  上课时间: 'lesson_start',
  下课时间: 'lesson_end',
  课程难度: 'level',
  难度: 'level',
  行业: 'industries',
}

/** What separates industries in one import cell: a Chinese enumeration comma, a semicolon or a bar. */
export const IMPORT_LIST_SEPARATOR = /[、;；|]/
