import type { AttendanceEntry, AttendanceLiveResult } from '@core/contracts/checkin'
import { fail, ok, type Reply } from '@core/reply'
import type { UserDoc } from '../repos/user-repo'
import { checkinWindow, enrolledOpenids, lessonRef, type CheckinDeps } from './deps'
import { workerRef } from './token'

const ORDER: Record<AttendanceEntry['status'], number> = { absent: 0, late: 1, present: 2 }

/** Who is in the room: every worker with a seat, checked in or not, for the staff screen at the door. */
export async function attendanceLive(deps: CheckinDeps, lessonId: string): Promise<Reply<AttendanceLiveResult>> {
  const lesson = await deps.lessons.findById(lessonId)
  const course = lesson ? await deps.courses.findById(lesson.courseId) : null
  if (!lesson || !course) return fail('CHECKIN.NOT_FOUND', { field: 'lessonId' })
  const [openids, records] = await Promise.all([
    enrolledOpenids(deps, course._id),
    deps.attendance.listByLesson(lessonId),
  ])
  const byOpenid = new Map(records.map((r) => [r.openid, r]))
  // Everyone who checked in counts, even a worker who cancelled afterwards.
  const everyone = [...new Set([...openids, ...records.map((r) => r.openid)])]
  const users = new Map<string, UserDoc>()
  for (let i = 0; i < everyone.length; i += 100) {
    for (const u of await deps.users.findByIds(everyone.slice(i, i + 100))) users.set(u._id, u)
  }
  const secret = deps.secret()
  const entries: AttendanceEntry[] = everyone.map((openid) => {
    const user = users.get(openid)
    const record = byOpenid.get(openid)
    return {
      ref: workerRef(secret, lessonId, openid),
      name: user?.name ?? '（已注销）',
      employer: user?.employer ?? '',
      phoneTail: user?.phone ? user.phone.slice(-4) : '',
      status: record ? (record.late ? 'late' : 'present') : 'absent',
      at: record ? new Date(record.at).toISOString() : null,
      method: record?.method ?? null,
    }
  })
  entries.sort(
    (a, b) =>
      ORDER[a.status] - ORDER[b.status] ||
      (b.at ?? '').localeCompare(a.at ?? '') ||
      a.name.localeCompare(b.name, 'zh-CN'),
  )
  const { opensAt, closesAt } = checkinWindow(lesson)
  return ok({
    lesson: lessonRef(lesson, course),
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    expected: openids.length,
    present: entries.filter((e) => e.status !== 'absent').length,
    late: entries.filter((e) => e.status === 'late').length,
    entries,
  })
}
