import { fail, ok, type Reply } from '@core/reply'
import type { CourseDetail } from '@core/contracts/catalog'
import type { CourseRepo } from '../repos/course-repo'
import type { LessonRepo } from '../repos/lesson-repo'
import { toCourseDetail } from '../course-views'

export async function getCourse(
  deps: { courses: CourseRepo; lessons: LessonRepo },
  courseId: string,
  now: Date,
): Promise<Reply<CourseDetail>> {
  const course = await deps.courses.findById(courseId)
  // Drafts are invisible to workers; cancelled courses stay readable so a worker can see what happened.
  if (!course || course.status === 'draft') return fail('CATALOG.NOT_FOUND')
  const lessons = await deps.lessons.listByCourse(courseId)
  return ok(toCourseDetail(course, lessons, now))
}
