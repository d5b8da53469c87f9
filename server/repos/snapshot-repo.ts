import { rows, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'

/** A computed figure kept for the pages that show it: what, and when it was computed. */
export interface SnapshotDoc<T> {
  _id: string
  data: T
  computedAt: Date
}

export interface SnapshotRepo {
  get<T>(id: string): Promise<SnapshotDoc<T> | null>
  put<T>(id: string, data: T, at: Date): Promise<void>
}

export function createSnapshotRepo(db: Db): SnapshotRepo {
  const snapshots = db.collection(COLLECTIONS.snapshots)
  return {
    async get<T>(id: string) {
      const [found] = await rows<SnapshotDoc<T>>(snapshots.where({ _id: id }).limit(1))
      return found ?? null
    },
    async put(id, data, at) {
      await snapshots.doc(id).set({ data: { data, computedAt: at } })
    },
  }
}
