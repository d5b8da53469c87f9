import { randomBytes } from 'node:crypto'
import type { AdminResults, CourseInput } from '@core/contracts/admin'
import { ENROLL_RULES } from '@core/contracts/enrollment'
import type { ErrorCode } from '@core/errors'
import { fail, ok, type Reply } from '@core/reply'
import { venueView } from '../course-views'
import { checkCourse, courseDetails, lessonDocs, newCourse, type CourseDraft, type RuleError } from './course-rules'
import { announceLessonChanges } from '../reminders'
import { lessonChanges, lockedChange, toAnnounce } from './lesson-changes'
import type { AdminDeps } from './deps'
import { setCapacity } from './set-capacity'
import { scheduleWish } from '../outcomes'
import type { WishRepo } from '../repos/wish-repo'

export function toDraft(c: CourseInput): CourseDraft {
  return {
    title: c.title,
    category: c.category,
    summary: c.summary,
    instructor: c.instructor,
    venue: venueView(c.venue),
    level: c.level,
    industries: c.industries,
    capacity: c.capacity,
    enrollOpensAt: new Date(c.enrollOpensAt),
    enrollClosesAt: new Date(c.enrollClosesAt),
    cancelDeadlineHours: c.cancelDeadlineHours ?? ENROLL_RULES.cancelDeadlineHours,
    ...(c.presence ? { presence: c.presence } : {}),
    ...(c.checkinRadiusM !== undefined ? { checkinRadiusM: c.checkinRadiusM } : {}),
    lessons: c.lessons.map((l) => ({
      startsAt: new Date(l.startsAt),
      endsAt: new Date(l.endsAt),
      venue: l.venue ? venueView(l.venue) : null,
    })),
  }
}

/** Short, unguessable and safe in a wxacode scene or a URL. */
const newCourseId = () => `c${randomBytes(6).toString('hex')}`

/** Fields with their own code, so the app can tell them apart; any other problem is ADMIN.BAD_COURSE. */
const FIELD_CODES: Record<string, ErrorCode> = {
  capacity: 'ADMIN.BAD_CAPACITY',
  level: 'ADMIN.BAD_LEVEL',
  industries: 'ADMIN.BAD_INDUSTRY',
}

function refuse(problem: RuleError): Reply<never> {
  const field = `course.${problem.field}`
  return fail(FIELD_CODES[problem.field] ?? 'ADMIN.BAD_COURSE', { message: problem.message, field })
}

/**
 * Creates a course (published, empty ledger) or edits one. An edit never touches the ledger directly:
 * a capacity change goes through setCapacity's guarded update (and may offer seats to the waitlist)
 * before anything else is written, so a refused capacity leaves the course as it was.
 */
export async function upsertCourse(
  deps: AdminDeps & { wishes: WishRepo },
  input: CourseInput,
  now: Date,
): Promise<Reply<AdminResults['upsertCourse']>> {
  const draft = toDraft(input)
  if (input.id !== undefined) return editCourse(deps, input.id, draft, now)
  const [problem] = checkCourse(draft, { now })
  if (problem) return refuse(problem)
  const id = newCourseId()
  // Made from a course wish (转为课程草稿): the wish is taken first, so one wish never makes two courses.
  if (input.wishId) {
    const taken = await scheduleWish(deps, { wishId: input.wishId, courseId: id }, now)
    if (!taken.ok) return taken
  }
  // Lessons first: the course appears in the catalog only once it is complete.
  await deps.lessons.saveForCourse(id, lessonDocs(id, draft.lessons))
  await deps.courses.insert({
    ...newCourse(id, draft, 'published', now),
    ...(input.wishId ? { wishId: input.wishId } : {}),
  })
  return ok({ courseId: id })
}

/**
 * Writes only what changed. Lessons kept as they were may lie in the past; a changed or new lesson must
 * lie ahead, and a lesson under way or checked into cannot move. Workers with a seat, an offer or a
 * waitlist place are told of every change to a lesson still to come.
 */
async function editCourse(
  deps: AdminDeps,
  id: string,
  draft: CourseDraft,
  now: Date,
): Promise<Reply<AdminResults['upsertCourse']>> {
  const course = await deps.courses.findById(id)
  if (!course || course.status === 'draft') return fail('CATALOG.NOT_FOUND', { field: 'course.id' })
  if (course.status === 'cancelled') return fail('ADMIN.COURSE_CANCELLED')
  const before = await deps.lessons.listByCourse(id)
  const [problem] = checkCourse(draft, {
    now,
    unchanged: before.map((l) => ({ startsAt: new Date(l.startsAt), endsAt: new Date(l.endsAt) })),
  })
  if (problem) return refuse(problem)
  const after = lessonDocs(id, draft.lessons)
  const changes = lessonChanges(before, after, { before: course.venue, after: draft.venue })
  const locked = await lockedChange(deps, changes, now)
  if (locked) {
    return fail('ADMIN.LESSON_LOCKED', {
      field: 'course.lessons',
      message: `第${locked.index}节课已开始或已有人签到，不能再调整它的时间或顺序`,
    })
  }
  if (draft.capacity !== course.capacity) {
    const resized = await setCapacity(deps, { courseId: id, capacity: draft.capacity }, now, 'course.capacity')
    if (!resized.ok) return resized
  }
  const { announced, key, lessons } = toAnnounce(changes, after, now)
  await deps.lessons.saveForCourse(id, lessons)
  if (!(await deps.courses.updateDetails(id, courseDetails(draft), now))) {
    // Nothing changed (same details, same instant), or the course was cancelled meanwhile.
    const again = await deps.courses.findById(id)
    if (again?.status === 'cancelled') return fail('ADMIN.COURSE_CANCELLED')
  }
  // After the lessons are written: a notice never announces a change that did not happen.
  const current = await deps.courses.findById(id)
  if (current?.status === 'published') await announceLessonChanges(deps, current, announced, key, now)
  return ok({ courseId: id })
}
