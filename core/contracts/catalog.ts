/** Contract of the `catalog` cloud function. */
import type { PresenceMode } from '../rules/presence'
import type { EnrollState } from '../rules/enroll-state'

export const CATEGORIES = ['人工智能', '无人机', '跨境电商', '工业机器人', '数据分析'] as const
export type Category = (typeof CATEGORIES)[number]

/** How far into a subject a course goes: first steps, building on them, hands-on practice. */
export const LEVELS = ['入门', '进阶', '实操'] as const
export type Level = (typeof LEVELS)[number]

/**
 * The industries a course suits and a worker's profile names (optional), so the catalog can offer
 * "适合我的行业" and staff can see which trades want which courses.
 */
export const INDUSTRIES = [
  '制造业',
  '信息技术',
  '批发零售',
  '交通物流',
  '建筑业',
  '住宿餐饮',
  '金融',
  '教育',
  '医疗卫生',
  '公共服务',
  '电商外贸',
  '其他',
] as const
export type Industry = (typeof INDUSTRIES)[number]

export function isLevel(value: unknown): value is Level {
  return (LEVELS as readonly unknown[]).includes(value)
}

export function isIndustry(value: unknown): value is Industry {
  return (INDUSTRIES as readonly unknown[]).includes(value)
}

/** What a course without a stored level is (courses written before levels existed). */
export const DEFAULT_LEVEL: Level = '入门'

export const CATALOG_PAGE_SIZE = { default: 10, max: 50 } as const

export interface VenueView {
  name: string
  address: string
  lat?: number
  lng?: number
}

export interface CourseCard {
  id: string
  title: string
  category: string
  instructor: string
  venue: VenueView
  capacity: number
  seatsTaken: number
  seatsLeft: number
  waitlistLength: number
  lessonCount: number
  /** ISO instants (UTC); shown in Shanghai time. */
  firstLessonAt: string
  lastLessonAt: string
  enrollOpensAt: string
  enrollClosesAt: string
  enrollState: EnrollState
  level: Level
  /** Empty: the course suits every industry. */
  industries: Industry[]
}

export interface LessonView {
  id: string
  index: number
  startsAt: string
  endsAt: string
  /** When check-in opens (it closes at endsAt); the server decides, the app only offers the button. */
  checkinOpensAt: string
  venue: VenueView
}

export interface CourseDetail extends CourseCard {
  summary: string
  /** Why staff cancelled the course, when they did. */
  cancelReason: string | null
  cancelDeadlineHours: number
  /** Of seatsTaken, the seats offered to the waitlist and not yet confirmed (待确认); the rest are enrolled. */
  seatsOffered?: number
  /** How check-in proves presence, and the fence in metres (the course form edits them). */
  presence: PresenceMode
  checkinRadiusM: number
  lessons: LessonView[]
  /** The caller's own place in the course (null: none), so the course page is one call. */
  mine: OwnPlaceView | null
}

/** A worker's place in one course as the course page shows it. */
export interface OwnPlaceView {
  status: 'enrolled' | 'waitlisted' | 'offered'
  /** 1-based, only while waitlisted. */
  waitlistPosition: number | null
  /** ISO; only while offered. */
  offerExpiresAt: string | null
  /** ISO; the last moment a seat may be given back. */
  cancelDeadline: string
  canCancel: boolean
}

/** The caller's own place in a listed course, so a card says 已报名 / 候补第 N 位 / 待确认. */
export interface CardOwnPlace {
  status: 'enrolled' | 'waitlisted' | 'offered'
  /** 1-based, only while waitlisted. */
  waitlistPosition: number | null
}

/** A catalog card with the caller's own place (null: none). */
export interface ListedCourse extends CourseCard {
  own?: CardOwnPlace | null
}

/** The longest search text the catalog takes (longer text is refused, not cut). */
export const CATALOG_SEARCH_MAX = 20

export interface ListCoursesRequest {
  action: 'listCourses'
  /** Words in the title, the instructor or the venue's name; case-insensitive, matched literally. */
  search?: string
  /** 只看可报名: only courses with a seat to take now. */
  openOnly?: boolean
  category?: string
  /** One of LEVELS; a course stored without a level counts as 入门. */
  level?: string
  /** One of INDUSTRIES: courses that list it, and courses that suit every industry ("适合我的行业"). */
  forIndustry?: string
  /** 1-based. */
  page?: number
  pageSize?: number
}
export interface ListCoursesResult {
  items: ListedCourse[]
  total: number
  page: number
  pageSize: number
  hasMore: boolean
  categories: readonly string[]
  levels: readonly string[]
  industries: readonly string[]
}

export interface GetCourseRequest {
  action: 'getCourse'
  courseId: string
}

export type CatalogRequest = ListCoursesRequest | GetCourseRequest

export interface CatalogResults {
  listCourses: ListCoursesResult
  getCourse: CourseDetail
}
