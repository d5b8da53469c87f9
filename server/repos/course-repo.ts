import { updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { CourseRepo } from './course-port'
import { ledgerMethods } from './course-ledger'
import { readMethods } from './course-reads'

export * from './course-doc'
export type { CourseRepo } from './course-port'

async function removedCount(result: unknown): Promise<number> {
  return ((await result) as { stats: { removed: number } }).stats.removed
}

export function createCourseRepo(db: Db): CourseRepo {
  const courses = db.collection(COLLECTIONS.courses)
  const _ = db.command
  const change = (where: Record<string, unknown>, data: Record<string, unknown>) =>
    updatedCount(courses.where(where).update({ data })).then((n) => n === 1)
  return {
    ...readMethods(db, courses),
    ...ledgerMethods(courses, _),
    async insert(doc) {
      await courses.add({ data: doc })
    },
    updateDetails(id, details, now) {
      return change({ _id: id, status: 'published' }, { ...details, venue: _.set(details.venue), updatedAt: now })
    },
    async publishDrafts(ids, now) {
      let published = 0
      for (let i = 0; i < ids.length; i += 100) {
        published += await updatedCount(
          courses
            .where({ _id: _.in(ids.slice(i, i + 100)), status: 'draft' })
            .update({ data: { status: 'published', updatedAt: now } }),
        )
      }
      return published
    },
    async removeDraft(id) {
      return (await removedCount(courses.where({ _id: id, status: 'draft' }).remove())) === 1
    },
    async removeUnjoined(id, createdAt) {
      const where = { _id: id, createdAt, seatsTaken: 0, waitlistLength: 0 }
      return (await removedCount(courses.where(where).remove())) === 1
    },
  }
}
