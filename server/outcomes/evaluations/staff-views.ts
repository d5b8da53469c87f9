import { fail, ok, type Reply } from '@core/reply'
import type { CourseEvaluations, InstructorRatings } from '@core/contracts/outcomes'
import type { OutcomesDeps } from '../deps'

const COMMENTS_SHOWN = 100

/** A course's ratings for staff: the mean, the spread and the latest comments, without names. */
export async function courseEvaluations(
  deps: OutcomesDeps,
  input: { courseId: string },
): Promise<Reply<CourseEvaluations>> {
  const course = await deps.courses.findById(input.courseId)
  if (!course) return fail('CATALOG.NOT_FOUND')
  const [summary, latest] = await Promise.all([
    deps.evaluations.summaryOfCourse(course._id),
    deps.evaluations.listByCourse(course._id, COMMENTS_SHOWN),
  ])
  return ok({
    courseId: course._id,
    title: course.title,
    instructor: course.instructor,
    summary,
    comments: latest
      .filter((e) => e.comment)
      .map((e) => ({ rating: e.rating, comment: e.comment, at: new Date(e.updatedAt).toISOString() })),
  })
}

/** The programme's mean rating and each instructor's, by database aggregation. */
export async function instructorRatings(deps: OutcomesDeps): Promise<Reply<InstructorRatings>> {
  const [programme, instructors] = await Promise.all([
    deps.evaluations.summaryOfProgramme(),
    deps.evaluations.summaryByInstructor(),
  ])
  return ok({ programme, instructors })
}
