import { useCallback, useEffect, useRef, useState } from 'react'
import type { AttendanceLiveResult, CheckinResults, Reply } from '@core'
import { attendanceLive, markAttendance, undoMark } from '@/services/checkin'
import { useLoadState } from '@/hooks/use-load-state'
import { usePageVisible } from './use-page-visible'

/** How often the live counts are re-read while the page is on screen. */
export const ATTENDANCE_POLL_MS = 5000

/**
 * Who has checked in to a lesson, re-read every few seconds while the page is visible (never while it is
 * hidden or gone). A failed re-read keeps the list on screen; `error` says the numbers may be behind.
 */
export function useAttendanceLive(lessonId: string | undefined) {
  const visible = usePageVisible()
  const [live, setLive] = useState<AttendanceLiveResult | null>(null)
  const { status, error, setStatus, setError } = useLoadState()
  const [marking, setMarking] = useState(false)
  const requestId = useRef(0)
  const loaded = useRef(false)

  const read = useCallback(async (): Promise<Reply<AttendanceLiveResult>> => {
    const id = ++requestId.current
    const reply = await attendanceLive(lessonId ?? '')
    // A poll answered after a newer read (a manual refresh) must not put older numbers back.
    if (id !== requestId.current) return reply
    if (reply.ok) {
      loaded.current = true
      setLive(reply.data)
      setError(null)
      setStatus('ready')
    } else {
      setError(reply.error)
      if (!loaded.current) setStatus('error')
    }
    return reply
  }, [lessonId, setError, setStatus])

  useEffect(() => {
    if (!visible || !lessonId) return
    let cancelled = false
    let timer: ReturnType<typeof setTimeout> | undefined
    // The next read is scheduled after the answer, so a slow network never stacks requests.
    const tick = async () => {
      await read()
      if (!cancelled) timer = setTimeout(() => void tick(), ATTENDANCE_POLL_MS)
    }
    void tick()
    return () => {
      cancelled = true
      if (timer) clearTimeout(timer)
    }
  }, [visible, lessonId, read])

  const reload = useCallback(() => {
    loaded.current = false
    setStatus('loading')
    return read()
  }, [read, setStatus])

  /** Marks a worker present by hand; on success the list is re-read before this resolves. */
  const mark = useCallback(
    async (ref: string, reason: string): Promise<Reply<CheckinResults['markAttendance']>> => {
      setMarking(true)
      try {
        const reply = await markAttendance(lessonId ?? '', ref, reason)
        if (reply.ok) await read()
        return reply
      } finally {
        setMarking(false)
      }
    },
    [lessonId, read],
  )

  /** Takes back a 补签 just made (撤销); the list is re-read before this resolves. */
  const undo = useCallback(
    async (ref: string): Promise<Reply<CheckinResults['undoMark']>> => {
      const reply = await undoMark(lessonId ?? '', ref)
      await read()
      return reply
    },
    [lessonId, read],
  )

  return { live, status, error, refresh: read, reload, mark, marking, undo }
}
