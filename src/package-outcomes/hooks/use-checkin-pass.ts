import { useEffect, useRef, useState } from 'react'
import type { AppError, MyCheckinCode } from '@core'
import { useMyCheckinLessons } from '@/hooks/use-my-checkin-lessons'
import { myCheckinCode } from '@/services/checkin'

/**
 * The worker's personal code (反扫) for one of today's lessons: the only lesson, or the one picked.
 * The code changes every 30 s; the hook fetches the next one when the current one's time is up, so the
 * code on screen is always one staff can scan.
 */
export function useCheckinPass() {
  const today = useMyCheckinLessons()
  const [picked, setPicked] = useState<string | null>(null)
  const [code, setCode] = useState<MyCheckinCode | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const open = today.lessons.filter((l) => !l.checkedIn)
  const lessonId = picked ?? (today.lessons.length === 1 ? today.lessons[0].lesson.lessonId : null)

  useEffect(() => {
    setCode(null)
    if (!lessonId) return
    // A reply landing after the page closed (or the lesson changed) must not schedule another fetch.
    let cancelled = false
    const fetchCode = async () => {
      const reply = await myCheckinCode(lessonId)
      if (cancelled) return
      if (reply.ok) {
        setCode(reply.data)
        setError(null)
        timer.current = setTimeout(() => void fetchCode(), reply.data.refreshInMs)
      } else {
        setError(reply.error)
      }
    }
    void fetchCode()
    return () => {
      cancelled = true
      if (timer.current) clearTimeout(timer.current)
    }
  }, [lessonId])

  const current = today.lessons.find((l) => l.lesson.lessonId === lessonId) ?? null
  return {
    status: today.status,
    loadError: today.error,
    lessons: today.lessons,
    open,
    current,
    code,
    error,
    pick: setPicked,
    reload: today.refresh,
  }
}
