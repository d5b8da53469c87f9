import { fail, ok, type Reply } from '@core/reply'
import { MATERIAL_LIMITS, MATERIAL_TYPES, materialCloudDir, type MaterialView } from '@core/contracts/materials'
import { FILE_HEAD_BYTES, fileTypeOf } from '@core/rules/material-file'
import { materialId } from '../../repos/keys'
import type { MaterialDoc } from '../../repos/material-repo'
import type { MaterialsDeps } from './deps'
import { materialView } from './views'

export type AddMaterialInput = {
  courseId: string
  lessonId: string
  title: string
  by: string
} & ({ kind: 'file'; fileID: string } | { kind: 'link'; url: string })

/** An https address with a host; anything else (http, javascript:, a bare word) is refused. */
export function isHttpsUrl(text: string): boolean {
  if (text.length > MATERIAL_LIMITS.url || /\s/.test(text)) return false
  try {
    const url = new URL(text)
    return url.protocol === 'https:' && url.hostname.includes('.')
  } catch {
    return false
  }
}

/** A fileID in this course's materials folder, in the platform's `cloud://<env>.<bucket>/<path>` shape. */
function inCourseFolder(fileID: string, courseId: string): boolean {
  const m = /^cloud:\/\/[A-Za-z0-9._-]+\/(.+)$/.exec(fileID)
  const path = m?.[1] ?? ''
  return path.startsWith(materialCloudDir(courseId)) && !path.split('/').includes('..') && path.length < 300
}

/**
 * Attaches a file already uploaded to storage, or a link, to a lesson. A file is judged by what storage
 * holds, never by what the app says: its size and its first bytes. An upload refused for what it is
 * (type, size) is deleted at once, since nothing else will ever point at it; a refusal about the
 * request (title, lesson) keeps it for the corrected retry. Attaching the same file or link twice
 * answers the material already there.
 */
export async function addMaterial(
  deps: MaterialsDeps,
  input: AddMaterialInput,
  now: Date,
): Promise<Reply<{ material: MaterialView }>> {
  const title = input.title.trim()
  const length = Array.from(title).length
  if (length < MATERIAL_LIMITS.title.min || length > MATERIAL_LIMITS.title.max) {
    return fail('MATERIAL.BAD_TITLE', { field: 'title' })
  }
  if (input.kind === 'link' && !isHttpsUrl(input.url)) return fail('MATERIAL.BAD_LINK', { field: 'url' })
  if (input.kind === 'file' && !inCourseFolder(input.fileID, input.courseId)) {
    return fail('COMMON.BAD_REQUEST', { field: 'fileID' })
  }
  const lesson = await deps.lessons.findById(input.lessonId)
  if (!lesson || lesson.courseId !== input.courseId) return fail('MATERIAL.LESSON_NOT_FOUND')

  const fileID = input.kind === 'file' ? input.fileID : null
  const url = input.kind === 'link' ? input.url : null
  const id = materialId({ lessonId: lesson._id, fileID, url })
  const existing = await deps.materials.findById(id)
  if (existing) return sameOrRefuse(existing, lesson._id)
  if ((await deps.materials.countByCourse(input.courseId)) >= MATERIAL_LIMITS.perCourse) {
    return fail('MATERIAL.TOO_MANY')
  }

  const doc: MaterialDoc = {
    _id: id,
    courseId: input.courseId,
    lessonId: lesson._id,
    title,
    kind: input.kind,
    fileID,
    url,
    bytes: null,
    mime: null,
    fileType: null,
    createdBy: input.by,
    createdAt: now,
    removingAt: null,
  }
  if (fileID) {
    const file = await deps.files.inspect(fileID, FILE_HEAD_BYTES)
    if (!file) return fail('MATERIAL.FILE_MISSING')
    const fileType = fileTypeOf(file.head, fileID)
    const refusal =
      file.bytes > MATERIAL_LIMITS.maxBytes ? 'MATERIAL.TOO_LARGE' : !fileType ? 'MATERIAL.BAD_TYPE' : null
    if (refusal || !fileType) {
      await deps.files.remove([fileID])
      return fail(refusal ?? 'MATERIAL.BAD_TYPE')
    }
    Object.assign(doc, { bytes: file.bytes, fileType, mime: MATERIAL_TYPES[fileType].mime })
  }
  if (!(await deps.materials.addOnce(doc))) {
    // A double tap: the other tap's insert won.
    const saved = await deps.materials.findById(id)
    return saved ? sameOrRefuse(saved, lesson._id) : fail('COMMON.INTERNAL')
  }
  // No download URL here: the staff list that follows asks for all of them in one request.
  return ok({ material: materialView(doc, null, true) })
}

function sameOrRefuse(doc: MaterialDoc, lessonId: string): Reply<{ material: MaterialView }> {
  // One stored file backs one material: the same upload cannot be attached to a second lesson.
  if (doc.lessonId !== lessonId || doc.removingAt) return fail('COMMON.BAD_REQUEST', { field: 'fileID' })
  return ok({ material: materialView(doc, null, true) })
}
