import type { AdminResults } from '@core/contracts/admin'
import { fail, ok, type Reply } from '@core/reply'
import { offerDeadline, offerHeldSeat } from '../enrollment'
import { capacityError } from './course-rules'
import { LEDGER_RETRIES, type AdminDeps } from './deps'

export interface SetCapacityInput {
  courseId: string
  capacity: number
}

/**
 * Changes a course's capacity in one conditional ledger update, guarded by the capacity, seats taken
 * and waitlist length it read, so a worker enrolling at the same moment either lands before (and is
 * counted) or after (and sees the new capacity). New seats go straight to the head of the waitlist as
 * offers in that same update — never a moment with a free seat and people waiting — and only then are
 * their records moved to 'offered' and the offers announced.
 */
export async function setCapacity(
  deps: AdminDeps,
  input: SetCapacityInput,
  now: Date,
  field = 'capacity',
): Promise<Reply<AdminResults['setCapacity']>> {
  const { courseId, capacity } = input
  const bad = capacityError(field, capacity)
  if (bad) return fail('ADMIN.BAD_CAPACITY', bad)
  for (let attempt = 0; attempt < LEDGER_RETRIES; attempt++) {
    const course = await deps.courses.findById(courseId)
    if (!course || course.status === 'draft') return fail('CATALOG.NOT_FOUND', { field: 'courseId' })
    if (course.status === 'cancelled') return fail('ADMIN.COURSE_CANCELLED')
    if (capacity < course.seatsTaken) {
      return fail('ADMIN.CAPACITY_BELOW_TAKEN', {
        field,
        message: `已有 ${course.seatsTaken} 人报名或保留名额，名额不能少于 ${course.seatsTaken}`,
      })
    }
    // Once the first lesson has begun an offer could never be taken up; the seats simply stay free.
    const until = offerDeadline(now, course)
    const free = capacity - course.seatsTaken
    const offerTo = until.getTime() > now.getTime() ? course.waitlist.slice(0, free) : []
    if (capacity === course.capacity && offerTo.length === 0) {
      return ok({ capacity, seatsTaken: course.seatsTaken, offered: 0 })
    }
    const seen = { capacity: course.capacity, seatsTaken: course.seatsTaken, waitlistLength: course.waitlistLength }
    if (!(await deps.courses.setCapacity(courseId, capacity, seen, offerTo, now))) continue
    for (const openid of offerTo) await offerHeldSeat(deps, course, openid, until, now)
    return ok({ capacity, seatsTaken: course.seatsTaken + offerTo.length, offered: offerTo.length })
  }
  return fail('ADMIN.BUSY')
}
