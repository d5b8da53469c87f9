import { useCallback, useState } from 'react'
import type { MaterialView } from '@core/contracts/materials'
import { useLoaded } from '@/hooks/use-loaded'
import { courseMaterials, openMaterialFile, openMaterialLink } from '@/services/materials'

/** A seated worker's materials of one course, and opening them (a download, a viewer, a copied link). */
export function useCourseMaterials(courseId: string | undefined) {
  const load = useCallback(() => courseMaterials(courseId ?? ''), [courseId])
  const { data, status, error, reload } = useLoaded(load)
  const [opening, setOpening] = useState<string | null>(null)
  const [openError, setOpenError] = useState<string | null>(null)

  const open = useCallback(
    async (material: MaterialView) => {
      setOpenError(null)
      if (material.kind === 'link') {
        if (material.url) await openMaterialLink(material.url)
        return
      }
      setOpening(material.id)
      const reply = await openMaterialFile(material)
      setOpening(null)
      // A download URL lasts two hours: on failure read the list again for fresh ones.
      if (!reply.ok) {
        setOpenError(reply.error.message)
        await reload()
      }
    },
    [reload],
  )

  return { data, status, error, reload, open, opening, openError }
}
