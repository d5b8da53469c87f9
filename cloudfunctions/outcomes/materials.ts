/** The lesson-material actions of the `outcomes` function, spread into its action table. */
import { z } from 'zod'
import { MATERIAL_LIMITS } from '@core/contracts/materials'
import { getCloud, getDb } from '../../server/cloud'
import { defineAction, id, text } from '../../server/entry'
import { createRepos } from '../../server/repos'
import { createMaterialRepo } from '../../server/repos/material-repo'
import { createFileStore } from '../../server/platform/storage'
import type { MaterialsDeps } from '../../server/outcomes/materials/deps'
import { addMaterial } from '../../server/outcomes/materials/add-material'
import { removeMaterial } from '../../server/outcomes/materials/remove-material'
import { courseMaterials, listMaterials } from '../../server/outcomes/materials/list-materials'

/** Also the outcomes timer's, which finishes removals cut short. */
export const materialDeps = (): MaterialsDeps => {
  const db = getDb()
  const repos = createRepos(db)
  return {
    lessons: repos.lessons,
    enrollments: repos.enrollments,
    materials: createMaterialRepo(db),
    files: createFileStore(getCloud()),
  }
}

const base = { courseId: id, lessonId: id, title: text(MATERIAL_LIMITS.title.max) }
const addSchema = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('file'), fileID: z.string().max(400) }).strict(),
  z.object({ ...base, kind: z.literal('link'), url: z.string().max(MATERIAL_LIMITS.url * 2) }).strict(),
])
const materialIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,140}$/)

export const materialActions = {
  addMaterial: defineAction({
    schema: addSchema,
    staffOnly: true,
    run: ({ input, caller, now }) => addMaterial(materialDeps(), { ...input, by: caller.openid }, now),
  }),
  removeMaterial: defineAction({
    schema: z.object({ materialId: materialIdSchema }).strict(),
    staffOnly: true,
    run: ({ input, now }) => removeMaterial(materialDeps(), input, now),
  }),
  listMaterials: defineAction({
    schema: z.object({ courseId: id }).strict(),
    staffOnly: true,
    run: ({ input, now }) => listMaterials(materialDeps(), input, now),
  }),
  courseMaterials: defineAction({
    schema: z.object({ courseId: id }).strict(),
    run: ({ input, caller, now }) =>
      courseMaterials(materialDeps(), { courseId: input.courseId, openid: caller.openid }, now),
  }),
}
