import { fail, ok, type Reply } from '@core/reply'
import type { CompletionEntry, CourseCompletion } from '@core/contracts/outcomes'
import type { OutcomesDeps } from '../deps'
import { formatCertificateCode, meetsCompletion } from '@core/rules/completion'
import { isFinished, rulePercent, seatedWorkers } from './settle-course'

/**
 * Staff see, per course, every seated worker's attendance against the rule and their certificate:
 * who qualified, who did not, and which certificates were revoked and why.
 */
export async function courseCertificates(
  deps: OutcomesDeps,
  input: { courseId: string },
  now: Date,
): Promise<Reply<CourseCompletion>> {
  const course = await deps.courses.findById(input.courseId)
  if (!course) return fail('CATALOG.NOT_FOUND')
  const lessons = await deps.lessons.listByCourse(course._id)
  const [attendance, certificates, settlement] = await Promise.all([
    deps.outcomeStats.attendanceByWorker(lessons.map((l) => l._id)),
    deps.certificates.listByCourse(course._id),
    deps.settlements.findById(course._id),
  ])
  const percent = settlement?.rulePercent ?? rulePercent(course)
  const workers = seatedWorkers(course, attendance)
  const byOpenid = new Map(certificates.filter((c) => c.openid).map((c) => [c.openid as string, c]))
  const openids = [...workers.keys()]
  const people = new Map<string, { name: string; employer: string }>()
  for (let i = 0; i < openids.length; i += 100) {
    for (const u of await deps.users.findByIds(openids.slice(i, i + 100))) people.set(u._id, u)
  }
  const entries: CompletionEntry[] = [...workers.values()].map((w) => {
    const cert = byOpenid.get(w.openid)
    const person = people.get(w.openid) ?? { name: cert?.holderName ?? '已注销用户', employer: cert?.employer ?? '' }
    return {
      name: person.name,
      employer: person.employer,
      attended: w.attended,
      late: w.late,
      qualified: meetsCompletion(w.attended, lessons.length, percent),
      certificate: cert
        ? { id: cert._id, code: formatCertificateCode(cert.code), status: cert.status, revokeReason: cert.revokeReason }
        : null,
    }
  })
  entries.sort(
    (a, b) =>
      Number(b.qualified) - Number(a.qualified) || b.attended - a.attended || a.name.localeCompare(b.name, 'zh'),
  )
  return ok({
    courseId: course._id,
    title: course.title,
    lessons: lessons.length,
    held: lessons.filter((l) => new Date(l.endsAt).getTime() <= now.getTime()).length,
    rulePercent: percent,
    settledAt: settlement ? new Date(settlement.settledAt).toISOString() : null,
    finished: isFinished(course, lessons, now),
    entries,
  })
}
