import { ok, type Reply } from '@core/reply'
import type { ProgrammeOutcomes } from '@core/contracts/outcomes'
import type { ReportDeps } from './deps'
import { courseFigures, employerFigures, unmetDemand, type ProgrammeData } from './programme-figures'

/**
 * The staff 项目成效 page: the programme's rating, certificates, reach per employer and unmet demand,
 * from a handful of aggregations (no per-record reads).
 */
export async function programmeOutcomes(deps: ReportDeps, now: Date): Promise<Reply<ProgrammeOutcomes>> {
  const r = deps.reports
  const [courses, enrollments, byEmployer, certificatesByEmployer, rating] = await Promise.all([
    r.courses(),
    r.enrollmentsByCourseStatus(),
    r.byEmployer(),
    r.certificatesByEmployer(),
    deps.evaluations.summaryOfProgramme(),
  ])
  const data: ProgrammeData = {
    courses,
    lessons: [],
    checkInsByLesson: [],
    enrollments,
    byEmployer,
    certificatesByCourse: [],
    certificatesByEmployer,
    ratingsByCourse: [],
  }
  return ok({
    rating: { count: rating.count, average: rating.average },
    certificates: certificatesByEmployer.reduce((sum, c) => sum + c.n, 0),
    employers: employerFigures(data),
    unmet: unmetDemand(courseFigures(data, now)),
    asOf: now.toISOString(),
  })
}
