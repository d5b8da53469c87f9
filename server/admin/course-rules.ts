/**
 * What makes a course publishable, shared by the course form (upsertCourse) and the CSV import so both
 * refuse the same things with the same words. Each check looks only at the values it is given, so the
 * import can still check the rest of a row whose date failed to parse and report every problem at once.
 */
import {
  CATEGORIES,
  DEFAULT_LEVEL,
  INDUSTRIES,
  isIndustry,
  isLevel,
  LEVELS,
  type Category,
} from '@core/contracts/catalog'
import { COURSE_LIMITS } from '@core/contracts/admin'
import { PRESENCE_RULES } from '@core/rules/presence'
import type { CourseDetails, CourseDoc, VenueDoc } from '../repos/course-repo'
import type { LessonDoc } from '../repos/lesson-repo'
import { lessonShortId } from '../checkin'

export interface RuleError {
  /** Path in CourseInput terms: 'title', 'venue.name', 'lessons.2.endsAt'. */
  field: string
  message: string
}

/** A lesson as staff describe it: the stored lesson's own fields, before it gets an id and check-in rules. */
export type LessonDraft = Pick<LessonDoc, 'startsAt' | 'endsAt' | 'venue'>

/**
 * A course as staff describe it, before it gets an id and a ledger: the details staff edit, less the
 * lesson summary the lessons themselves give, plus the capacity and the lessons.
 */
export type CourseDraft = Omit<CourseDetails, 'firstLessonAt' | 'lastLessonAt' | 'lessonCount'> &
  Pick<CourseDoc, 'capacity'> & { lessons: LessonDraft[] }

/** Characters as a person counts them: one per Chinese character, emoji included. */
export const length = (s: string) => [...s].length

function textError(field: string, value: string, label: string, max: number): RuleError | null {
  if (length(value) === 0) return { field, message: `请填写${label}` }
  if (length(value) > max) return { field, message: `${label}不能超过 ${max} 个字` }
  return null
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value)
}

export function capacityError(field: string, capacity: number): RuleError | null {
  const { min, max } = COURSE_LIMITS.capacity
  if (!Number.isInteger(capacity) || capacity < min || capacity > max) {
    return { field, message: `名额应为 ${min}–${max} 之间的整数` }
  }
  return null
}

/** A known level; the import names the cell, the form the picker. */
export function levelError(field: string, level: string): RuleError | null {
  if (isLevel(level)) return null
  const known = `课程难度应为：${LEVELS.join('、')}`
  return { field, message: level ? `「${level}」不是可选的课程难度；${known}` : known }
}

/** Every industry known and listed once; an empty list means the course suits every industry. */
export function industriesError(field: string, industries: readonly string[]): RuleError | null {
  const unknown = industries.find((i) => !isIndustry(i))
  if (unknown !== undefined) {
    return { field, message: `「${unknown}」不是可选的行业；可选：${INDUSTRIES.join('、')}` }
  }
  const twice = industries.find((i, k) => industries.indexOf(i) !== k)
  if (twice !== undefined) return { field, message: `行业「${twice}」重复了，每个行业只写一次` }
  return null
}

function venueErrors(prefix: string, venue: VenueDoc): RuleError[] {
  return [
    textError(`${prefix}.name`, venue.name, '上课地点名称', COURSE_LIMITS.venueName),
    textError(`${prefix}.address`, venue.address, '上课地址', COURSE_LIMITS.venueAddress),
  ].filter((e): e is RuleError => e !== null)
}

