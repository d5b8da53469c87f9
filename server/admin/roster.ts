import { ROSTER_PAGE_SIZE, type RosterEntry, type RosterResult } from '@core/contracts/admin'
import type { EnrollmentStatus } from '@core/contracts/enrollment'
import { fail, ok, type Reply } from '@core/reply'
import { enrollmentId } from '../repos/keys'
import type { CourseDoc } from '../repos/course-repo'
import type { EnrollmentDoc } from '../repos/enrollment-repo'
import type { AdminDeps } from './deps'

export interface RosterInput {
  courseId: string
  cursor?: string
}

/** Opaque to the app, so the paging scheme can change without a new app release. */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url')
}

export function decodeCursor(cursor: string): number | null {
  try {
    const { o } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown }
    return typeof o === 'number' && Number.isInteger(o) && o >= 0 && o <= 100_000 ? o : null
  } catch {
    return null
  }
}

interface Place {
  openid: string
  status: EnrollmentStatus
  waitlistPosition: number | null
  formerStatus?: EnrollmentStatus | null
}

function fromLedger(course: CourseDoc): Place[] {
  const seats = Object.entries(course.seats ?? {})
  const order: Place[] = [
    ...seats.filter(([, s]) => s === 'enrolled').map(([openid]) => ({ openid, status: 'enrolled' as const })),
    ...seats.filter(([, s]) => s === 'offered').map(([openid]) => ({ openid, status: 'offered' as const })),
  ].map((e) => ({ ...e, waitlistPosition: null }))
  ;(course.waitlist ?? []).forEach((openid, i) => order.push({ openid, status: 'waitlisted', waitlistPosition: i + 1 }))
  return order
}

const FORMER_ORDER: EnrollmentStatus[] = ['enrolled', 'offered', 'waitlisted']

/**
 * A cancelled course's ledger is empty (nobody can take a seat any more), so its roster comes from the
 * records the cancellation ended: each keeps what the worker held (formerStatus). Workers who had left
 * before are not on it. Seat holders first, then offers, then the waitlist, each in the order they joined.
 */
async function heldWhenCancelled(deps: AdminDeps, courseId: string): Promise<Place[]> {
  const records = (await deps.enrollments.listAllByCourse(courseId)).filter(
    (r) => r.status === 'cancelled' && r.formerStatus && FORMER_ORDER.includes(r.formerStatus),
  )
  const rank = (r: EnrollmentDoc) => FORMER_ORDER.indexOf(r.formerStatus!)
  records.sort((a, b) => rank(a) - rank(b) || new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
  return records.map((r) => ({
    openid: r.openid,
    status: 'cancelled',
    waitlistPosition: null,
    formerStatus: r.formerStatus,
  }))
}

/**
 * Who holds a seat, an offer or a waitlist place, read from the ledger (the truth about seats): seat
 * holders first in the order they took their seats, then the waitlist in its order. Each page fetches
 * only its own workers' profiles and records. A page boundary can shift by a place if the ledger changes
 * between calls; a roster is a snapshot, and the next refresh is exact.
 */
export async function roster(deps: AdminDeps, input: RosterInput): Promise<Reply<RosterResult>> {
  const offset = input.cursor === undefined ? 0 : decodeCursor(input.cursor)
  if (offset === null) return fail('COMMON.BAD_REQUEST', { field: 'cursor' })
  const course = await deps.courses.findById(input.courseId)
  if (!course || course.status === 'draft') return fail('CATALOG.NOT_FOUND', { field: 'courseId' })
  const cancelled = course.status === 'cancelled'
  const order = cancelled ? await heldWhenCancelled(deps, course._id) : fromLedger(course)

  const page = order.slice(offset, offset + ROSTER_PAGE_SIZE)
  const openids = page.map((e) => e.openid)
  const [users, records] = await Promise.all([
    deps.users.findByIds(openids),
    deps.enrollments.findByIds(openids.map((o) => enrollmentId(course._id, o))),
  ])
  const userOf = new Map(users.map((u) => [u._id, u]))
  const recordOf = new Map(records.map((r) => [r.openid, r]))
  const entries: RosterEntry[] = page.map(({ openid, status, waitlistPosition, formerStatus }) => {
    const user = userOf.get(openid)
    const record = recordOf.get(openid)
    return {
      ...(cancelled ? { formerStatus } : {}),
      name: user?.name ?? '（未登记）',
      phone: user?.phone ?? '',
      employer: user?.employer ?? '',
      memberNo: user?.memberNo ?? null,
      status,
      waitlistPosition,
      offerExpiresAt:
        status === 'offered' && record?.offerExpiresAt ? new Date(record.offerExpiresAt).toISOString() : null,
      updatedAt: new Date(record?.updatedAt ?? course.updatedAt).toISOString(),
    }
  })
  const next = offset + ROSTER_PAGE_SIZE
  return ok({
    courseId: course._id,
    title: course.title,
    capacity: course.capacity,
    seatsTaken: course.seatsTaken,
    waitlistLength: course.waitlistLength,
    cancelled,
    entries,
    nextCursor: next < order.length ? encodeCursor(next) : null,
  })
}
