import { useCallback, useState } from 'react'
import type { AdminResults, Reply } from '@core'
import { cancelCourse, setCapacity } from '@/services/admin'
import { useCourse } from '@/hooks/use-course'

/** One course as staff manage it: details from the catalog, changes through the admin function. */
export function useAdminCourse(courseId: string | undefined) {
  const { course, status, error, reload, refresh } = useCourse(courseId)
  const [busy, setBusy] = useState<'capacity' | 'cancel' | null>(null)

  const changeCapacity = useCallback(
    async (capacity: number): Promise<Reply<AdminResults['setCapacity']>> => {
      setBusy('capacity')
      try {
        const reply = await setCapacity(courseId ?? '', capacity)
        if (reply.ok) void refresh()
        return reply
      } finally {
        setBusy(null)
      }
    },
    [courseId, refresh],
  )

  const cancel = useCallback(
    async (reason: string): Promise<Reply<AdminResults['cancelCourse']>> => {
      setBusy('cancel')
      try {
        const reply = await cancelCourse(courseId ?? '', reason)
        if (reply.ok) void refresh()
        return reply
      } finally {
        setBusy(null)
      }
    },
    [courseId, refresh],
  )

  return { course, status, error, reload, refresh, busy, changeCapacity, cancel }
}
