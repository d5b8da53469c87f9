import { useCallback, useEffect, useRef, useState } from 'react'
import type { PresenceInfo } from '@core'
import { canScanCode, scanWorkerCode, setCheckinOptions, staffCheckIn } from '@/services/checkin'
import type { DoorTools, StaffScan } from '../lib/attendance'

/**
 * What staff do at the door beside showing the code: scan a worker's personal code (反扫) and see who it
 * is, and switch 允许仅输入数字码 for this lesson. `presence` starts from the code's answer and follows
 * the switch's replies.
 */
export function useDoorTools(
  lessonId: string,
  initial: PresenceInfo | null,
  onCheckedIn: () => void,
): DoorTools & { clearScan: () => void; saving: boolean } {
  const [scan, setScan] = useState<StaffScan>({ kind: 'idle' })
  const [presence, setPresence] = useState<PresenceInfo | null>(initial)
  const [saving, setSaving] = useState(false)
  const [optionError, setOptionError] = useState<string | null>(null)
  const busy = useRef(false)

  useEffect(() => {
    if (initial && !saving) setPresence(initial)
    // Only a new answer from the server replaces what the switch shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial?.allowDigits, initial?.mode, initial?.radiusM])

  const submit = useCallback(
    async (code: string) => {
      const text = code.trim()
      if (busy.current || !text) return
      busy.current = true
      setScan({ kind: 'busy' })
      try {
        const reply = await staffCheckIn(text, lessonId)
        setScan(reply.ok ? { kind: 'done', result: reply.data } : { kind: 'refused', error: reply.error })
        if (reply.ok) onCheckedIn()
      } finally {
        busy.current = false
      }
    },
    [lessonId, onCheckedIn],
  )

  const scanCamera = useCallback(async () => {
    const code = await scanWorkerCode()
    if (code) await submit(code)
  }, [submit])

  const change = useCallback(
    async (options: Parameters<typeof setCheckinOptions>[1]) => {
      if (saving) return
      setSaving(true)
      setOptionError(null)
      const reply = await setCheckinOptions(lessonId, options)
      if (reply.ok) setPresence(reply.data)
      else setOptionError(reply.error.message)
      setSaving(false)
    },
    [lessonId, saving],
  )
  const toggleDigits = useCallback(async () => {
    if (presence) await change({ allowDigits: !presence.allowDigits })
  }, [change, presence])
  /** This lesson only: e.g. a venue whose phones find no fix, where staff check faces at the door instead. */
  const toggleLocation = useCallback(async () => {
    if (presence) await change({ presence: presence.mode === 'location' ? 'none' : 'location' })
  }, [change, presence])

  return {
    scan,
    canScan: canScanCode(),
    submit,
    scanCamera,
    clearScan: () => setScan({ kind: 'idle' }),
    presence,
    saving,
    optionError,
    toggleDigits,
    toggleLocation,
  }
}
