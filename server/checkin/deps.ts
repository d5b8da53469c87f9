import type { AttendanceRepo } from '../repos/attendance-repo'
import type { CourseDoc, CourseRepo } from '../repos/course-repo'
import type { LessonDoc, LessonRepo } from '../repos/lesson-repo'
import type { EnrollmentRepo } from '../repos/enrollment-repo'
import type { UserRepo } from '../repos/user-repo'
import type { CodeImages } from '../platform/wxacode'
import type { LessonRef } from '@core/contracts/checkin'

export interface CheckinDeps {
  users: UserRepo
  courses: CourseRepo
  lessons: LessonRepo
  enrollments: EnrollmentRepo
  attendance: AttendanceRepo
  images: CodeImages
  /** Reads the signing secret when needed, so a missing one fails the call that needs it, not every call. */
  secret: () => string
}

export function lessonRef(lesson: LessonDoc, course: CourseDoc): LessonRef {
  return {
    lessonId: lesson._id,
    courseId: course._id,
    courseTitle: course.title,
    index: lesson.index,
    lessonCount: course.lessonCount,
    startsAt: new Date(lesson.startsAt).toISOString(),
    endsAt: new Date(lesson.endsAt).toISOString(),
    venueName: (lesson.venue ?? course.venue).name,
  }
}

/** Check-in opens `checkinOpensBefore` minutes before the start and closes when the lesson ends. */
export function checkinWindow(lesson: LessonDoc): { opensAt: Date; closesAt: Date } {
  return {
    opensAt: new Date(new Date(lesson.startsAt).getTime() - lesson.checkinOpensBefore * 60_000),
    closesAt: new Date(lesson.endsAt),
  }
}

/** Openids holding a confirmed seat in the course. */
export async function enrolledOpenids(deps: Pick<CheckinDeps, 'enrollments'>, courseId: string): Promise<string[]> {
  return (await deps.enrollments.listAllByCourse(courseId)).filter((e) => e.status === 'enrolled').map((e) => e.openid)
}
