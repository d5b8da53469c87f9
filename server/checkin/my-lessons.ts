import type { MyCheckinLesson, MyCheckinLessonsResult } from '@core/contracts/checkin'
import { ok, type Reply } from '@core/reply'
import { inShanghai } from '@core/time'
import { attendanceId } from '../repos/keys'
import { checkinWindow, lessonRef, type CheckinDeps } from './deps'
import { presenceOf } from './presence'

/**
 * The lessons a worker can check into today (北京时间): a confirmed seat, check-in not closed yet and
 * opening before midnight. For the 签到码 page (which lesson the personal code is for) and for typing
 * digits. A worker holds at most a few seats, so this reads their enrollments, then each course and
 * its lessons, and their recent check-ins.
 */
export async function myCheckinLessons(
  deps: CheckinDeps,
  openid: string,
  now: Date,
): Promise<Reply<MyCheckinLessonsResult>> {
  const [enrollments, attended] = await Promise.all([
    deps.enrollments.listByOpenid(openid, 20),
    deps.attendance.listByOpenid(openid, 20),
  ])
  const done = new Set(attended.map((a) => a._id))
  const dayEnd = inShanghai(now).endOf('day').valueOf()
  const seated = enrollments.filter((e) => e.status === 'enrolled').map((e) => e.courseId)
  const perCourse = await Promise.all(
    seated.map(async (courseId) => {
      const [course, lessons] = await Promise.all([
        deps.courses.findById(courseId),
        deps.lessons.listByCourse(courseId),
      ])
      if (!course || course.status !== 'published' || course.seats?.[openid] !== 'enrolled') return []
      return lessons
        .map((lesson): MyCheckinLesson | null => {
          const { opensAt, closesAt } = checkinWindow(lesson)
          if (closesAt.getTime() < now.getTime() || opensAt.getTime() > dayEnd) return null
          return {
            lesson: lessonRef(lesson, course),
            opensAt: opensAt.toISOString(),
            closesAt: closesAt.toISOString(),
            presence: presenceOf(lesson, course),
            checkedIn: done.has(attendanceId(lesson._id, openid)),
          }
        })
        .filter((l): l is MyCheckinLesson => l !== null)
    }),
  )
  const lessons = perCourse.flat().sort((a, b) => a.lesson.startsAt.localeCompare(b.lesson.startsAt))
  return ok({ lessons })
}
