/**
 * What the worker was doing when the app sent them to fill in their profile (报名 on a course page),
 * so that once it is saved the course page finishes it instead of asking for the same tap again.
 * Kept in memory only: a restarted app starts from a clean page, which is what the worker then expects.
 */
export interface ResumeIntent {
  courseId: string
  action: 'enroll'
}

let pending: ResumeIntent | null = null

export function rememberIntent(intent: ResumeIntent): void {
  pending = intent
}

/** Hands the intent for this course over once (null when there is none). */
export function takeIntent(courseId: string): ResumeIntent | null {
  if (!pending || pending.courseId !== courseId) return null
  const found = pending
  pending = null
  return found
}

export function peekIntent(): ResumeIntent | null {
  return pending
}
