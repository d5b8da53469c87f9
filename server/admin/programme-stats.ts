import type { ProgrammeStats } from '@core/contracts/admin'
import { ok, type Reply } from '@core/reply'
import type { StatsRepo } from '../repos/stats-repo'

/**
 * The programme against its targets. Attendance is measured on lessons already held: check-ins against
 * the seats those courses have now (a close stand-in for the seats they had that day).
 */
export async function programmeStats(
  deps: { stats: StatsRepo; targets: () => { courses: number; workers: number } },
  now: Date,
): Promise<Reply<ProgrammeStats>> {
  const { stats } = deps
  const [byCategory, cancelled, started, finished, workersReached, held, upcoming, checkIns, late, heldPerCourse] =
    await Promise.all([
      stats.publishedByCategory(),
      stats.countCourses({ status: 'cancelled' }),
      stats.countCourses({ status: 'published', startedBefore: now }),
      stats.countCourses({ status: 'published', endedBefore: now }),
      stats.countSeatedWorkers(),
      stats.countLessons({ endedBefore: now }),
      stats.countLessons({ endingAfter: now }),
      stats.countCheckIns({}),
      stats.countCheckIns({ late: true }),
      stats.heldLessonsPerCourse(now),
    ])
  const seats = await stats.seatsTakenPerCourse(heldPerCourse.map((r) => r.courseId))
  const expected = heldPerCourse.reduce((n, r) => n + r.held * (seats.get(r.courseId) ?? 0), 0)
  const sum = (key: 'courses' | 'capacity' | 'seatsTaken' | 'waitlisted') => byCategory.reduce((n, c) => n + c[key], 0)
  return ok({
    targets: deps.targets(),
    courses: { published: sum('courses'), started, cancelled, finished },
    seats: { capacity: sum('capacity'), taken: sum('seatsTaken'), waitlisted: sum('waitlisted') },
    workersReached,
    lessons: { held, upcoming },
    attendance: { checkIns, expected, late },
    byCategory,
    asOf: now.toISOString(),
  })
}