/** The course's own fields; only the keys present are checked. */
export function checkDetails(
  d: Partial<Omit<CourseDraft, 'lessons' | 'enrollOpensAt' | 'enrollClosesAt'>>,
): RuleError[] {
  const errors: (RuleError | null)[] = []
  if (d.title !== undefined) errors.push(textError('title', d.title, '课程名称', COURSE_LIMITS.title))
  if (d.category !== undefined && !isCategory(d.category)) {
    errors.push({ field: 'category', message: `课程类别应为：${CATEGORIES.join('、')}` })
  }
  if (d.summary !== undefined) errors.push(textError('summary', d.summary, '课程简介', COURSE_LIMITS.summary))
  if (d.instructor !== undefined) {
    errors.push(textError('instructor', d.instructor, '授课老师', COURSE_LIMITS.instructor))
  }
  if (d.venue !== undefined) errors.push(...venueErrors('venue', d.venue))
  if (d.level !== undefined) errors.push(levelError('level', d.level))
  if (d.industries !== undefined) errors.push(industriesError('industries', d.industries))
  if (d.capacity !== undefined) errors.push(capacityError('capacity', d.capacity))
  if (d.checkinRadiusM !== undefined) {
    const { min, max } = PRESENCE_RULES.radiusM
    const r = d.checkinRadiusM
    if (!Number.isInteger(r) || r < min || r > max) {
      errors.push({ field: 'checkinRadiusM', message: `签到范围应为上课地点 ${min}–${max} 米内` })
    }
  }
  if (d.cancelDeadlineHours !== undefined) {
    const { min, max } = COURSE_LIMITS.cancelDeadlineHours
    const h = d.cancelDeadlineHours
    if (!Number.isInteger(h) || h < min || h > max) {
      errors.push({ field: 'cancelDeadlineHours', message: `取消截止应为开课前 ${min}–${max} 小时` })
    }
  }
  return errors.filter((e): e is RuleError => e !== null)
}

const HOUR_MS = 3600_000
export const LESSON_MAX_HOURS = 12
export const SCHEDULE_AHEAD_DAYS = 365

type Slot = Pick<LessonDraft, 'startsAt' | 'endsAt'>

export interface ScheduleContext {
  now: Date
  /** Lessons already held at these times: left as they are, they may lie in the past. */
  unchanged?: Slot[]
}

/** A lesson's own time: ending after it starts, at most 12 h, and — unless unchanged — from now to a year ahead. */
function lessonTimeErrors(l: Slot & { i: number }, ctx: ScheduleContext): RuleError[] {
  const start = l.startsAt.getTime()
  const end = l.endsAt.getTime()
  if (end <= start) return [{ field: `lessons.${l.i}.endsAt`, message: '下课时间应晚于上课时间' }]
  const errors: RuleError[] = []
  if (end - start > LESSON_MAX_HOURS * HOUR_MS) {
    errors.push({ field: `lessons.${l.i}.endsAt`, message: `一节课最长 ${LESSON_MAX_HOURS} 小时，请检查下课时间` })
  }
  const kept = (ctx.unchanged ?? []).some((u) => u.startsAt.getTime() === start && u.endsAt.getTime() === end)
  if (!kept && start < ctx.now.getTime()) {
    errors.push({ field: `lessons.${l.i}.startsAt`, message: '上课时间已过，不能把课安排在过去' })
  } else if (!kept && start > ctx.now.getTime() + SCHEDULE_AHEAD_DAYS * 24 * HOUR_MS) {
    errors.push({ field: `lessons.${l.i}.startsAt`, message: '上课时间只能安排在一年之内' })
  }
  return errors
}

/**
 * The schedule: each lesson's own time (lessonTimeErrors), lessons in order without overlaps,
 * enrollment closing after it opens and no later than the first lesson. A null stands for a value that
 * failed to parse; checks that need it are skipped, the others still run.
 */
