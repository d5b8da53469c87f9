/**
 * A worker's standing: the no-shows and the suspension they cause. Three no-shows within 60 days
 * suspend new enrollments for 14 days from the third. Every write is one conditional update on the
 * worker's record — a no-show is added only if that lesson has none yet, removed only if it is there —
 * so overlapping no-show runs and a 补签 racing them neither lose nor double a count. The suspension is
 * always what the recorded no-shows justify: recording moves it later, a 补签 recomputes it.
 */
import { ENROLL_RULES } from '@core/contracts/enrollment'
import type { AttendanceRepo } from '../repos/attendance-repo'
import { attendanceId } from '../repos/keys'
import type { NoShow, UserDoc, UserRepo } from '../repos/user-repo'

const DAY_MS = 86400_000
/** A reset that keeps losing to concurrent no-shows gives up; the next no-show or 补签 recomputes. */
const RETRIES = 5

export interface StandingDeps {
  users: UserRepo
  attendance: Pick<AttendanceRepo, 'findById'>
}

/** The latest suspension the no-shows justify, and the no-show that completed its window. */
export function suspensionFrom(noShows: NoShow[]): { until: Date; by: string | null } {
  const { count, windowDays, suspendDays } = ENROLL_RULES.noShow
  const times = noShows.map((n) => ({ lessonId: n.lessonId, t: new Date(n.at).getTime() })).sort((a, b) => a.t - b.t)
  let best: { until: Date; by: string | null } = { until: new Date(0), by: null }
  times.forEach(({ lessonId, t }, i) => {
    const inWindow = times.slice(0, i + 1).filter((o) => o.t >= t - windowDays * DAY_MS).length
    if (inWindow >= count && t + suspendDays * DAY_MS > best.until.getTime()) {
      best = { until: new Date(t + suspendDays * DAY_MS), by: lessonId }
    }
  })
  return best
}

/** When a deleted profile's standing has nothing left to say: no suspension running, no no-show in the window. */
export function standingLapsed(user: Pick<UserDoc, 'noShows' | 'suspendedUntil'>, now: Date): boolean {
  const windowStart = now.getTime() - ENROLL_RULES.noShow.windowDays * DAY_MS
  return (
    new Date(user.suspendedUntil ?? 0).getTime() <= now.getTime() &&
    (user.noShows ?? []).every((n) => new Date(n.at).getTime() < windowStart)
  )
}

export interface Recorded {
  /** False when the lesson was counted for this worker already (or the 补签 came first). */
  added: boolean
  /** The suspension's end when this no-show suspended the worker. */
  suspendedUntil: Date | null
}

/**
 * Counts the worker absent from a lesson that ended at `at`. The steps after the add run whether or not
 * this call added the no-show, so a run that died between them is finished by the next one.
 */
export async function recordNoShow(
  deps: StandingDeps,
  openid: string,
  lessonId: string,
  at: Date,
  now: Date,
): Promise<Recorded> {
  const added = await deps.users.addNoShow(openid, { lessonId, at }, now)
  // A 补签 that landed after the run read the attendance could not see this no-show: undo it here.
  if (await deps.attendance.findById(attendanceId(lessonId, openid))) {
    await clearNoShow(deps, openid, lessonId, now)
    return { added: false, suspendedUntil: null }
  }
  const user = await deps.users.findById(openid)
  const due = suspensionFrom(user?.noShows ?? [])
  const behind = !!user && due.by !== null && due.until.getTime() > new Date(user.suspendedUntil ?? 0).getTime()
  const extended = behind && (await deps.users.extendSuspension(openid, due.until, due.by!, now))
  return { added, suspendedUntil: extended ? due.until : null }
}

/**
 * Takes back the no-show of a lesson the worker did attend (补签) and brings the suspension down to what
 * the remaining no-shows justify, lifting or shortening one this no-show caused. The suspension is
 * recomputed even when the no-show was already gone, so a 补签 repeated after a crash finishes the lift.
 * False when there was no such no-show.
 */
export async function clearNoShow(
  deps: Pick<StandingDeps, 'users'>,
  openid: string,
  lessonId: string,
  now: Date,
): Promise<boolean> {
  const removed = await deps.users.removeNoShow(openid, lessonId, now)
  for (let attempt = 0; attempt < RETRIES; attempt++) {
    const user = await deps.users.findById(openid)
    if (!user) return removed
    const due = suspensionFrom(user.noShows ?? [])
    if (due.until.getTime() >= new Date(user.suspendedUntil ?? 0).getTime()) return removed
    if (await deps.users.resetSuspension(openid, user, due, now)) return removed
  }
  return removed
}
