import type { MyAttendanceResult } from '@core/contracts/checkin'
import { ok, type Reply } from '@core/reply'
import type { AttendanceRepo } from '../repos/attendance-repo'

export async function myAttendance(
  deps: { attendance: AttendanceRepo },
  openid: string,
): Promise<Reply<MyAttendanceResult>> {
  // The newest 100 check-ins cover a worker's running courses many times over.
  const records = await deps.attendance.listByOpenid(openid, 100)
  const lessons: MyAttendanceResult['lessons'] = {}
  for (const r of records) lessons[r.lessonId] = { at: new Date(r.at).toISOString(), late: r.late }
  return ok({ lessons })
}
