/**
 * The admission gate: what a full course told this function instance a moment ago, so that the next
 * taps on it are answered without a database request. In an opening-hour rush nearly every call is a
 * "full"; on the base quota (30 database requests a second for the whole environment) paying even one
 * read each keeps thousands of workers waiting behind "busy" while the few real contenders queue with
 * them. An instance keeps the answer for HOLD_MS of its own running time, then asks the database again.
 *
 * Only "full" is remembered — seats taken (ENROLL.FULL, or a place on the waitlist, which is only given
 * when the seats are gone) and waitlist full (ENROLL.WAITLIST_FULL) — never a place and never a
 * worker's own answer. A seat given back while someone waits goes to the head of the waitlist, not to a
 * newcomer, so "full" stays true until the waitlist is empty; the answer can be late by HOLD_MS only
 * when seats are added or the last waiting worker leaves. A worker who held a place in the course as it
 * was read goes to the database for their own answer ("already enrolled"). Not remembered either: "not open yet" (the
 * rush starts the instant it turns), "closed" and the rest, which a first read refuses for one request.
 */
import { fail, type Reply } from '@core/reply'
import type { CourseDoc } from '../repos/course-repo'

/** How long an instance trusts a "full" it heard, in its own monotonic time. */
export const HOLD_MS = 1000
const MAX_COURSES = 500

interface Heard {
  seatsFullUntil: number
  waitlistFullUntil: number
  /** Who held a place when it was heard: their taps go to the database, for their own answer. */
  holders: Set<string>
}

type Seen = Pick<CourseDoc, '_id'> & Partial<Pick<CourseDoc, 'seats' | 'waitlist'>>

export interface AdmissionGate {
  /** A refusal for this worker's tap, if a recent answer on the course decides it. */
  recall(courseId: string, openid: string, joinWaitlist: boolean): Reply<never> | null
  /** Remembers what an enroll's reply says of the course as it was read; returns the reply. */
  note<T>(course: Seen, reply: Reply<T>): Reply<T>
}

export function createAdmissionGate(clock: () => number, holdMs = HOLD_MS): AdmissionGate {
  const heard = new Map<string, Heard>()
  const remember = (course: Seen, full: { seats: number; waitlist?: number }) => {
    if (heard.size >= MAX_COURSES && !heard.has(course._id)) heard.clear()
    const holders = new Set([...Object.keys(course.seats ?? {}), ...(course.waitlist ?? [])])
    heard.set(course._id, { seatsFullUntil: full.seats, waitlistFullUntil: full.waitlist ?? 0, holders })
  }
  return {
    recall(courseId, openid, joinWaitlist) {
      const h = heard.get(courseId)
      const now = clock()
      if (!h || h.seatsFullUntil <= now || h.holders.has(openid)) return null
      if (!joinWaitlist) return fail('ENROLL.FULL')
      return h.waitlistFullUntil > now ? fail('ENROLL.WAITLIST_FULL') : null
    },
    note(course, reply) {
      const until = clock() + holdMs
      if (reply.ok) {
        if ((reply.data as { status?: string } | undefined)?.status === 'waitlisted') remember(course, { seats: until })
      } else if (reply.error.code === 'ENROLL.FULL') {
        remember(course, { seats: until })
      } else if (reply.error.code === 'ENROLL.WAITLIST_FULL') {
        remember(course, { seats: until, waitlist: until })
      }
      return reply
    },
  }
}
