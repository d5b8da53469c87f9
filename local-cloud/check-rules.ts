/**
 * The invariant checker's rules for records, workers, lessons and attendance (the course ledgers and
 * their places are checked in check.ts), and the codes of every problem it reports.
 */

export interface Problem {
  /** Stable, e.g. COURSE.OVERSOLD; see PROBLEM_CODES. */
  code: ProblemCode
  /** Starts with the id of the document at fault. */
  detail: string
}

export const PROBLEM_CODES = {
  'COURSE.SEATS_TAKEN': 'seatsTaken differs from the number of seats in the ledger',
  'COURSE.SEATS_LEFT': 'seatsLeft differs from capacity − seatsTaken',
  'COURSE.OVERSOLD': 'more seats taken than the capacity',
  'COURSE.WAITLIST_LENGTH': 'waitlistLength differs from the waitlist',
  'COURSE.WAITLIST_DUPLICATE': 'a worker waits twice',
  'COURSE.SEATED_AND_WAITING': 'a worker both holds a seat and waits',
  'COURSE.CANCELLED_NOT_EMPTY': 'a cancelled course still holds seats or a waitlist',
  'COURSE.LOST_SEAT': 'a free seat while workers wait',
  'PLACE.NO_RECORD': 'a seat or waitlist place without an enrollment record',
  'PLACE.STATUS_MISMATCH': "the record's status disagrees with the place",
  'PLACE.NO_USER': 'a place held by a worker without a user record',
  'PLACE.NO_CLAIM': "a place on a live course the worker's activeCourses does not claim",
  'RECORD.NO_PLACE': 'an active record with no place in the ledger',
  'RECORD.OFFER_NO_DEADLINE': 'an offer without offerExpiresAt',
  'RECORD.OFFER_EXPIRED': 'an offer past its deadline',
  'RECORD.NO_COURSE': 'an active record for a course that does not exist',
  'RECORD.BAD_ID': 'a record whose _id is not ${courseId}_${openid}',
  'USER.STRANDED_CLAIM': 'a claim on a live course with no place behind it',
  'USER.CLAIM_NO_COURSE': 'a claim on a course that does not exist',
  'USER.DUPLICATE_CLAIM': 'the same course claimed twice',
  'USER.OVER_LIMIT': 'more claims on live courses than the per-worker limit',
  'USER.CLAIM_NO_TIME': 'a claim without claimedAt',
  'USER.NO_SHOW_COUNT': 'noShowCount differs from noShows',
  'USER.NO_SHOW_DUPLICATE': 'two no-shows for one lesson',
  'USER.NO_SHOW_UNKNOWN_LESSON': 'a no-show for a lesson that does not exist or was never counted',
  'USER.NO_SHOW_ATTENDED': 'a no-show for a lesson the worker attended',
  'ATTENDANCE.NO_LESSON': 'attendance for a lesson that does not exist',
  'ATTENDANCE.BAD_ID': 'attendance whose _id is not ${lessonId}_${openid}',
  'ATTENDANCE.NO_SEAT': "attendance without the worker's enrolled record for the course",
  'LESSON.NO_COURSE': 'a lesson of a course that does not exist',
  'LESSON.DUPLICATE_INDEX': 'two lessons of a course with the same index',
  'LESSON.BAD_TIMES': 'a lesson that does not end after it starts',
  'OWED.CLAIM_RELEASE':
    'a claim on a live course whose record has ended and whose place is gone: counts for nothing, released by recovery',
  'OWED.OFFER_PROMOTION':
    'a seat the ledger holds for a waiting worker whose record still says waitlisted: promoted (with the notice) by recovery',
} as const

/**
 * States recovery owes a step, which no reader takes for more than they are: a decline leaves them on
 * purpose (server/enrollment/lifecycle.ts, "decline"), a call cut short by accident. Not broken; they
 * must be gone once recovery has run.
 */
export const OWED_CODES: ReadonlySet<ProblemCode> = new Set<ProblemCode>(['OWED.CLAIM_RELEASE', 'OWED.OFFER_PROMOTION'])

