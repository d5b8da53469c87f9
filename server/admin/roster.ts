import { ROSTER_PAGE_SIZE, type RosterEntry, type RosterResult } from '@core/contracts/admin'
import type { EnrollmentStatus } from '@core/contracts/enrollment'
import { fail, ok, type Reply } from '@core/reply'
import { enrollmentId } from '../repos/keys'
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

  const seats = Object.entries(course.seats ?? {})
  const order: { openid: string; status: EnrollmentStatus; waitlistPosition: number | null }[] = [
    ...seats.filter(([, s]) => s === 'enrolled').map(([openid]) => ({ openid, status: 'enrolled' as const })),
    ...seats.filter(([, s]) => s === 'offered').map(([openid]) => ({ openid, status: 'offered' as const })),
  ].map((e) => ({ ...e, waitlistPosition: null }))
  ;(course.waitlist ?? []).forEach((openid, i) => order.push({ openid, status: 'waitlisted', waitlistPosition: i + 1 }))

  const page = order.slice(offset, offset + ROSTER_PAGE_SIZE)
  const openids = page.map((e) => e.openid)
  const [users, records] = await Promise.all([
    deps.users.findByIds(openids),
    deps.enrollments.findByIds(openids.map((o) => enrollmentId(course._id, o))),
  ])
  const userOf = new Map(users.map((u) => [u._id, u]))
  const recordOf = new Map(records.map((r) => [r.openid, r]))
  const entries: RosterEntry[] = page.map(({ openid, status, waitlistPosition }) => {
    const user = userOf.get(openid)
    const record = recordOf.get(openid)
    return {
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
    entries,
    nextCursor: next < order.length ? encodeCursor(next) : null,
  })
}
