import { useCallback, useState } from 'react'
import { ackCancelled } from '@/services/enrollment'
import { alert } from '@/utils/feedback'

/** 知道了 on a union-cancelled course: recorded on the server, then `after` (a reload) removes the card. */
export function useCancelAck(after: () => unknown) {
  const [busy, setBusy] = useState<string | null>(null)
  const ack = useCallback(
    async (courseId: string) => {
      setBusy(courseId)
      const reply = await ackCancelled(courseId)
      if (reply.ok) await after()
      else await alert(reply.error.message)
      setBusy(null)
    },
    [after],
  )
  return { ack, busy }
}
