import type { OutcomesResults, Reply } from '@core'
import { call } from './cloud'

export function myCertificates(): Promise<Reply<OutcomesResults['myCertificates']>> {
  return call('outcomes', { action: 'myCertificates' })
}

/** Anyone may verify a code; the answer carries only the masked name. */
export function verifyCertificate(code: string): Promise<Reply<OutcomesResults['verifyCertificate']>> {
  return call('outcomes', { action: 'verifyCertificate', code })
}

/** Staff-only; the function refuses workers (AUTH.FORBIDDEN). */
export function courseCertificates(courseId: string): Promise<Reply<OutcomesResults['courseCertificates']>> {
  return call('outcomes', { action: 'courseCertificates', courseId })
}

export function settleCourse(courseId: string): Promise<Reply<OutcomesResults['settleCourse']>> {
  return call('outcomes', { action: 'settleCourse', courseId })
}

export function revokeCertificate(
  certificateId: string,
  reason: string,
): Promise<Reply<OutcomesResults['revokeCertificate']>> {
  return call('outcomes', { action: 'revokeCertificate', certificateId, reason })
}

export function finishedCourses(cursor?: string): Promise<Reply<OutcomesResults['finishedCourses']>> {
  return call('outcomes', { action: 'finishedCourses', ...(cursor ? { cursor } : {}) })
}

export function myEvaluation(courseId: string): Promise<Reply<OutcomesResults['myEvaluation']>> {
  return call('outcomes', { action: 'myEvaluation', courseId })
}

export function myEvaluations(): Promise<Reply<OutcomesResults['myEvaluations']>> {
  return call('outcomes', { action: 'myEvaluations' })
}

export function evaluateCourse(
  courseId: string,
  rating: number,
  comment: string,
): Promise<Reply<OutcomesResults['evaluateCourse']>> {
  return call('outcomes', { action: 'evaluateCourse', courseId, rating, ...(comment ? { comment } : {}) })
}

export function courseEvaluations(courseId: string): Promise<Reply<OutcomesResults['courseEvaluations']>> {
  return call('outcomes', { action: 'courseEvaluations', courseId })
}

export function instructorRatings(): Promise<Reply<OutcomesResults['instructorRatings']>> {
  return call('outcomes', { action: 'instructorRatings' })
}

export function courseWorkbook(courseId: string): Promise<Reply<OutcomesResults['courseWorkbook']>> {
  return call('outcomes', { action: 'courseWorkbook', courseId })
}

export function programmeWorkbook(): Promise<Reply<OutcomesResults['programmeWorkbook']>> {
  return call('outcomes', { action: 'programmeWorkbook' })
}

/** `refresh`: computed now instead of the figures the timer computed (seconds, not milliseconds). */
export function programmeOutcomes(refresh = false): Promise<Reply<OutcomesResults['programmeOutcomes']>> {
  return call('outcomes', { action: 'programmeOutcomes', ...(refresh ? { refresh: true } : {}) })
}
