import { useCallback, useEffect, useRef, useState } from 'react'
import type { MyCheckinLesson } from '@core'
import { myCheckinLessons } from '@/services/checkin'
import { useLoadState } from './use-load-state'

/**
 * Today's lessons the worker holds a seat in: which lesson typed digits are for, and which lesson the
 * personal code (签到码) names. Loaded when `enabled` turns true (the typing box opens, the page shows).
 */
export function useMyCheckinLessons(enabled = true) {
  const [lessons, setLessons] = useState<MyCheckinLesson[]>([])
  const { status, error, setStatus, settle } = useLoadState()
  const requestId = useRef(0)

  const refresh = useCallback(async () => {
    const id = ++requestId.current
    setStatus('loading')
    const reply = await myCheckinLessons()
    if (id === requestId.current) settle(reply, (data) => setLessons(data.lessons))
  }, [setStatus, settle])

  useEffect(() => {
    if (enabled) void refresh()
  }, [enabled, refresh])

  return { lessons, status, error, refresh }
}
