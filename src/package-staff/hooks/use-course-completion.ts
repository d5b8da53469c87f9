import { useCallback, useEffect, useState } from 'react'
import type { AppError, CourseCompletion, SettleResult } from '@core'
import { courseCertificates, revokeCertificate, settleCourse } from '@/services/outcomes'
import { useLoadState } from '@/hooks/use-load-state'

/** Staff: one course's attendance against its completion rule, settling it, and revoking certificates. */
export function useCourseCompletion(courseId: string | undefined) {
  const [completion, setCompletion] = useState<CourseCompletion | null>(null)
  const [busy, setBusy] = useState(false)
  const { status, error, setStatus, setError, settle } = useLoadState()

  const reload = useCallback(async () => {
    if (!courseId) {
      setError({ code: 'CATALOG.NOT_FOUND', message: '课程不存在或已下线' })
      setStatus('error')
      return
    }
    setStatus('loading')
    settle(await courseCertificates(courseId), setCompletion)
  }, [courseId, setError, setStatus, settle])

  useEffect(() => {
    void reload()
  }, [reload])

  /** Resolves the result, or the refusal to show. */
  const settleNow = useCallback(async (): Promise<
    { ok: true; data: SettleResult } | { ok: false; error: AppError }
  > => {
    setBusy(true)
    const reply = await settleCourse(courseId ?? '')
    setBusy(false)
    if (reply.ok) void reload()
    return reply
  }, [courseId, reload])

  const revoke = useCallback(
    async (certificateId: string, reason: string) => {
      setBusy(true)
      const reply = await revokeCertificate(certificateId, reason)
      setBusy(false)
      if (reply.ok) void reload()
      return reply
    },
    [reload],
  )

  return { completion, status, error, busy, reload, settle: settleNow, revoke }
}
