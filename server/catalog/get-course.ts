import { fail, ok, type Reply } from '@core/reply'
import type { CourseDetail } from '@core/contracts/catalog'
import type { CourseRepo } from '../repos/course-repo'
import { toCourseDetail } from '../course-views'
import { toOwnPlace } from '../enrollment'

/**
 * One course as a worker opens it, with the worker's own place: the course, its lessons and the
 * worker's record come in one request, so the page is one call.
 */
export async function getCourse(
  deps: { courses: CourseRepo },
  courseId: string,
  openid: string,
  now: Date,
): Promise<Reply<CourseDetail>> {
  const { course, lessons, record } = await deps.courses.findForPage(courseId, openid)
  // Drafts are invisible to workers; cancelled courses stay readable so a worker can see what happened.
  if (!course || course.status === 'draft') return fail('CATALOG.NOT_FOUND')
  return ok(toCourseDetail(course, lessons, now, toOwnPlace(course, record, openid, now)))
}
