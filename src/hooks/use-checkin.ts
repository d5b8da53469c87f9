import { useCallback, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { extractCheckinToken, type AppError, type CheckInResult, type Reply } from '@core'
import { canScanCode, checkIn, checkInDigits, scanCheckinCode } from '@/services/checkin'
import { locate, openLocationSettings, type LocateFailure } from '@/services/location'

export type { LocateFailure }
import { ROUTES } from '@/utils/routes'

export type CheckinPhase =
  | { kind: 'idle' }
  | { kind: 'locating' }
  | { kind: 'checking' }
  | { kind: 'done'; result: CheckInResult }
  /** `located`: why the phone gave no position, when it gave none (the screen says how to allow it). */
  | { kind: 'refused'; error: AppError; located?: LocateFailure }

type Send = (position: Parameters<typeof checkIn>[1]) => Promise<Reply<CheckInResult>>

/**
 * A worker's check-in: send a scanned or typed code, then hold the answer for the result screen. One at a
 * time: while a check-in (or the scanner) is open, further taps answer null and reach no server.
 */
export function useCheckin() {
  const [phase, setPhase] = useState<CheckinPhase>({ kind: 'idle' })
  const busy = useRef(false)

  /**
   * Asks the phone where it is, then sends. The server decides whether the lesson needs the position:
   * a phone that gives none still sends, and the refusal (if any) says why and offers 反扫.
   */
  const send = useCallback(async (request: Send): Promise<Reply<CheckInResult> | null> => {
    if (busy.current) return null
    busy.current = true
    setPhase({ kind: 'locating' })
    try {
      const located = await locate()
      setPhase({ kind: 'checking' })
      const reply = await request(located.ok ? located.position : undefined)
      setPhase(
        reply.ok
          ? { kind: 'done', result: reply.data }
          : { kind: 'refused', error: reply.error, ...(located.ok ? {} : { located: located.reason }) },
      )
      return reply
    } finally {
      busy.current = false
    }
  }, [])

  const submit = useCallback(
    async (code: string): Promise<Reply<CheckInResult> | null> => {
      const text = code.trim()
      return text ? send((position) => (position ? checkIn(text, position) : checkIn(text))) : null
    },
    [send],
  )

  /** The 6-digit code typed from the screen, for a lesson of today. */
  const submitDigits = useCallback(
    (lessonId: string, digits: string) =>
      send((position) => (position ? checkInDigits(lessonId, digits, position) : checkInDigits(lessonId, digits))),
    [send],
  )

  const scan = useCallback(async (): Promise<Reply<CheckInResult> | null> => {
    if (busy.current) return null
    busy.current = true
    let code: string | null
    try {
      code = await scanCheckinCode()
    } finally {
      busy.current = false
    }
    return code ? submit(code) : null
  }, [submit])

  const reset = useCallback(() => setPhase({ kind: 'idle' }), [])

  return { phase, canScan: canScanCode(), submit, submitDigits, scan, reset, openLocationSettings }
}

/**
 * The 签到 button elsewhere (course page, 我的): scan here, then let the check-in page send the code and
 * show the answer on its big result screen. Without a scanner (H5) it opens the page to type the code.
 * A code that is not one of ours still goes through, so the server can say why it is refused.
 */
export function useCheckinEntry() {
  const scanning = useRef(false)
  const canScan = canScanCode()
  const start = useCallback(async (): Promise<void> => {
    if (!canScan) {
      await Taro.navigateTo({ url: ROUTES.checkin() })
      return
    }
    if (scanning.current) return
    scanning.current = true
    try {
      const raw = await scanCheckinCode()
      if (raw) await Taro.navigateTo({ url: ROUTES.checkin(extractCheckinToken(raw) ?? raw) })
    } finally {
      scanning.current = false
    }
  }, [canScan])
  return { canScan, actionText: canScan ? '扫码签到' : '去签到', start }
}
