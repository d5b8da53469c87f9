/**
 * The seat ledger's conditional updates: every change to seats, waitlist and their counts is one
 * update whose condition makes it exact however many function instances write at once.
 */
import { updatedCount, type Db } from '../cloud'
import type { CourseRepo } from './course-port'

type Coll = ReturnType<Db['collection']>

/** One worker's place: take, queue, leave, give back (handing on), confirm. */
function seatMethods(
  courses: Coll,
  _: Db['command'],
): Pick<CourseRepo, 'takeSeat' | 'joinWaitlist' | 'leaveWaitlist' | 'releaseSeat' | 'confirmSeat'> {
  const openNow = (now: Date) => ({ status: 'published', enrollOpensAt: _.lte(now), enrollClosesAt: _.gt(now) })
  const change = (where: Record<string, unknown>, data: Record<string, unknown>) =>
    updatedCount(courses.where(where).update({ data })).then((n) => n === 1)
  return {
    takeSeat(courseId, openid, now) {
      return change(
        { _id: courseId, ...openNow(now), seatsLeft: _.gt(0), [`seats.${openid}`]: _.exists(false) },
        {
          [`seats.${openid}`]: 'enrolled',
          [`takenAt.${openid}`]: now,
          seatsTaken: _.inc(1),
          seatsLeft: _.inc(-1),
          updatedAt: now,
        },
      )
    },
    joinWaitlist(courseId, openid, limit, now) {
      return change(
        {
          _id: courseId,
          ...openNow(now),
          seatsLeft: 0,
          waitlistLength: _.lt(limit),
          waitlist: _.neq(openid),
          [`seats.${openid}`]: _.exists(false),
        },
        { waitlist: _.push(openid), [`takenAt.${openid}`]: now, waitlistLength: _.inc(1), updatedAt: now },
      )
    },
    leaveWaitlist(courseId, openid, now) {
      return change(
        { _id: courseId, waitlist: openid },
        { waitlist: _.pull(openid), [`takenAt.${openid}`]: _.remove(), waitlistLength: _.inc(-1), updatedAt: now },
      )
    },
    releaseSeat(courseId, openid, state, to, now) {
      if (to === null) {
        return change(
          { _id: courseId, [`seats.${openid}`]: state, 'waitlist.0': _.exists(false) },
          {
            [`seats.${openid}`]: _.remove(),
            [`takenAt.${openid}`]: _.remove(),
            seatsTaken: _.inc(-1),
            seatsLeft: _.inc(1),
            updatedAt: now,
          },
        )
      }
      return change(
        { _id: courseId, [`seats.${openid}`]: state, 'waitlist.0': to },
        {
          [`seats.${openid}`]: _.remove(),
          [`takenAt.${openid}`]: _.remove(),
          [`seats.${to}`]: 'offered',
          waitlist: _.shift(),
          waitlistLength: _.inc(-1),
          updatedAt: now,
        },
      )
    },
    confirmSeat(courseId, openid, now) {
      return change(
        { _id: courseId, [`seats.${openid}`]: 'offered' },
        { [`seats.${openid}`]: 'enrolled', updatedAt: now },
      )
    },
  }
}

/** Changes to the whole ledger: capacity, cancellation, erased holders. */
function courseWideMethods(
  courses: Coll,
  _: Db['command'],
): Pick<CourseRepo, 'setCapacity' | 'markCancelled' | 'forgetHolder' | 'forgetWaiter'> {
  const change = (where: Record<string, unknown>, data: Record<string, unknown>) =>
    updatedCount(courses.where(where).update({ data })).then((n) => n === 1)
  return {
    setCapacity(id, capacity, seen, offerTo, now) {
      const where: Record<string, unknown> = { _id: id, status: 'published', ...seen }
      offerTo.forEach((openid, i) => (where[`waitlist.${i}`] = openid))
      const seatsTaken = seen.seatsTaken + offerTo.length
      const data: Record<string, unknown> = { capacity, seatsTaken, seatsLeft: capacity - seatsTaken, updatedAt: now }
      if (offerTo.length > 0) {
        for (const openid of offerTo) data[`seats.${openid}`] = 'offered'
        data.waitlist = _.pullAll(offerTo)
        data.waitlistLength = seen.waitlistLength - offerTo.length
      }
      return change(where, data)
    },
    markCancelled(id, capacity, reason, now) {
      return change(
        { _id: id, status: 'published', capacity },
        {
          status: 'cancelled',
          seats: _.set({}),
          takenAt: _.set({}),
          seatsTaken: 0,
          seatsLeft: capacity,
          waitlist: _.set([]),
          waitlistLength: 0,
          cancelReason: reason,
          cancelledAt: now,
          updatedAt: now,
        },
      )
    },
    async forgetHolder(id, openid, state, alias, now) {
      const where = { _id: id, lastLessonAt: _.lte(now), [`seats.${openid}`]: state }
      const data = { [`seats.${openid}`]: _.remove(), [`takenAt.${openid}`]: _.remove(), [`seats.${alias}`]: state }
      return (await updatedCount(courses.where(where).update({ data }))) === 1
    },
    async forgetWaiter(id, openid, now) {
      const data = { waitlist: _.pull(openid), [`takenAt.${openid}`]: _.remove(), waitlistLength: _.inc(-1) }
      return (
        (await updatedCount(
          courses.where({ _id: id, lastLessonAt: _.lte(now), waitlist: openid }).update({ data }),
        )) === 1
      )
    },
  }
}

export function ledgerMethods(courses: Coll, _: Db['command']) {
  return { ...seatMethods(courses, _), ...courseWideMethods(courses, _) }
}
