/** Cloud function `outcomes`: certificates (issue, verify, revoke), and what staff learn from a finished course. */
import { z } from 'zod'
import { getDb } from '../../server/cloud'
import { createEntry, defineAction, id, text } from '../../server/entry'
import { createRepos } from '../../server/repos'
import { createCertificateRepo } from '../../server/repos/certificate-repo'
import { createSettlementRepo } from '../../server/repos/settlement-repo'
import { createOutcomeStatsRepo } from '../../server/repos/outcome-stats-repo'
import { createEvaluationRepo } from '../../server/repos/evaluation-repo'
import { createReportRepo } from '../../server/repos/report-repo'
import { createExportLogRepo } from '../../server/repos/export-log-repo'
import { createSnapshotRepo } from '../../server/repos/snapshot-repo'
import type { ReportDeps } from '../../server/outcomes/reports/deps'
import { courseWorkbook } from '../../server/outcomes/reports/course-workbook'
import { programmeWorkbook } from '../../server/outcomes/reports/programme-workbook'
import { programmeOutcomes } from '../../server/outcomes/reports/programme-outcomes'
import { CERTIFICATE_LIMITS, EVALUATION_LIMITS } from '@core/contracts/outcomes'
import type { OutcomesDeps } from '../../server/outcomes/deps'
import { issuerName } from '../../server/outcomes/settings'
import { newCertificateCode } from '../../server/outcomes/certificates/code'
import { settleCourse } from '../../server/outcomes/certificates/settle-course'
import { outcomesTimer } from '../../server/outcomes/reports/timer'
import { myCertificates } from '../../server/outcomes/certificates/my-certificates'
import { verifyCertificate } from '../../server/outcomes/certificates/verify'
import { courseCertificates } from '../../server/outcomes/certificates/course-certificates'
import { revokeCertificate } from '../../server/outcomes/certificates/revoke'
import { finishedCourses } from '../../server/outcomes/certificates/finished-courses'
import { myEvaluation, myEvaluations } from '../../server/outcomes/evaluations/my-evaluation'
import { evaluateCourse } from '../../server/outcomes/evaluations/evaluate-course'
import { courseEvaluations, instructorRatings } from '../../server/outcomes/evaluations/staff-views'
import { wishActions } from '../../server/outcomes/wishes/actions'
import { materialActions, materialDeps } from './materials'

const deps = (): OutcomesDeps => {
  const db = getDb()
  const repos = createRepos(db)
  return {
    users: repos.users,
    courses: repos.courses,
    lessons: repos.lessons,
    certificates: createCertificateRepo(db),
    settlements: createSettlementRepo(db),
    outcomeStats: createOutcomeStatsRepo(db),
    evaluations: createEvaluationRepo(db),
    issuer: issuerName(),
    newCode: newCertificateCode,
  }
}

const reportDeps = (): ReportDeps => {
  const db = getDb()
  const repos = createRepos(db)
  return {
    ...deps(),
    reports: createReportRepo(db),
    exportLog: createExportLogRepo(db),
    enrollments: repos.enrollments,
    attendance: repos.attendance,
    snapshots: createSnapshotRepo(db),
  }
}

export const main = createEntry(
  {
    ...materialActions,
    myCertificates: defineAction({
      schema: z.object({}).strict(),
      run: ({ caller }) => myCertificates(deps(), caller.openid),
    }),
    verifyCertificate: defineAction({
      schema: z.object({ code: z.string().max(64) }).strict(),
      run: ({ input }) => verifyCertificate(deps(), input),
    }),
    courseWorkbook: defineAction({
      schema: z.object({ courseId: id }).strict(),
      staffOnly: true,
      run: ({ input, caller, now }) =>
        courseWorkbook(reportDeps(), { courseId: input.courseId, caller: caller.openid }, now),
    }),
    programmeWorkbook: defineAction({
      schema: z.object({}).strict(),
      staffOnly: true,
      run: ({ caller, now }) => programmeWorkbook(reportDeps(), caller.openid, now),
    }),
    programmeOutcomes: defineAction({
      schema: z.object({ refresh: z.boolean().optional() }).strict(),
      staffOnly: true,
      run: ({ input, now }) => programmeOutcomes(reportDeps(), now, input),
    }),
    myEvaluation: defineAction({
      schema: z.object({ courseId: id }).strict(),
      run: ({ input, caller, now }) => myEvaluation(deps(), { courseId: input.courseId, openid: caller.openid }, now),
    }),
    myEvaluations: defineAction({
      schema: z.object({}).strict(),
      run: ({ caller, now }) => myEvaluations(deps(), caller.openid, now),
    }),
    evaluateCourse: defineAction({
      schema: z
        .object({
          courseId: id,
          rating: z.number(),
          comment: z
            .string()
            .max(EVALUATION_LIMITS.comment * 4)
            .optional(),
        })
        .strict(),
      run: ({ input, caller, now }) => evaluateCourse(deps(), { ...input, openid: caller.openid }, now),
    }),
    courseEvaluations: defineAction({
      schema: z.object({ courseId: id }).strict(),
      staffOnly: true,
      run: ({ input }) => courseEvaluations(deps(), input),
    }),
    instructorRatings: defineAction({
      schema: z.object({}).strict(),
      staffOnly: true,
      run: () => instructorRatings(deps()),
    }),
    finishedCourses: defineAction({
      schema: z
        .object({
          cursor: z
            .string()
            .regex(/^\d{1,6}$/)
            .optional(),
        })
        .strict(),
      staffOnly: true,
      run: ({ input, now }) => finishedCourses(deps(), input, now),
    }),
    settleCourse: defineAction({
      schema: z.object({ courseId: id }).strict(),
      staffOnly: true,
      run: ({ input, caller, now }) => settleCourse(deps(), { courseId: input.courseId, by: caller.openid }, now),
    }),
    courseCertificates: defineAction({
      schema: z.object({ courseId: id }).strict(),
      staffOnly: true,
      run: ({ input, now }) => courseCertificates(deps(), input, now),
    }),
    revokeCertificate: defineAction({
      schema: z
        .object({ certificateId: z.string().max(140), reason: text(CERTIFICATE_LIMITS.revokeReason.max) })
        .strict(),
      staffOnly: true,
      run: ({ input, caller, now }) => revokeCertificate(deps(), { ...input, by: caller.openid }, now),
    }),
    ...wishActions(() => createRepos(getDb())),
  },
  deps,
  {
    timer: ({ now, budgetMs }) =>
      outcomesTimer({ ...createRepos(getDb()), ...reportDeps(), ...materialDeps() }, now, budgetMs),
  },
)
