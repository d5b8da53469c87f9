import type { LessonMaterials, MaterialView } from '@core/contracts/materials'
import type { LessonDoc } from '../../repos/lesson-repo'
import type { MaterialDoc } from '../../repos/material-repo'
import type { MaterialsDeps } from './deps'

/** Long enough to read a handout through a lesson, short enough that a forwarded link soon stops working. */
export const DOWNLOAD_URL_SECONDS = 2 * 3600

const iso = (d: Date) => new Date(d).toISOString()

/** What the app sees of a material: never the fileID (only a temporary URL) nor who attached it. */
export function materialView(doc: MaterialDoc, url: string | null, forStaff: boolean): MaterialView {
  const view: MaterialView = {
    id: doc._id,
    lessonId: doc.lessonId,
    title: doc.title,
    kind: doc.kind,
    url: doc.kind === 'link' ? doc.url : url,
    fileType: doc.fileType,
    bytes: doc.bytes,
    createdAt: iso(doc.createdAt),
  }
  if (forStaff) view.removing = !!doc.removingAt
  return view
}

/**
 * The given lessons with their materials, each file with a temporary URL from one batched storage
 * request (none when there is no file). Materials of lessons not in the list stay out.
 */
export async function groupByLesson(
  deps: Pick<MaterialsDeps, 'files'>,
  lessons: LessonDoc[],
  docs: MaterialDoc[],
  forStaff: boolean,
): Promise<LessonMaterials[]> {
  const shown = new Set(lessons.map((l) => l._id))
  const kept = docs.filter((d) => shown.has(d.lessonId) && (forStaff || !d.removingAt))
  const fileIDs = kept.flatMap((d) => (d.kind === 'file' && d.fileID && !d.removingAt ? [d.fileID] : []))
  const urls = await deps.files.tempUrls(fileIDs, DOWNLOAD_URL_SECONDS)
  return lessons.map((l) => ({
    lessonId: l._id,
    index: l.index,
    startsAt: iso(l.startsAt),
    endsAt: iso(l.endsAt),
    materials: kept
      .filter((d) => d.lessonId === l._id)
      .map((d) => materialView(d, d.fileID ? (urls.get(d.fileID) ?? null) : null, forStaff)),
  }))
}
