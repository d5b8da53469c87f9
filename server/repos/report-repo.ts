import type { Db } from '../cloud'
import { COLLECTIONS } from '../collections'

/**
 * Whole-programme figures for the staff workbooks, all by the database's aggregation: each method is
 * one request per 5,000 result rows, however many records lie behind them (the cloud's 100-record
 * page cap does not apply to aggregation results with an explicit limit).
 */
export interface CourseRow {
  _id: string
  title: string
  category: string
  instructor: string
  status: string
  capacity: number
  seatsTaken: number
  waitlistLength: number
  lessonCount: number
  firstLessonAt: Date
  lastLessonAt: Date
}
export interface LessonRow {
  _id: string
  courseId: string
  startsAt: Date
  endsAt: Date
}
export interface Count<K> {
  key: K
  n: number
  late?: number
  sum?: number
}

export interface ReportRepo {
  courses(): Promise<CourseRow[]>
  lessons(): Promise<LessonRow[]>
  /** Check-ins (and late ones) per lesson. */
  checkInsByLesson(): Promise<Count<string>[]>
  /** Check-ins per worker. */
  checkInsByWorker(): Promise<Count<string>[]>
  /** Enrollment records per course and status. */
  enrollmentsByCourseStatus(): Promise<Count<{ courseId: string; status: string }>[]>
  /** Confirmed seats per worker. */
  seatsByWorker(): Promise<Count<string>[]>
  /** Every worker's employer. */
  employers(): Promise<{ openid: string; employer: string }[]>
  /** Valid certificates per course, and per employer. */
  certificatesByCourse(): Promise<Count<string>[]>
  certificatesByEmployer(): Promise<Count<string>[]>
  /** Ratings per course: count and sum. */
  ratingsByCourse(): Promise<Count<string>[]>
}

const PAGE = 5000

export function createReportRepo(db: Db): ReportRepo {
  const _ = db.command
  const $ = _.aggregate
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Pipeline = any
  /** Runs the pipeline page by page (skip/limit as its last stages) until a short page. */
  const all = async <T>(build: () => Pipeline): Promise<T[]> => {
    const out: T[] = []
    for (let skip = 0; ; skip += PAGE) {
      const { list } = (await build().skip(skip).limit(PAGE).end()) as { list: T[] }
      out.push(...list)
      if (list.length < PAGE) return out
    }
  }
  const agg = (name: string) => db.collection(name).aggregate()
  const counts = async <K>(build: () => Pipeline) =>
    (await all<{ _id: K; n: number; late?: number; sum?: number }>(build)).map(({ _id, ...rest }) => ({
      key: _id,
      ...rest,
    }))
  return {
    courses: () =>
      all<CourseRow>(() =>
        agg(COLLECTIONS.courses).project({ seats: 0, waitlist: 0 }).sort({ firstLessonAt: 1, _id: 1 }),
      ),
    lessons: () =>
      all<LessonRow>(() =>
        agg(COLLECTIONS.lessons).project({ courseId: 1, startsAt: 1, endsAt: 1 }).sort({ startsAt: 1, _id: 1 }),
      ),
    checkInsByLesson: () =>
      counts(() =>
        agg(COLLECTIONS.attendance)
          .group({ _id: '$lessonId', n: $.sum(1), late: $.sum($.cond([$.eq(['$late', true]), 1, 0])) })
          .sort({ _id: 1 }),
      ),
    checkInsByWorker: () =>
      counts(() =>
        agg(COLLECTIONS.attendance)
          .group({ _id: '$openid', n: $.sum(1) })
          .sort({ _id: 1 }),
      ),
    enrollmentsByCourseStatus: () =>
      counts(() =>
        agg(COLLECTIONS.enrollments)
          .group({ _id: { courseId: '$courseId', status: '$status' }, n: $.sum(1) })
          .sort({ _id: 1 }),
      ),
    seatsByWorker: () =>
      counts(() =>
        agg(COLLECTIONS.enrollments)
          .match({ status: 'enrolled' })
          .group({ _id: '$openid', n: $.sum(1) })
          .sort({ _id: 1 }),
      ),
    async employers() {
      const list = await all<{ _id: string; employer?: string }>(() =>
        agg(COLLECTIONS.users).project({ employer: 1 }).sort({ _id: 1 }),
      )
      return list.map((u) => ({ openid: u._id, employer: u.employer ?? '' }))
    },
    certificatesByCourse: () =>
      counts(() =>
        agg(COLLECTIONS.certificates)
          .match({ status: 'valid' })
          .group({ _id: '$courseId', n: $.sum(1) })
          .sort({ _id: 1 }),
      ),
    certificatesByEmployer: () =>
      counts(() =>
        agg(COLLECTIONS.certificates)
          .match({ status: 'valid' })
          .group({ _id: '$employer', n: $.sum(1) })
          .sort({ _id: 1 }),
      ),
    ratingsByCourse: () =>
      counts(() =>
        agg(COLLECTIONS.evaluations)
          .group({ _id: '$courseId', n: $.sum(1), sum: $.sum('$rating') })
          .sort({ _id: 1 }),
      ),
  }
}
