import type { AttendanceEntry, CourseCard, CourseDetail, EnrollmentView, LessonRef, ProgrammeStats } from '@core'

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
    level: '入门',
    industries: [],
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
    presence: 'location',
    checkinRadiusM: 300,
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
    mine: null,
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

/** The programme part-way through: 42 of 100 courses, 1,856 of 10,000 workers. */
export function programmeStats(overrides: Partial<ProgrammeStats> = {}): ProgrammeStats {
  return {
    targets: { courses: 100, workers: 10000 },
    courses: { published: 42, started: 30, cancelled: 3, finished: 12 },
    seats: { capacity: 1680, taken: 1428, waitlisted: 57 },
    workersReached: 1856,
    lessons: { held: 96, upcoming: 72 },
    attendance: { checkIns: 3180, expected: 3420, late: 214 },
    byCategory: [
      { category: '人工智能', courses: 18, capacity: 720, seatsTaken: 702, waitlisted: 41 },
      { category: '无人机', courses: 9, capacity: 360, seatsTaken: 288, waitlisted: 16 },
      { category: '新能源汽车', courses: 15, capacity: 600, seatsTaken: 438, waitlisted: 0 },
    ],
    // 2026-11-28 19:05 in Shanghai.
    asOf: '2026-11-28T11:05:00.000Z',
    ...overrides,
  }
}
