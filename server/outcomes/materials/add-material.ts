import { fail, ok, type Reply } from '@core/reply'
import type { ErrorCode } from '@core/errors'
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
 * holds, never by what the app says: its size and its first bytes. Once it is clear that no material
 * uses the upload, every refusal deletes it: the app uploads afresh for each attempt, so nothing would
 * ever point at it again (storage cannot be listed to find it later). Attaching the same file or link
 * twice answers the material already there.
 */
export async function addMaterial(
  deps: MaterialsDeps,
  input: AddMaterialInput,
  now: Date,
): Promise<Reply<{ material: MaterialView }>> {
  if (input.kind === 'link' && !isHttpsUrl(input.url)) return fail('MATERIAL.BAD_LINK', { field: 'url' })
  // Only a file in this course's folder is ever deleted here.
  if (input.kind === 'file' && !inCourseFolder(input.fileID, input.courseId)) {
    return fail('COMMON.BAD_REQUEST', { field: 'fileID' })
  }
  const fileID = input.kind === 'file' ? input.fileID : null
  const url = input.kind === 'link' ? input.url : null
  const id = materialId({ lessonId: input.lessonId, fileID, url })
  const existing = await deps.materials.findById(id)
  if (existing) return sameOrRefuse(existing, input.lessonId)

  const refuse = async (code: ErrorCode, field?: string): Promise<Reply<never>> => {
    if (fileID) await deps.files.remove([fileID])
    return fail(code, field ? { field } : undefined)
  }
  const title = input.title.trim()
  const length = Array.from(title).length
  if (length < MATERIAL_LIMITS.title.min || length > MATERIAL_LIMITS.title.max) {
    return refuse('MATERIAL.BAD_TITLE', 'title')
  }
  const lesson = await deps.lessons.findById(input.lessonId)
  if (!lesson || lesson.courseId !== input.courseId) return refuse('MATERIAL.LESSON_NOT_FOUND')
  if ((await deps.materials.countByCourse(input.courseId)) >= MATERIAL_LIMITS.perCourse) {
    return refuse('MATERIAL.TOO_MANY')
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
    if (file.bytes > MATERIAL_LIMITS.maxBytes) return refuse('MATERIAL.TOO_LARGE')
    if (!fileType) return refuse('MATERIAL.BAD_TYPE')
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
