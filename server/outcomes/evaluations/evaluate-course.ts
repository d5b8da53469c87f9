import { fail, ok, type Reply } from '@core/reply'
import { EVALUATION_LIMITS, type EvaluationView } from '@core/contracts/outcomes'
import type { EvaluationDoc } from '../../repos/evaluation-repo'
import { evaluationId } from '../keys'
import type { OutcomesDeps } from '../deps'
import { editWindowMs, evaluationBlock, evaluationView } from './rules'

/**
 * Rates a course, or changes the rating within 7 days of the first one. One per worker per course:
 * the record's id is the guarantee, and a double tap that loses the insert becomes an edit.
 */
export async function evaluateCourse(
  deps: OutcomesDeps,
  input: { courseId: string; openid: string; rating: number; comment?: string },
  now: Date,
): Promise<Reply<{ evaluation: EvaluationView }>> {
  if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5) {
    return fail('EVAL.BAD_RATING', { field: 'rating' })
  }
  const comment = (input.comment ?? '').trim()
  if (Array.from(comment).length > EVALUATION_LIMITS.comment) return fail('EVAL.BAD_COMMENT', { field: 'comment' })
  const course = await deps.courses.findById(input.courseId)
  if (!course) return fail('CATALOG.NOT_FOUND')
  const attended = (await deps.outcomeStats.attendanceByCourse(input.openid)).find((a) => a.courseId === course._id)
  if (evaluationBlock(course, attended?.attended ?? 0, now) !== null) return fail('EVAL.NOT_ELIGIBLE')

  const id = evaluationId(course._id, input.openid)
  const fresh: EvaluationDoc = {
    _id: id,
    courseId: course._id,
    openid: input.openid,
    instructor: course.instructor,
    category: course.category,
    rating: input.rating,
    comment,
    createdAt: now,
    updatedAt: now,
    editableUntil: new Date(now.getTime() + editWindowMs),
  }
  if (!(await deps.evaluations.findById(id)) && (await deps.evaluations.addOnce(fresh))) {
    return ok({ evaluation: evaluationView(fresh) })
  }
  if (!(await deps.evaluations.edit(id, { rating: input.rating, comment }, now))) return fail('EVAL.EDIT_CLOSED')
  const saved = await deps.evaluations.findById(id)
  return saved ? ok({ evaluation: evaluationView(saved) }) : fail('COMMON.INTERNAL')
}
