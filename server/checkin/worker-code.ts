import { WORKER_CODE_WINDOW_SECONDS, type MyCheckinCode, type StaffCheckInResult } from '@core/contracts/checkin'
import { fail, ok, type Reply } from '@core/reply'
import { checkinWindow, lessonRef, type CheckinDeps } from './deps'
import { admit, gate } from './admit'
import {
  acceptedWindow,
  readWorkerCode,
  signWorkerCode,
  windowAt,
  windowStart,
  WORKER_WINDOW_MS,
  workerRef,
} from './token'

/**
 * 反扫: the worker's own code for a lesson, changing every 30 s. It names the worker by an opaque
 * handle (an HMAC of lesson and openid), never the openid; only the server can resolve it, against the
 * course's seat ledger. Issued only to a worker with a seat, until the lesson ends.
 */
export async function myCheckinCode(
  deps: CheckinDeps,
  openid: string,
  input: { lessonId: string },
  now: Date,
): Promise<Reply<MyCheckinCode>> {
  const lesson = await deps.lessons.findById(input.lessonId)
  const course = lesson ? await deps.courses.findById(lesson.courseId) : null
  if (!lesson || !course || course.status !== 'published') return fail('CHECKIN.NOT_FOUND', { field: 'lessonId' })
  if (course.seats?.[openid] !== 'enrolled') return fail('CHECKIN.NOT_ENROLLED')
  if (now > checkinWindow(lesson).closesAt) return fail('CHECKIN.CLOSED')
  const secret = deps.secret()
  const window = windowAt(now.getTime(), WORKER_WINDOW_MS)
  return ok({
    code: signWorkerCode(secret, lesson.shortId, window, workerRef(secret, lesson._id, openid)),
    refreshInMs: Math.max(1000, windowStart(window + 1, WORKER_WINDOW_MS).getTime() - now.getTime()),
    // Accepted in its own window and the next: the code on the screen is never refused for its age.
    validUntil: windowStart(window + 2, WORKER_WINDOW_MS).toISOString(),
    lesson: lessonRef(lesson, course),
  })
}

/**
 * Staff scanned a worker's code at the door: the worker is present by the staff member's own eyes, so
 * no position is needed. The reply names the worker and employer for a look at the person in front.
 */
export async function staffCheckIn(
  deps: CheckinDeps,
  staffOpenid: string,
  input: { code: string; lessonId?: string },
  now: Date,
): Promise<Reply<StaffCheckInResult>> {
  const secret = deps.secret()
  const read = readWorkerCode(secret, input.code.trim())
  if (!read) return fail('CHECKIN.BAD_WORKER_CODE', { field: 'code' })
  if (!acceptedWindow(read.window, now.getTime(), WORKER_WINDOW_MS, WORKER_CODE_WINDOW_SECONDS * 1000)) {
    return fail('CHECKIN.WORKER_CODE_EXPIRED', { field: 'code' })
  }
  const lesson = await deps.lessons.findByShortId(read.shortId)
  if (lesson && input.lessonId && lesson._id !== input.lessonId) return fail('CHECKIN.OTHER_LESSON', { field: 'code' })
  const course = lesson ? await deps.courses.findById(lesson.courseId) : null
  const openid = lesson
    ? Object.keys(course?.seats ?? {}).find((o) => workerRef(secret, lesson._id, o) === read.ref)
    : undefined
  const refused = gate(lesson, course, openid ?? '', now)
  if (refused?.ok === false && refused.error.code === 'CHECKIN.NOT_ENROLLED') {
    return fail('CHECKIN.NOT_ENROLLED', { message: '这位职工没有报名这门课，不能签到' })
  }
  if (refused || !lesson || !course || !openid) return refused ?? fail('CHECKIN.NOT_FOUND')
  const [user, admitted] = await Promise.all([
    deps.users.findById(openid),
    admit(deps, lesson, course, openid, now, { method: 'staff_scan', staffOpenid }),
  ])
  return ok({ ...admitted.result, name: user?.name ?? '（未登记）', employer: user?.employer ?? '' })
}
