import { inShanghai } from '@core/time'
import type { Count, CourseRow, LessonRow } from '../../repos/report-repo'
import type { EmployerFigures, UnmetDemand } from '@core/contracts/outcomes'

/** The raw aggregation results the programme workbook is computed from. */
export interface ProgrammeData {
  courses: CourseRow[]
  lessons: LessonRow[]
  checkInsByLesson: Count<string>[]
  enrollments: Count<{ courseId: string; status: string }>[]
  byEmployer: { employer: string; workers: number; reached: number; checkIns: number }[]
  certificatesByCourse: Count<string>[]
  certificatesByEmployer: Count<string>[]
  ratingsByCourse: Count<string>[]
}

export interface CourseFigures {
  courseId: string
  title: string
  category: string
  instructor: string
  status: string
  firstLessonAt: Date
  capacity: number
  seatsTaken: number
  /** Workers with a confirmed seat (enrollment records `enrolled`). */
  reached: number
  waitlisted: number
  expiredOffers: number
  lessons: number
  held: number
  /** Seats × lessons held: the check-ins there would be if everyone came. */
  expected: number
  checkIns: number
  late: number
  certificates: number
  ratings: number
  ratingSum: number
}

export interface DayFigures {
  day: string
  lessons: number
  expected: number
  checkIns: number
}

const byKey = <K>(rows: Count<K>[], key: (k: K) => string = (k) => String(k)) =>
  new Map(rows.map((r) => [key(r.key), r]))

export function courseFigures(data: ProgrammeData, now: Date): CourseFigures[] {
  const lessonsOf = new Map<string, LessonRow[]>()
  for (const l of data.lessons) lessonsOf.set(l.courseId, [...(lessonsOf.get(l.courseId) ?? []), l])
  const checkIns = byKey(data.checkInsByLesson)
  const status = byKey(data.enrollments, (k) => `${k.courseId}|${k.status}`)
  const certificates = byKey(data.certificatesByCourse)
  const ratings = byKey(data.ratingsByCourse)
  return data.courses.map((c) => {
    const lessons = lessonsOf.get(c._id) ?? []
    const held = lessons.filter((l) => new Date(l.endsAt).getTime() <= now.getTime())
    const reached = status.get(`${c._id}|enrolled`)?.n ?? 0
    const cancelled = c.status === 'cancelled'
    return {
      courseId: c._id,
      title: c.title,
      category: c.category,
      instructor: c.instructor,
      status: c.status,
      firstLessonAt: new Date(c.firstLessonAt),
      capacity: c.capacity,
      seatsTaken: c.seatsTaken,
      reached,
      waitlisted: c.waitlistLength ?? 0,
      expiredOffers: status.get(`${c._id}|expired`)?.n ?? 0,
      lessons: lessons.length,
      held: cancelled ? 0 : held.length,
      expected: cancelled ? 0 : held.length * reached,
      checkIns: held.reduce((sum, l) => sum + (checkIns.get(l._id)?.n ?? 0), 0),
      late: held.reduce((sum, l) => sum + (checkIns.get(l._id)?.late ?? 0), 0),
      certificates: certificates.get(c._id)?.n ?? 0,
      ratings: ratings.get(c._id)?.n ?? 0,
      ratingSum: ratings.get(c._id)?.sum ?? 0,
    }
  })
}

/** Sums per category, in the order categories first appear. */
export function categoryFigures(courses: CourseFigures[]): CourseFigures[] {
  const out = new Map<string, CourseFigures>()
  for (const c of courses) {
    const sum = out.get(c.category)
    if (!sum) {
      out.set(c.category, { ...c, courseId: c.category, title: c.category, instructor: '', status: '' })
      continue
    }
    for (const k of [
      'capacity',
      'seatsTaken',
      'reached',
      'waitlisted',
      'expiredOffers',
      'lessons',
      'held',
      'expected',
      'checkIns',
      'late',
      'certificates',
      'ratings',
      'ratingSum',
    ] as const) {
      sum[k] += c[k]
    }
  }
  return [...out.values()]
}

export function employerFigures(data: ProgrammeData): EmployerFigures[] {
  const certificates = byKey(data.certificatesByEmployer)
  return data.byEmployer
    .map((e) => ({ ...e, certificates: certificates.get(e.employer)?.n ?? 0 }))
    .sort((a, b) => b.reached - a.reached || a.employer.localeCompare(b.employer, 'zh'))
}

/** Per day of lessons held (Shanghai dates). */
export function dayFigures(data: ProgrammeData, courses: CourseFigures[], now: Date): DayFigures[] {
  const reached = new Map(courses.map((c) => [c.courseId, c.status === 'cancelled' ? null : c.reached]))
  const checkIns = byKey(data.checkInsByLesson)
  const out = new Map<string, DayFigures>()
  for (const l of data.lessons) {
    const seats = reached.get(l.courseId)
    if (seats === null || seats === undefined || new Date(l.endsAt).getTime() > now.getTime()) continue
    const day = inShanghai(l.startsAt).format('YYYY-MM-DD')
    const row = out.get(day) ?? { day, lessons: 0, expected: 0, checkIns: 0 }
    row.lessons++
    row.expected += seats
    row.checkIns += checkIns.get(l._id)?.n ?? 0
    out.set(day, row)
  }
  return [...out.values()].sort((a, b) => a.day.localeCompare(b.day))
}

/** Courses where workers wanted in and could not: waiting, or a held seat lapsed. */
export function unmetDemand(courses: CourseFigures[]): UnmetDemand[] {
  return courses
    .filter((c) => c.status === 'published' && c.waitlisted + c.expiredOffers > 0)
    .map((c) => ({
      courseId: c.courseId,
      title: c.title,
      category: c.category,
      capacity: c.capacity,
      waitlisted: c.waitlisted,
      expiredOffers: c.expiredOffers,
    }))
    .sort((a, b) => b.waitlisted + b.expiredOffers - (a.waitlisted + a.expiredOffers))
}
