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
  /** Enrollment records per course and status. */
  enrollmentsByCourseStatus(): Promise<Count<{ courseId: string; status: string }>[]>
  /**
   * Per employer: signed-up workers, those with a confirmed seat, and their check-ins. Joined to the
   * users in the database ($lookup), so the reply has one row per employer, not one per worker.
   */
  byEmployer(): Promise<{ employer: string; workers: number; reached: number; checkIns: number }[]>
  /** Valid certificates per course, and per employer. */
  certificatesByCourse(): Promise<Count<string>[]>
  certificatesByEmployer(): Promise<Count<string>[]>
  /** Ratings per course: count and sum. */
  ratingsByCourse(): Promise<Count<string>[]>
}

const PAGE = 5000

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Pipeline = any

function aggregation(db: Db) {
  const $ = db.command.aggregate
  /** Runs the pipeline page by page (skip/limit as its last stages) until a short page. */
  const all = async <T>(build: () => Pipeline): Promise<T[]> => {
    const out: T[] = []
    for (let skip = 0; ; skip += PAGE) {
      const { list } = (await build().skip(skip).limit(PAGE).end()) as { list: T[] }
      out.push(...list)
      if (list.length < PAGE) return out
    }
  }
  const agg = (name: string): Pipeline => db.collection(name).aggregate()
  const counts = async <K>(build: () => Pipeline) =>
    (await all<{ _id: K; n: number; late?: number; sum?: number }>(build)).map(({ _id, ...rest }) => ({
      key: _id,
      ...rest,
    }))
  return { $, all, agg, counts }
}

async function employerCounts(db: Db): ReturnType<ReportRepo['byEmployer']> {
  const { $, agg, counts } = aggregation(db)
  // Each worker once (the first group), then joined to their record for the employer.
  const viaUsers = (pipeline: Pipeline, n: unknown) =>
    pipeline
      .lookup({ from: COLLECTIONS.users, localField: '_id', foreignField: '_id', as: 'user' })
      .unwind('$user')
      .group({ _id: '$user.employer', n: $.sum(n) })
      .sort({ _id: 1 })
  const [workers, reached, checkIns] = await Promise.all([
    counts<string>(() =>
      agg(COLLECTIONS.users)
        .group({ _id: '$employer', n: $.sum(1) })
        .sort({ _id: 1 }),
    ),
    counts<string>(() =>
      viaUsers(agg(COLLECTIONS.enrollments).match({ status: 'enrolled' }).group({ _id: '$openid' }), 1),
    ),
    counts<string>(() => viaUsers(agg(COLLECTIONS.attendance).group({ _id: '$openid', n: $.sum(1) }), '$n')),
  ])
  const reachedOf = new Map(reached.map((r) => [r.key, r.n]))
  const checkInsOf = new Map(checkIns.map((r) => [r.key, r.n]))
  return workers
    .filter((w) => w.key)
    .map((w) => ({
      employer: w.key,
      workers: w.n,
      reached: reachedOf.get(w.key) ?? 0,
      checkIns: checkInsOf.get(w.key) ?? 0,
    }))
}

export function createReportRepo(db: Db): ReportRepo {
  const { $, all, agg, counts } = aggregation(db)
  const validCertificatesBy = (key: '$courseId' | '$employer') =>
    counts<string>(() =>
      agg(COLLECTIONS.certificates)
        .match({ status: 'valid' })
        .group({ _id: key, n: $.sum(1) })
        .sort({ _id: 1 }),
    )
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
    enrollmentsByCourseStatus: () =>
      counts(() =>
        agg(COLLECTIONS.enrollments)
          .group({ _id: { courseId: '$courseId', status: '$status' }, n: $.sum(1) })
          .sort({ _id: 1 }),
      ),
    byEmployer: () => employerCounts(db),
    certificatesByCourse: () => validCertificatesBy('$courseId'),
    certificatesByEmployer: () => validCertificatesBy('$employer'),
    ratingsByCourse: () =>
      counts(() =>
        agg(COLLECTIONS.evaluations)
          .group({ _id: '$courseId', n: $.sum(1), sum: $.sum('$rating') })
          .sort({ _id: 1 }),
      ),
  }
}
