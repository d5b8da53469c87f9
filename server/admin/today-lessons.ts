import type { TodayLesson, TodayLessonsResult } from '@core/contracts/admin'
import { ok, type Reply } from '@core/reply'
import { inShanghai } from '@core/time'
import type { DayRepo } from '../repos/day-repo'

/**
 * 今日课程 on the staff 工作台: every lesson of a published course that starts on today's Shanghai day,
 * with its confirmed seats and check-ins so far. Two database requests whatever the day holds.
 */
export async function todayLessons(deps: { day: DayRepo }, now: Date): Promise<Reply<TodayLessonsResult>> {
  const start = inShanghai(now).startOf('day')
  const found = await deps.day.lessonsStarting(start.toDate(), start.add(1, 'day').toDate())
  const lessons = found.filter((f) => f.course.status === 'published')
  const checkIns = await deps.day.checkInsByLesson(lessons.map((l) => l.lesson._id))
  const iso = (d: Date | string) => new Date(d).toISOString()
  return ok({
    day: start.format('YYYY-MM-DD'),
    lessons: lessons.map(({ lesson, course }): TodayLesson => ({
      lessonId: lesson._id,
      courseId: course._id,
      courseTitle: course.title,
      index: lesson.index,
      lessonCount: course.lessonCount,
      startsAt: iso(lesson.startsAt),
      endsAt: iso(lesson.endsAt),
      venueName: (lesson.venue ?? course.venue).name,
      capacity: course.capacity,
      enrolled: Object.values(course.seats ?? {}).filter((s) => s === 'enrolled').length,
      checkedIn: checkIns.get(lesson._id) ?? 0,
    })),
  })
}
