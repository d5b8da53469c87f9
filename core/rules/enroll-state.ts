/**
 * What a catalog card says about taking a seat, derived from the course and the clock alone, so the
 * app and the functions always agree.
 */
export type EnrollState = 'open' | 'full' | 'not_open' | 'closed' | 'cancelled'

export interface EnrollStateInput {
  status: 'published' | 'cancelled' | 'draft'
  capacity: number
  seatsTaken: number
  enrollOpensAt: string | Date
  enrollClosesAt: string | Date
}

export function enrollState(course: EnrollStateInput, now: Date): EnrollState {
  if (course.status !== 'published') return 'cancelled'
  const t = now.getTime()
  if (t < new Date(course.enrollOpensAt).getTime()) return 'not_open'
  if (t >= new Date(course.enrollClosesAt).getTime()) return 'closed'
  return seatsLeft(course) > 0 ? 'open' : 'full'
}

export function seatsLeft(course: { capacity: number; seatsTaken: number }): number {
  return Math.max(0, course.capacity - course.seatsTaken)
}

/** Short label for a card: 报名中 / 仅剩 N 席 / 已满·可候补 / 未开放 / 已截止. */
export function enrollStateLabel(state: EnrollState, left: number): string {
  switch (state) {
    case 'open':
      return left <= 5 ? `仅剩 ${left} 席` : '报名中'
    case 'full':
      return '已满·可候补'
    case 'not_open':
      return '未开放'
    case 'closed':
      return '已截止'
    case 'cancelled':
      return '已取消'
  }
}
