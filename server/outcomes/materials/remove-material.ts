import { ok, type Reply } from '@core/reply'
import type { MaterialsDeps } from './deps'

/**
 * Removes a material and, for a file, the stored file. Write order: mark → delete the file → remove the
 * record. The mark hides the material from workers at once. If the function dies after it, the record
 * still names the file, so removing again (staff see it as 「删除中」) finishes the job; deleting the
 * record first would leave, after a crash, a stored file nothing points at and nothing can find (storage
 * cannot be listed from a function). Deleting the file before marking would, after a crash, show workers
 * a material whose download fails. A file already gone counts as deleted, so every retry rolls forward;
 * the outcomes timer finishes what staff leave (finish-removals.ts).
 */
export async function removeMaterial(
  deps: Pick<MaterialsDeps, 'materials' | 'files'>,
  input: { materialId: string },
  now: Date,
): Promise<Reply<{ removed: boolean }>> {
  const doc = await deps.materials.findById(input.materialId)
  if (!doc) return ok({ removed: false })
  if (doc.kind === 'file' && doc.fileID) {
    if (!doc.removingAt) await deps.materials.markRemoving(doc._id, now)
    await deps.files.remove([doc.fileID])
  }
  await deps.materials.remove(doc._id)
  return ok({ removed: true })
}
