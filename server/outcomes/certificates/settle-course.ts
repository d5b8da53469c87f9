import { fail, ok, type Reply } from '@core/reply'
import { DEFAULT_COMPLETION_PERCENT, type SettleResult } from '@core/contracts/outcomes'
import { meetsCompletion } from '@core/rules/completion'
import type { CourseDoc } from '../../repos/course-repo'
import type { LessonDoc } from '../../repos/lesson-repo'
import type { CertificateDoc } from '../../repos/certificate-repo'
import { certificateId } from '../keys'
import type { WorkerAttendance } from '../../repos/outcome-stats-repo'
import type { OutcomesDeps } from '../deps'

/** Lesson time in hours, one decimal: what the certificate calls 学时. */
export function courseHours(lessons: LessonDoc[]): number {
  const ms = lessons.reduce((sum, l) => sum + (new Date(l.endsAt).getTime() - new Date(l.startsAt).getTime()), 0)
  return Math.round(ms / 360_000) / 10
}

/** A course's rule; a per-course `completionPercent` overrides the programme's default. */
export function rulePercent(course: CourseDoc): number {
  const own = (course as CourseDoc & { completionPercent?: number }).completionPercent
  return typeof own === 'number' && own > 0 && own <= 100 ? own : DEFAULT_COMPLETION_PERCENT
}

/** Workers with a seat, and anyone with a check-in (a seat given back late keeps the attendance). */
export function seatedWorkers(course: CourseDoc, attendance: WorkerAttendance[]): Map<string, WorkerAttendance> {
  const out = new Map<string, WorkerAttendance>()
  for (const [openid, state] of Object.entries(course.seats ?? {})) {
    if (state === 'enrolled') out.set(openid, { openid, attended: 0, late: 0 })
  }
  for (const a of attendance) out.set(a.openid, a)
  return out
}

export function isFinished(course: CourseDoc, lessons: LessonDoc[], now: Date): boolean {
  const last = lessons[lessons.length - 1]
  return course.status === 'published' && !!last && new Date(last.endsAt).getTime() <= now.getTime()
}

/**
 * Issues the certificates of a finished course: every seated worker whose check-ins (late ones
 * count) meet the course's rule gets one, with a fresh random code. Idempotent by the certificate's
 * deterministic id; the settlement record is written last, so a crash only makes the timer repeat.
 */
export async function settleCourse(
  deps: OutcomesDeps,
  input: { courseId: string; by: string },
  now: Date,
): Promise<Reply<SettleResult>> {
  const course = await deps.courses.findById(input.courseId)
  if (!course) return fail('CATALOG.NOT_FOUND')
  const lessons = await deps.lessons.listByCourse(course._id)
  if (!isFinished(course, lessons, now)) return fail('CERT.COURSE_NOT_FINISHED')
  const percent = rulePercent(course)
  const workers = seatedWorkers(course, await deps.outcomeStats.attendanceByWorker(lessons.map((l) => l._id)))
  const qualifying = [...workers.values()].filter((w) => meetsCompletion(w.attended, lessons.length, percent))
  const hours = courseHours(lessons)
  let issued = 0
  for (let i = 0; i < qualifying.length; i += 100) {
    const batch = qualifying.slice(i, i + 100)
    const people = new Map((await deps.users.findByIds(batch.map((w) => w.openid))).map((u) => [u._id, u]))
    for (const w of batch) {
      const person = people.get(w.openid)
      // A worker who deleted their profile has no name to print; nothing to issue.
      if (!person) continue
      const doc: CertificateDoc = {
        _id: certificateId(course._id, w.openid),
        code: deps.newCode(),
        openid: w.openid,
        holderName: person.name,
        employer: person.employer,
        courseId: course._id,
        courseTitle: course.title,
        category: course.category,
        instructor: course.instructor,
        hours,
        lessons: lessons.length,
        attended: w.attended,
        late: w.late,
        firstLessonAt: new Date(lessons[0].startsAt),
        lastLessonAt: new Date(lessons[lessons.length - 1].endsAt),
        rulePercent: percent,
        issuer: deps.issuer,
        issuedAt: now,
        status: 'valid',
        revokedAt: null,
        revokedBy: null,
        revokeReason: null,
        anonymisedAt: null,
      }
      if (await deps.certificates.addOnce(doc)) issued++
    }
  }
  await deps.settlements.save({
    _id: course._id,
    rulePercent: percent,
    settledAt: now,
    settledBy: input.by,
    qualified: qualifying.length,
  })
  return ok({ courseId: course._id, seated: workers.size, qualified: qualifying.length, issued })
}
