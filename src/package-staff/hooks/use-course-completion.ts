import { useCallback, useState } from 'react'
import type { AppError, SettleResult } from '@core'
import { courseCertificates, revokeCertificate, settleCourse } from '@/services/outcomes'
import { useCourseResource } from '@/hooks/use-course-resource'

/** Staff: one course's attendance against its completion rule, settling it, and revoking certificates. */
export function useCourseCompletion(courseId: string | undefined) {
  const { data: completion, status, error, reload } = useCourseResource(courseId, courseCertificates)
  const [busy, setBusy] = useState(false)

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
