import { EVALUATION_LIMITS, type EvaluationBlock, type EvaluationView } from '@core/contracts/outcomes'
import type { CourseDoc } from '../../repos/course-repo'
import type { EvaluationDoc } from '../../repos/evaluation-repo'

/**
 * A worker may rate a course once they have been to at least one of its lessons and the course is
 * over: only then have they seen what there was to see.
 */
export function evaluationBlock(course: CourseDoc, attended: number, now: Date): EvaluationBlock {
  if (attended < 1) return 'not_attended'
  if (course.status !== 'published' || new Date(course.lastLessonAt).getTime() > now.getTime()) return 'not_finished'
  return null
}

export const editWindowMs = EVALUATION_LIMITS.editDays * 86400_000

export function isEditable(doc: EvaluationDoc, now: Date): boolean {
  return new Date(doc.editableUntil).getTime() > now.getTime()
}

export function evaluationView(doc: EvaluationDoc): EvaluationView {
  return {
    courseId: doc.courseId,
    rating: doc.rating,
    comment: doc.comment,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
    editableUntil: new Date(doc.editableUntil).toISOString(),
  }
}
