import { randomBytes } from 'node:crypto'
import { isDuplicateKey, rows, updatedCount, type Db } from '../cloud'
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
  /** How far from the venue the phone said it was, when the check-in was judged by location. */
  distanceM?: number
  /** Set while a deletion moves the record to its anonymous id (the id it will have). */
  anonymisedAs?: string
}

/**
 * A check-in of a worker who deleted the profile: under a random id, without the openid, so the
 * programme's figures keep counting it and nothing links it back to the WeChat identity.
 */
export type AnonymisedAttendanceDoc = Omit<AttendanceDoc, 'openid' | 'anonymisedAs'> & { anonymised: true }

export const attendanceId = (lessonId: string, openid: string) => `${lessonId}_${openid}`

export interface AttendanceRepo {
  /** Adds the check-in, or returns the one already there (a repeat scan changes nothing). */
  addOnce(doc: AttendanceDoc): Promise<{ created: boolean; doc: AttendanceDoc }>
  findById(id: string): Promise<AttendanceDoc | null>
  /** Whether anyone checked into the lesson, identified or not. */
  hasAny(lessonId: string): Promise<boolean>
  listByLesson(lessonId: string): Promise<AttendanceDoc[]>
  /** Removes exactly this 补签 mark (manual, made at `at`): never a check-in, never a later mark. */
  removeMark(id: string, at: Date): Promise<boolean>
  listByOpenid(openid: string, limit: number): Promise<AttendanceDoc[]>
  /**
   * Moves every check-in of the worker to a random id without the openid. Each record is first stamped
   * with its new id, so a call cut short and run again finishes the same move instead of counting twice.
   */
  anonymiseByOpenid(openid: string): Promise<number>
}

export function createAttendanceRepo(db: Db): AttendanceRepo {
  const attendance = db.collection(COLLECTIONS.attendance)
  const _ = db.command
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
    async removeMark(id, at) {
      const removed = await attendance.where({ _id: id, method: 'manual', at }).remove()
      return (removed as { stats?: { removed?: number } }).stats?.removed === 1
    },
    async hasAny(lessonId) {
      return (await rows<AttendanceDoc>(attendance.where({ lessonId }).limit(1))).length > 0
    },
    async listByLesson(lessonId) {
      const out: AttendanceDoc[] = []
      for (let offset = 0; ; offset += 100) {
        const page = await rows<AttendanceDoc>(
          // Anonymised check-ins count in the figures but name nobody on a staff screen.
          attendance
            .where({ lessonId, openid: _.exists(true) })
            .orderBy('_id', 'asc')
            .skip(offset)
            .limit(100),
        )
        out.push(...page)
        if (page.length < 100) return out
      }
    },
    listByOpenid(openid, limit) {
      return rows<AttendanceDoc>(attendance.where({ openid }).orderBy('at', 'desc').limit(limit))
    },
    async anonymiseByOpenid(openid) {
      let moved = 0
      for (;;) {
        const page = await rows<AttendanceDoc>(attendance.where({ openid }).orderBy('_id', 'asc').limit(100))
        for (const doc of page) {
          const stamp = `anon_${randomBytes(12).toString('hex')}`
          await updatedCount(
            attendance.where({ _id: doc._id, anonymisedAs: _.exists(false) }).update({ data: { anonymisedAs: stamp } }),
          )
          const [current] = await rows<AttendanceDoc>(attendance.where({ _id: doc._id }).limit(1))
          if (!current?.anonymisedAs) continue
          const { _id, openid: _openid, anonymisedAs, ...kept } = current
          void _id
          void _openid
          const anonymous: AnonymisedAttendanceDoc = { ...kept, _id: anonymisedAs, anonymised: true }
          try {
            await attendance.add({ data: anonymous })
          } catch (err) {
            if (!isDuplicateKey(err)) throw err
          }
          await attendance.where({ _id: doc._id }).remove()
          moved++
        }
        if (page.length < 100) return moved
      }
    },
  }
}
