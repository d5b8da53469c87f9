import { ok, type Reply } from '@core/reply'
import type { ProgrammeOutcomes } from '@core/contracts/outcomes'
import type { ReportDeps } from './deps'
import { courseFigures, employerFigures, unmetDemand, type ProgrammeData } from './programme-figures'

const SNAPSHOT = 'programmeOutcomes'
/** The outcomes timer recomputes every 30 minutes; a page never shows figures older than this. */
export const SNAPSHOT_MAX_AGE_MS = 35 * 60_000

/**
 * The staff 项目成效 page: the programme's rating, certificates, reach per employer and unmet demand.
 * Computing them aggregates every check-in and enrollment joined to the workers, which takes seconds
 * on a full programme, so the timer computes them ahead and the page reads the result (one request);
 * `refresh` (or a missing or stale snapshot) computes them on the spot.
 */
export async function programmeOutcomes(
  deps: ReportDeps,
  now: Date,
  options: { refresh?: boolean } = {},
): Promise<Reply<ProgrammeOutcomes>> {
  if (!options.refresh) {
    const kept = await deps.snapshots.get<ProgrammeOutcomes>(SNAPSHOT)
    if (kept && now.getTime() - new Date(kept.computedAt).getTime() < SNAPSHOT_MAX_AGE_MS) return ok(kept.data)
  }
  const data = await computeOutcomes(deps, now)
  await deps.snapshots.put(SNAPSHOT, data, now)
  return ok(data)
}

async function computeOutcomes(deps: ReportDeps, now: Date): Promise<ProgrammeOutcomes> {
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
  return {
    rating: { count: rating.count, average: rating.average },
    certificates: certificatesByEmployer.reduce((sum, c) => sum + c.n, 0),
    employers: employerFigures(data),
    unmet: unmetDemand(courseFigures(data, now)),
    asOf: now.toISOString(),
  }
}
