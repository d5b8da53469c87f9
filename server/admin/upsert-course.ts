import { randomBytes } from 'node:crypto'
import type { AdminResults, CourseInput, VenueInput } from '@core/contracts/admin'
import { ENROLL_RULES } from '@core/contracts/enrollment'
import { fail, ok, type Reply } from '@core/reply'
import type { VenueDoc } from '../repos/course-repo'
import { checkCourse, courseDetails, lessonDocs, newCourse, type CourseDraft } from './course-rules'
import type { AdminDeps } from './deps'
import { setCapacity } from './set-capacity'

function venue(v: VenueInput): VenueDoc {
  const out: VenueDoc = { name: v.name, address: v.address }
  if (typeof v.lat === 'number' && typeof v.lng === 'number') {
    out.lat = v.lat
    out.lng = v.lng
  }
  return out
}

export function toDraft(c: CourseInput): CourseDraft {
  return {
    title: c.title,
    category: c.category,
    summary: c.summary,
    instructor: c.instructor,
    venue: venue(c.venue),
    capacity: c.capacity,
    enrollOpensAt: new Date(c.enrollOpensAt),
    enrollClosesAt: new Date(c.enrollClosesAt),
    cancelDeadlineHours: c.cancelDeadlineHours ?? ENROLL_RULES.cancelDeadlineHours,
    lessons: c.lessons.map((l) => ({
      startsAt: new Date(l.startsAt),
      endsAt: new Date(l.endsAt),
      venue: l.venue ? venue(l.venue) : null,
    })),
  }
}

/** Short, unguessable and safe in a wxacode scene or a URL. */
const newCourseId = () => `c${randomBytes(6).toString('hex')}`

/**
 * Creates a course (published, empty ledger) or edits one. An edit never touches the ledger directly:
 * a capacity change goes through setCapacity's guarded update (and may offer seats to the waitlist)
 * before anything else is written, so a refused capacity leaves the course as it was.
 */
export async function upsertCourse(
  deps: AdminDeps,
  input: CourseInput,
  now: Date,
): Promise<Reply<AdminResults['upsertCourse']>> {
  const draft = toDraft(input)
  const [problem] = checkCourse(draft)
  if (problem) {
    const field = `course.${problem.field}`
    return fail(problem.field === 'capacity' ? 'ADMIN.BAD_CAPACITY' : 'ADMIN.BAD_COURSE', {
      message: problem.message,
      field,
    })
  }

  if (input.id === undefined) {
    const id = newCourseId()
    // Lessons first: the course appears in the catalog only once it is complete.
    await deps.lessons.replaceForCourse(id, lessonDocs(id, draft.lessons))
    await deps.courses.insert(newCourse(id, draft, 'published', now))
    return ok({ courseId: id })
  }

  const id = input.id
  const course = await deps.courses.findById(id)
  if (!course || course.status === 'draft') return fail('CATALOG.NOT_FOUND', { field: 'course.id' })
  if (course.status === 'cancelled') return fail('ADMIN.COURSE_CANCELLED')
  if (draft.capacity !== course.capacity) {
    const resized = await setCapacity(deps, { courseId: id, capacity: draft.capacity }, now, 'course.capacity')
    if (!resized.ok) return resized
  }
  await deps.lessons.replaceForCourse(id, lessonDocs(id, draft.lessons))
  if (!(await deps.courses.updateDetails(id, courseDetails(draft), now))) {
    // Nothing changed (same details, same instant), or the course was cancelled meanwhile.
    const after = await deps.courses.findById(id)
    if (after?.status === 'cancelled') return fail('ADMIN.COURSE_CANCELLED')
  }
  return ok({ courseId: id })
}
