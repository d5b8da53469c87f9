import { rows, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'

/** Where a timer job got to, so a run that was skipped or cut short is made up by the next one. */
export interface JobDoc {
  _id: string
  /** Everything written before this instant has been looked at. */
  horizon: Date
  /** When the last pass over every live course finished. */
  lastFullPassAt: Date | null
  updatedAt: Date
}

export interface JobRepo {
  findById(id: string): Promise<JobDoc | null>
  save(doc: JobDoc): Promise<void>
}

export function createJobRepo(db: Db): JobRepo {
  const jobs = db.collection(COLLECTIONS.jobs)
  return {
    async findById(id) {
      const [found] = await rows<JobDoc>(jobs.where({ _id: id }).limit(1))
      return found ?? null
    },
    async save({ _id, ...data }) {
      await jobs.doc(_id).set({ data })
    },
  }
}
