import { fail, ok, type Reply } from '@core/reply'
import type { CourseMaterials } from '@core/contracts/materials'
import { enrollmentId } from '../../repos/keys'
import type { MaterialsDeps } from './deps'
import { groupByLesson } from './views'

/** Staff: every lesson of the course with all its materials, a removal cut short included. */
export async function listMaterials(
  deps: MaterialsDeps,
  input: { courseId: string },
  now: Date,
): Promise<Reply<CourseMaterials>> {
  const [lessons, docs] = await Promise.all([
    deps.lessons.listByCourse(input.courseId),
    deps.materials.listByCourse(input.courseId),
  ])
  const upcoming = lessons.filter((l) => new Date(l.startsAt) > now).length
  return ok({ courseId: input.courseId, lessons: await groupByLesson(deps, lessons, docs, true), upcoming })
}

/**
 * A worker's materials: only with a seat in the course ('enrolled': not waiting, not an offer still to
 * confirm), only of lessons that have started. Three database reads (the worker's record, the lessons,
 * the materials) and one storage request for every download URL at once.
 */
export async function courseMaterials(
  deps: MaterialsDeps,
  input: { courseId: string; openid: string },
  now: Date,
): Promise<Reply<CourseMaterials>> {
  const record = await deps.enrollments.findById(enrollmentId(input.courseId, input.openid))
  if (!record || record.status !== 'enrolled') return fail('MATERIAL.NOT_SEATED')
  const [lessons, docs] = await Promise.all([
    deps.lessons.listByCourse(input.courseId),
    deps.materials.listByCourse(input.courseId),
  ])
  const started = lessons.filter((l) => new Date(l.startsAt) <= now)
  const groups = await groupByLesson(deps, started, docs, false)
  return ok({ courseId: input.courseId, lessons: groups, upcoming: lessons.length - started.length })
}
