import { createHash } from 'node:crypto'
import { isDuplicateKey, rows, total, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { MaterialFileType, MaterialKind } from '@core/contracts/materials'

/**
 * A file or link attached to a lesson. A file's `_id` comes from its fileID (`f_<hash>`), so one stored
 * file backs at most one material and removing the material may delete the file; a link's from its
 * lesson and URL, so the same link twice on a lesson is one material.
 */
export interface MaterialDoc {
  _id: string
  courseId: string
  lessonId: string
  title: string
  kind: MaterialKind
  fileID: string | null
  url: string | null
  bytes: number | null
  mime: string | null
  fileType: MaterialFileType | null
  /** Staff openid: kept for the audit, never sent to workers. */
  createdBy: string
  createdAt: Date
  /** Set when a removal began: hidden from workers at once, finished by the next removal. */
  removingAt?: Date | null
}

export interface MaterialRepo {
  findById(id: string): Promise<MaterialDoc | null>
  /** False when a material with this id exists already (a double tap). */
  addOnce(doc: MaterialDoc): Promise<boolean>
  countByCourse(courseId: string): Promise<number>
  /** Oldest first; a course holds at most MATERIAL_LIMITS.perCourse, one page. */
  listByCourse(courseId: string): Promise<MaterialDoc[]>
  markRemoving(id: string, at: Date): Promise<boolean>
  /** Removals begun before `before` and not finished: what the outcomes timer finishes. */
  listRemovingSince(before: Date, limit: number): Promise<MaterialDoc[]>
  remove(id: string): Promise<void>
}

export function createMaterialRepo(db: Db): MaterialRepo {
  const materials = db.collection(COLLECTIONS.materials)
  const _ = db.command
  return {
    async findById(id) {
      const [found] = await rows<MaterialDoc>(materials.where({ _id: id }).limit(1))
      return found ?? null
    },
    async addOnce(doc) {
      const { _id, ...data } = doc
      try {
        await materials.add({ data: { _id, ...data } })
        return true
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
        return false
      }
    },
    countByCourse(courseId) {
      return total(materials.where({ courseId }))
    },
    listByCourse(courseId) {
      return rows<MaterialDoc>(materials.where({ courseId }).orderBy('createdAt', 'asc').limit(100))
    },
    async markRemoving(id, at) {
      return (await updatedCount(materials.where({ _id: id }).update({ data: { removingAt: at } }))) === 1
    },
    listRemovingSince(before, limit) {
      return rows<MaterialDoc>(materials.where({ removingAt: _.lt(before) }).limit(limit))
    },
    async remove(id) {
      await materials.doc(id).remove()
    },
  }
}

/** A material's id: from the file (one material per stored file), or from the lesson and the link. */
export function materialId(material: { lessonId: string; fileID?: string | null; url?: string | null }): string {
  if (material.fileID) return `f_${digest(material.fileID)}`
  return `${material.lessonId}_${digest(material.url ?? '')}`
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 20)
