import { isDuplicateKey, rows, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { AttendanceMethod } from '@core/contracts/checkin'

/** One check-in. `_id` is `${lessonId}_${openid}`: one attendance per worker per lesson, by construction. */
export interface AttendanceDoc {
  _id: string
  lessonId: string
  courseId: string
  openid: string
  at: Date
  late: boolean
  method: AttendanceMethod
  /** Who marked it by hand, and why: the audit trail for manual marks. */
  staffOpenid: string | null
  reason: string | null
}

export const attendanceId = (lessonId: string, openid: string) => `${lessonId}_${openid}`

export interface AttendanceRepo {
  /** Adds the check-in, or returns the one already there (a repeat scan changes nothing). */
  addOnce(doc: AttendanceDoc): Promise<{ created: boolean; doc: AttendanceDoc }>
  findById(id: string): Promise<AttendanceDoc | null>
  listByLesson(lessonId: string): Promise<AttendanceDoc[]>
  listByOpenid(openid: string, limit: number): Promise<AttendanceDoc[]>
}

export function createAttendanceRepo(db: Db): AttendanceRepo {
  const attendance = db.collection(COLLECTIONS.attendance)
  return {
    async addOnce(doc) {
      try {
        await attendance.add({ data: doc })
        return { created: true, doc }
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
        const [existing] = await rows<AttendanceDoc>(attendance.where({ _id: doc._id }).limit(1))
        return { created: false, doc: existing ?? doc }
      }
    },
    async findById(id) {
      const [found] = await rows<AttendanceDoc>(attendance.where({ _id: id }).limit(1))
      return found ?? null
    },
    async listByLesson(lessonId) {
      const out: AttendanceDoc[] = []
      for (let offset = 0; ; offset += 100) {
        const page = await rows<AttendanceDoc>(
          attendance.where({ lessonId }).orderBy('_id', 'asc').skip(offset).limit(100),
        )
        out.push(...page)
        if (page.length < 100) return out
      }
    },
    listByOpenid(openid, limit) {
      return rows<AttendanceDoc>(attendance.where({ openid }).orderBy('at', 'desc').limit(limit))
    },
  }
}
