import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import type { AppError, TodayLessonsResult } from '@core'
import { todayLessons } from '@/services/admin'

/** 今日课程 for the 工作台: one call; reload on demand (the page reloads it when shown again). */
export function useTodayLessons(enabled = true) {
  const [today, setToday] = useState<TodayLessonsResult | null>(null)
  const [status, setStatus] = useState<'loading' | 'ready' | 'error'>('loading')
  const [error, setError] = useState<AppError | null>(null)

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setStatus('loading')
    const reply = await todayLessons()
    if (reply.ok) {
      setToday(reply.data)
      setError(null)
      setStatus('ready')
    } else {
      setError(reply.error)
      // A quiet refresh that fails keeps the list staff already see.
      if (!quiet) setStatus('error')
    }
  }, [])

  useEffect(() => {
    if (enabled) void load()
  }, [enabled, load])

  // Back from 签到码 or 考勤: the check-in counts have moved on.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current && enabled) void load(true)
    shown.current = true
  })

  return { today, status, error, reload: () => load(), refresh: () => load(true) }
}
