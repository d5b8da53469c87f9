import type { Db } from '../cloud'
import { COLLECTIONS } from '../collections'

/** One staff export: who took which personal data out, when, and whether phones were masked. */
export interface ExportLogDoc {
  by: string
  role: string
  kind: 'course' | 'programme'
  courseId: string | null
  masked: boolean
  rows: number
  bytes: number
  at: Date
}

export interface ExportLogRepo {
  record(doc: ExportLogDoc): Promise<void>
}

export function createExportLogRepo(db: Db): ExportLogRepo {
  const exports = db.collection(COLLECTIONS.exports)
  return {
    async record(doc) {
      await exports.add({ data: doc })
    },
  }
}
