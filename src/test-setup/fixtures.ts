import type { AttendanceEntry, CourseCard, CourseDetail, EnrollmentView, LessonRef } from '@/core'

/** A course as the catalog function returns it; override what a test is about. */
export function courseCard(overrides: Partial<CourseCard> = {}): CourseCard {
  return {
    id: 'course-1',
    title: 'AI 办公助手实战',
    category: '人工智能',
    instructor: '王建国',
    venue: { name: '市职工服务中心', address: '建设路 88 号' },
    capacity: 40,
    seatsTaken: 10,
    seatsLeft: 30,
    waitlistLength: 0,
    lessonCount: 4,
    // 2026-11-28 19:00 in Shanghai, a Saturday.
    firstLessonAt: '2026-11-28T11:00:00.000Z',
    lastLessonAt: '2026-12-19T11:00:00.000Z',
    enrollOpensAt: '2026-11-01T01:00:00.000Z',
    enrollClosesAt: '2026-11-27T15:00:00.000Z',
    enrollState: 'open',
    ...overrides,
  }
}

export function courseDetail(overrides: Partial<CourseDetail> = {}): CourseDetail {
  const card = courseCard(overrides)
  return {
    ...card,
    summary: '零基础可学。',
    cancelReason: null,
    cancelDeadlineHours: 24,
    lessons: [
      {
        id: 'l1',
        index: 1,
        startsAt: card.firstLessonAt,
        endsAt: '2026-11-28T13:00:00.000Z',
        checkinOpensAt: '2026-11-28T10:30:00.000Z',
        venue: card.venue,
      },
    ],
    ...overrides,
  }
}

/** One of the worker's enrollments as myEnrollments returns it; override what a test is about. */
export function enrollmentView(
  overrides: Partial<EnrollmentView> = {},
  course: Partial<CourseCard> = {},
): EnrollmentView {
  const card = courseCard(course)
  return {
    courseId: card.id,
    status: 'enrolled',
    waitlistPosition: null,
    offerExpiresAt: null,
    // 24 hours before the first lesson.
    cancelDeadline: '2026-11-27T11:00:00.000Z',
    canCancel: true,
    updatedAt: '2026-11-20T02:00:00.000Z',
    course: card,
    lessons: [
      {
        id: 'l1',
        index: 1,
        startsAt: card.firstLessonAt,
        endsAt: '2026-11-28T13:00:00.000Z',
        checkinOpensAt: '2026-11-28T10:30:00.000Z',
        venue: card.venue,
      },
      {
        id: 'l2',
        index: 2,
        startsAt: '2026-12-05T11:00:00.000Z',
        endsAt: '2026-12-05T13:00:00.000Z',
        checkinOpensAt: '2026-12-05T10:30:00.000Z',
        venue: card.venue,
      },
    ],
    ...overrides,
  }
}

/** The lesson a check-in code or result names. */
export function lessonRef(overrides: Partial<LessonRef> = {}): LessonRef {
  return {
    lessonId: 'l1',
    courseId: 'course-1',
    courseTitle: 'AI 办公助手实战',
    index: 1,
    lessonCount: 4,
    // 2026-11-28 19:00–21:00 in Shanghai.
    startsAt: '2026-11-28T11:00:00.000Z',
    endsAt: '2026-11-28T13:00:00.000Z',
    venueName: '市职工服务中心',
    ...overrides,
  }
}

/** A worker on the live attendance list. */
export function attendanceEntry(overrides: Partial<AttendanceEntry> = {}): AttendanceEntry {
  return {
    ref: 'r-1',
    name: '张伟',
    employer: '市建工集团',
    phoneTail: '8000',
    status: 'absent',
    at: null,
    method: null,
    ...overrides,
  }
}
