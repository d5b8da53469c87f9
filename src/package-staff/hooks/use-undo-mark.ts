import { useCallback, useEffect, useRef, useState } from 'react'
import type { AttendanceEntry, CheckinResults, Reply } from '@core'

/** How long 撤销 stays on screen after a 补签 (the server accepts it for two minutes). */
export const UNDO_VISIBLE_MS = 6000

/**
 * The snackbar after a 补签: "已补签 张三 · 撤销" for a few seconds. Undo calls the server, which removes
 * that manual mark and keeps the audit; its refusal (too late, or not a manual mark) is shown instead.
 */
export function useUndoMark(undo: (ref: string) => Promise<Reply<CheckinResults['undoMark']>>) {
  const [last, setLast] = useState<AttendanceEntry | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  const hideLater = useCallback((ms: number) => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => {
      setLast(null)
      setMessage(null)
    }, ms)
  }, [])

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current)
    },
    [],
  )

  const marked = useCallback(
    (entry: AttendanceEntry) => {
      setLast(entry)
      setMessage(null)
      hideLater(UNDO_VISIBLE_MS)
    },
    [hideLater],
  )

  const takeBack = useCallback(async () => {
    if (!last || busy) return
    setBusy(true)
    const reply = await undo(last.ref)
    setBusy(false)
    setMessage(reply.ok ? `已撤销 ${last.name} 的补签` : reply.error.message)
    setLast(null)
    hideLater(3000)
  }, [busy, hideLater, last, undo])

  return { last, message, busy, marked, takeBack }
}