export function checkSchedule(
  d: {
    enrollOpensAt: Date | null
    enrollClosesAt: Date | null
    lessons: (Slot | null)[]
  },
  ctx: ScheduleContext,
): RuleError[] {
  const errors: RuleError[] = []
  const { min, max } = COURSE_LIMITS.lessons
  if (d.lessons.length < min) errors.push({ field: 'lessons', message: '请至少安排一节课' })
  if (d.lessons.length > max) errors.push({ field: 'lessons', message: `一门课程最多安排 ${max} 节课` })
  const parsed = d.lessons
    .map((l, i) => (l ? { ...l, i } : null))
    .filter((l): l is Pick<LessonDraft, 'startsAt' | 'endsAt'> & { i: number } => l !== null)
  const sound = parsed.filter((l) => {
    errors.push(...lessonTimeErrors(l, ctx))
    return l.endsAt.getTime() > l.startsAt.getTime()
  })
  sound.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
  for (let k = 1; k < sound.length; k++) {
    if (sound[k].startsAt.getTime() < sound[k - 1].endsAt.getTime()) {
      errors.push({ field: `lessons.${sound[k].i}.startsAt`, message: '与另一节课的时间重叠' })
    }
  }
  const opens = d.enrollOpensAt
  const closes = d.enrollClosesAt
  if (opens && closes && closes.getTime() <= opens.getTime()) {
    errors.push({ field: 'enrollClosesAt', message: '报名截止时间应晚于报名开始时间' })
  }
  if (closes && parsed.length > 0) {
    const first = Math.min(...parsed.map((l) => l.startsAt.getTime()))
    if (closes.getTime() > first) {
      errors.push({ field: 'enrollClosesAt', message: '报名截止时间不能晚于第一节课的上课时间' })
    }
  }
  return errors
}

export function checkCourse(d: CourseDraft, ctx: ScheduleContext): RuleError[] {
  const lessonVenues = d.lessons.flatMap((l, i) => (l.venue ? venueErrors(`lessons.${i}.venue`, l.venue) : []))
  return [...checkDetails(d), ...lessonVenues, ...checkSchedule(d, ctx)]
}

function byStart(lessons: LessonDraft[]): LessonDraft[] {
  return [...lessons].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
}

/** Lessons numbered by start time: ids `${courseId}_l1`, `_l2`, … as the rest of the system expects. */
export function lessonDocs(courseId: string, lessons: LessonDraft[]): LessonDoc[] {
  return byStart(lessons).map((l, k) => ({
    _id: `${courseId}_l${k + 1}`,
    shortId: lessonShortId(`${courseId}_l${k + 1}`),
    courseId,
    index: k + 1,
    startsAt: l.startsAt,
    endsAt: l.endsAt,
    venue: l.venue,
    checkinOpensBefore: 30,
    lateAfter: 10,
  }))
}

export function courseDetails(d: CourseDraft): CourseDetails {
  const lessons = byStart(d.lessons)
  return {
    title: d.title,
    category: d.category,
    summary: d.summary,
    instructor: d.instructor,
    venue: d.venue,
    // Absent on an edit that leaves them alone: the update then keeps what the course has.
    ...(d.level !== undefined ? { level: d.level } : {}),
    ...(d.industries !== undefined ? { industries: d.industries } : {}),
    enrollOpensAt: d.enrollOpensAt,
    enrollClosesAt: d.enrollClosesAt,
    cancelDeadlineHours: d.cancelDeadlineHours,
    ...(d.presence !== undefined ? { presence: d.presence } : {}),
    ...(d.checkinRadiusM !== undefined ? { checkinRadiusM: d.checkinRadiusM } : {}),
    firstLessonAt: lessons[0].startsAt,
    lastLessonAt: new Date(Math.max(...lessons.map((l) => l.endsAt.getTime()))),
    lessonCount: lessons.length,
  }
}

/** A new course with an empty ledger. */
export function newCourse(id: string, d: CourseDraft, status: CourseDoc['status'], now: Date): CourseDoc {
  return {
    _id: id,
    ...courseDetails(d),
    level: d.level ?? DEFAULT_LEVEL,
    industries: d.industries ?? [],
    capacity: d.capacity,
    seats: {},
    seatsTaken: 0,
    seatsLeft: d.capacity,
    waitlist: [],
    waitlistLength: 0,
    status,
    createdAt: now,
    updatedAt: now,
  }
}