export type ProblemCode = keyof typeof PROBLEM_CODES

// Loose shapes: the checker must survive the very documents it is looking for.
export interface CourseRow {
  _id: string
  status?: string
  capacity?: number
  seats?: Record<string, string> | null
  seatsTaken?: number
  seatsLeft?: number
  waitlist?: string[] | null
  waitlistLength?: number
  lastLessonAt?: Date
}
export interface EnrollmentRow {
  _id: string
  courseId?: string
  openid?: string
  status?: string
  offerExpiresAt?: Date | null
  anonymised?: boolean
}
export interface UserRow {
  _id: string
  activeCourses?: string[]
  claimedAt?: Record<string, Date | undefined> | null
  noShows?: { lessonId?: string; at?: Date }[]
  noShowCount?: number
}
export interface LessonRow {
  _id: string
  courseId?: string
  index?: number
  startsAt?: Date
  endsAt?: Date
  noShowsRecordedAt?: Date | null
}
export interface AttendanceRow {
  _id: string
  lessonId?: string
  openid?: string
  anonymised?: boolean
}

export interface Data {
  courses: Map<string, CourseRow>
  enrollments: Map<string, EnrollmentRow>
  users: Map<string, UserRow>
  lessons: Map<string, LessonRow>
  attendance: AttendanceRow[]
  now: Date
  maxActive: number
}

export type Report = (code: ProblemCode, detail: string) => void

const ACTIVE = new Set(['enrolled', 'waitlisted', 'offered'])

export const hasPlace = (course: CourseRow, openid: string | undefined) =>
  openid !== undefined && (Boolean(course.seats?.[openid]) || (course.waitlist ?? []).includes(openid))

/** A course whose claims count against the per-worker limit; claims on others are allowed leftovers. */
export const isLive = (course: CourseRow, now: Date) =>
  course.status === 'published' && course.lastLessonAt instanceof Date && course.lastLessonAt > now

/** Every active record: where its id says, with a place in its course's ledger, an offer with a live deadline. */
export function checkRecords(data: Data, report: Report): void {
  for (const r of data.enrollments.values()) {
    if (!ACTIVE.has(String(r.status))) continue
    if (!r.anonymised && r._id !== `${r.courseId}_${r.openid}`)
      report('RECORD.BAD_ID', `${r._id}: courseId ${r.courseId}, openid ${r.openid}`)
    const course = r.courseId === undefined ? undefined : data.courses.get(r.courseId)
    if (!course) report('RECORD.NO_COURSE', `${r._id}: ${r.status} for course ${r.courseId}, which does not exist`)
    else if (!hasPlace(course, r.openid))
      report('RECORD.NO_PLACE', `${r._id}: ${r.status}, but the ledger of ${course._id} holds no place for ${r.openid}`)
    if (r.status !== 'offered') continue
    if (!(r.offerExpiresAt instanceof Date)) report('RECORD.OFFER_NO_DEADLINE', `${r._id}: offered without a deadline`)
    else if (r.offerExpiresAt <= data.now)
      report('RECORD.OFFER_EXPIRED', `${r._id}: offer expired at ${r.offerExpiresAt.toISOString()}`)
  }
}

/** Every worker: claims backed by places and within the limit, no-shows that match the lessons. */
export function checkUsers(data: Data, report: Report): void {
  const attended = new Set(data.attendance.map((a) => `${a.lessonId}|${a.openid}`))
  for (const u of data.users.values()) {
    const claims = Array.isArray(u.activeCourses) ? u.activeCourses : []
    let live = 0
    for (const [i, courseId] of claims.entries()) {
      if (claims.indexOf(courseId) !== i) {
        report('USER.DUPLICATE_CLAIM', `${u._id}: claims ${courseId} twice`)
        continue
      }
      if (!u.claimedAt?.[courseId]) report('USER.CLAIM_NO_TIME', `${u._id}: claims ${courseId} without claimedAt`)
      const course = data.courses.get(courseId)
      if (!course) report('USER.CLAIM_NO_COURSE', `${u._id}: claims ${courseId}, which does not exist`)
      else if (isLive(course, data.now)) {
        const record = data.enrollments.get(`${courseId}_${u._id}`)
        if (hasPlace(course, u._id)) live++
        else if (record && !ACTIVE.has(String(record.status)))
          report('OWED.CLAIM_RELEASE', `${u._id}: claims ${courseId}, whose record is ${record.status}`)
        else {
          live++
          report('USER.STRANDED_CLAIM', `${u._id}: claims ${courseId} and holds no place`)
        }
      }
    }
    if (live > data.maxActive) report('USER.OVER_LIMIT', `${u._id}: ${live} claims on live courses`)
    checkNoShows(u, data, attended, report)
  }
}

