/** DTO mappers for courses and lessons, shared by the catalog and enrollment features: documents never leave the server raw. */
import { PRESENCE_RULES } from '@core/rules/presence'
import {
  DEFAULT_LEVEL,
  isIndustry,
  isLevel,
  type CourseCard,
  type CourseDetail,
  type LessonView,
  type OwnPlaceView,
  type VenueView,
} from '@core/contracts/catalog'
import { enrollState, seatsLeft } from '@core/rules/enroll-state'
import type { CourseDoc, VenueDoc } from './repos/course-repo'
import type { LessonDoc } from './repos/lesson-repo'

const iso = (d: Date | string) => new Date(d).toISOString()

/**
 * A venue's four fields and nothing more (a stored document or an admin's request may carry extra keys);
 * a map point only when both coordinates are numbers. Admin writes documents with it too: one shape both ways.
 */
export function venueView(v: VenueDoc): VenueView {
  const out: VenueView = { name: v.name, address: v.address }
  if (typeof v.lat === 'number' && typeof v.lng === 'number') {
    out.lat = v.lat
    out.lng = v.lng
  }
  return out
}

export function toCourseCard(c: CourseDoc, now: Date): CourseCard {
  return {
    id: c._id,
    title: c.title,
    category: c.category,
    instructor: c.instructor,
    venue: venueView(c.venue),
    capacity: c.capacity,
    seatsTaken: c.seatsTaken,
    seatsLeft: seatsLeft(c),
    waitlistLength: c.waitlistLength,
    lessonCount: c.lessonCount,
    firstLessonAt: iso(c.firstLessonAt),
    lastLessonAt: iso(c.lastLessonAt),
    enrollOpensAt: iso(c.enrollOpensAt),
    enrollClosesAt: iso(c.enrollClosesAt),
    enrollState: enrollState(c, now),
    // Courses written before levels and industries existed: 入门, for every industry.
    level: isLevel(c.level) ? c.level : DEFAULT_LEVEL,
    industries: (c.industries ?? []).filter(isIndustry),
  }
}

export function toLessonView(l: LessonDoc, course: CourseDoc): LessonView {
  return {
    id: l._id,
    index: l.index,
    startsAt: iso(l.startsAt),
    endsAt: iso(l.endsAt),
    checkinOpensAt: iso(new Date(new Date(l.startsAt).getTime() - l.checkinOpensBefore * 60_000)),
    venue: venueView(l.venue ?? course.venue),
  }
}

export function toCourseDetail(
  c: CourseDoc,
  lessons: LessonDoc[],
  now: Date,
  mine: OwnPlaceView | null = null,
): CourseDetail {
  return {
    ...toCourseCard(c, now),
    summary: c.summary,
    cancelReason: c.status === 'cancelled' ? (c.cancelReason ?? null) : null,
    cancelDeadlineHours: c.cancelDeadlineHours,
    seatsOffered: Object.values(c.seats ?? {}).filter((s) => s === 'offered').length,
    presence: c.presence ?? 'location',
    checkinRadiusM: c.checkinRadiusM ?? PRESENCE_RULES.defaultRadiusM,
    lessons: lessons.map((l) => toLessonView(l, c)),
    mine,
  }
}
