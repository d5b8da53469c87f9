import { useCallback, useEffect, useRef, useState } from 'react'
import type { MyAttendanceResult } from '@core'
import { myAttendance } from '@/services/checkin'

export type LessonAttendance = MyAttendanceResult['lessons']

/**
 * The lessons the worker has checked in to, by lesson id. A failed read leaves the map as it was: the
 * marks are a courtesy on cards, not something to show an error for.
 */
export function useMyAttendance(enabled = true) {
  const [lessons, setLessons] = useState<LessonAttendance>({})
  const requestId = useRef(0)

  const refresh = useCallback(async () => {
    const id = ++requestId.current
    const reply = await myAttendance()
    if (id === requestId.current && reply.ok) setLessons(reply.data.lessons)
    return reply
  }, [])

  useEffect(() => {
    if (enabled) void refresh()
  }, [enabled, refresh])

  return { lessons, refresh }
}