function checkNoShows(u: UserRow, data: Data, attended: Set<string>, report: Report): void {
  const noShows = Array.isArray(u.noShows) ? u.noShows : []
  if ((u.noShowCount ?? 0) !== noShows.length)
    report('USER.NO_SHOW_COUNT', `${u._id}: noShowCount ${u.noShowCount} for ${noShows.length} no-shows`)
  const seen = new Set<string>()
  for (const { lessonId } of noShows) {
    if (seen.has(String(lessonId))) {
      report('USER.NO_SHOW_DUPLICATE', `${u._id}: two no-shows for lesson ${lessonId}`)
      continue
    }
    seen.add(String(lessonId))
    const lesson = lessonId === undefined ? undefined : data.lessons.get(lessonId)
    if (!lesson?.noShowsRecordedAt)
      report(
        'USER.NO_SHOW_UNKNOWN_LESSON',
        `${u._id}: no-show for lesson ${lessonId}, which ${lesson ? 'was never counted' : 'does not exist'}`,
      )
    if (attended.has(`${lessonId}|${u._id}`))
      report('USER.NO_SHOW_ATTENDED', `${u._id}: no-show for lesson ${lessonId}, which the worker attended`)
  }
}

/** Lessons belong to a course, one per index, and end after they start; attendance needs a seat. */
export function checkLessons(data: Data, report: Report): void {
  const indexes = new Map<string, string>()
  for (const l of data.lessons.values()) {
    if (l.courseId === undefined || !data.courses.has(l.courseId))
      report('LESSON.NO_COURSE', `${l._id}: course ${l.courseId} does not exist`)
    const key = `${l.courseId}#${l.index}`
    const first = indexes.get(key)
    if (first) report('LESSON.DUPLICATE_INDEX', `${l._id}: index ${l.index} of ${l.courseId}, as ${first}`)
    else indexes.set(key, l._id)
    if (!(l.startsAt instanceof Date) || !(l.endsAt instanceof Date) || l.startsAt >= l.endsAt)
      report('LESSON.BAD_TIMES', `${l._id}: starts ${iso(l.startsAt)}, ends ${iso(l.endsAt)}`)
  }
  for (const a of data.attendance) {
    const lesson = a.lessonId === undefined ? undefined : data.lessons.get(a.lessonId)
    if (!lesson) {
      report('ATTENDANCE.NO_LESSON', `${a._id}: lesson ${a.lessonId} does not exist`)
      continue
    }
    // A deleted profile's attendance is kept for the statistics but no longer names the worker.
    if (a.anonymised) continue
    if (a._id !== `${a.lessonId}_${a.openid}`)
      report('ATTENDANCE.BAD_ID', `${a._id}: lessonId ${a.lessonId}, openid ${a.openid}`)
    // Lessons already held keep their attendance when staff cancel the rest of the course.
    if (data.courses.get(String(lesson.courseId))?.status === 'cancelled') continue
    const record = data.enrollments.get(`${lesson.courseId}_${a.openid}`)
    if (record?.status !== 'enrolled')
      report(
        'ATTENDANCE.NO_SEAT',
        `${a._id}: the record for ${lesson.courseId} is ${record ? record.status : 'missing'}`,
      )
  }
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d))
