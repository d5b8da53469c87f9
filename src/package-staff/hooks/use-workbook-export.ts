import { useCallback, useState } from 'react'
import type { Reply, Workbook } from '@core'
import { courseWorkbook, programmeWorkbook } from '@/services/outcomes'
import { deliverWorkbook } from '@/services/workbook-file'
import { alert, toast } from '@/utils/feedback'

/** One export at a time: asks the server for the workbook, then hands the file over. */
export function useWorkbookExport() {
  const [busy, setBusy] = useState(false)
  const run = useCallback(
    async (make: () => Promise<Reply<Workbook>>) => {
      if (busy) return
      setBusy(true)
      const reply = await make()
      if (!reply.ok) {
        setBusy(false)
        await alert(reply.error.message)
        return
      }
      const delivered = await deliverWorkbook(reply.data.filename, reply.data.base64)
      setBusy(false)
      if (!delivered.ok) await alert(delivered.message)
      else toast(reply.data.masked ? '已导出（手机号已隐去中间四位）' : '已导出', 'success')
    },
    [busy],
  )
  const exportProgramme = useCallback(() => run(programmeWorkbook), [run])
  const exportCourse = useCallback((courseId: string) => run(() => courseWorkbook(courseId)), [run])
  return { busy, exportProgramme, exportCourse }
}
