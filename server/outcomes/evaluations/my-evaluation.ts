import { fail, ok, type Reply } from '@core/reply'
import type { EvaluationTodo, MyEvaluation } from '@core/contracts/outcomes'
import { evaluationId } from '../keys'
import type { OutcomesDeps } from '../deps'
import { evaluationBlock, evaluationView, isEditable } from './rules'

/** Whether the worker may rate this course, and their rating if any: for the course page. */
export async function myEvaluation(
  deps: OutcomesDeps,
  input: { courseId: string; openid: string },
  now: Date,
): Promise<Reply<MyEvaluation>> {
  const course = await deps.courses.findById(input.courseId)
  if (!course) return fail('CATALOG.NOT_FOUND')
  const [attendance, doc] = await Promise.all([
    deps.outcomeStats.attendanceByCourse(input.openid),
    deps.evaluations.findById(evaluationId(course._id, input.openid)),
  ])
  const attended = attendance.find((a) => a.courseId === course._id)?.attended ?? 0
  return ok({
    courseId: course._id,
    courseTitle: course.title,
    block: evaluationBlock(course, attended, now),
    evaluation: doc ? evaluationView(doc) : null,
    editable: doc ? isEditable(doc, now) : true,
  })
}

/** Every finished course the worker attended, newest first, with their rating or none: for 我的. */
export async function myEvaluations(
  deps: OutcomesDeps,
  openid: string,
  now: Date,
): Promise<Reply<{ courses: EvaluationTodo[] }>> {
  const attendance = await deps.outcomeStats.attendanceByCourse(openid)
  const ids = attendance.map((a) => a.courseId)
  const courses = (await deps.courses.findByIds(ids)).filter((c) => evaluationBlock(c, 1, now) === null)
  const docs = new Map(
    (await deps.evaluations.findByIds(courses.map((c) => evaluationId(c._id, openid)))).map((d) => [d.courseId, d]),
  )
  courses.sort((a, b) => new Date(b.lastLessonAt).getTime() - new Date(a.lastLessonAt).getTime())
  return ok({
    courses: courses.map((c) => {
      const doc = docs.get(c._id)
      return {
        courseId: c._id,
        courseTitle: c.title,
        lastLessonAt: new Date(c.lastLessonAt).toISOString(),
        evaluation: doc ? evaluationView(doc) : null,
        editable: doc ? isEditable(doc, now) : true,
      }
    }),
  })
}
