import type { Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { CourseDoc } from './course-doc'
import type { LessonDoc } from './lesson-repo'

/** A lesson starting in the window, with the fields of its course the 今日课程 list shows. */
export interface LessonOfDay {
  lesson: Pick<LessonDoc, '_id' | 'courseId' | 'index' | 'startsAt' | 'endsAt' | 'venue'>
  course: Pick<CourseDoc, '_id' | 'title' | 'status' | 'capacity' | 'seats' | 'lessonCount' | 'venue'>
}

/** What the staff 工作台 reads about one day: two aggregations, however many lessons the day has. */
export interface DayRepo {
  /** Lessons starting in [from, to), earliest first, each joined with its course (a $lookup). */
  lessonsStarting(from: Date, to: Date): Promise<LessonOfDay[]>
  /** Check-ins per lesson id; lessons nobody checked into are absent. */
  checkInsByLesson(lessonIds: string[]): Promise<Map<string, number>>
}

/** More lessons than a day of the programme holds; the cloud returns only 20 aggregation rows unless told. */
const MAX_LESSONS = 200

export function createDayRepo(db: Db): DayRepo {
  const _ = db.command
  const $ = _.aggregate
  return {
    async lessonsStarting(from, to) {
      const { list } = (await db
        .collection(COLLECTIONS.lessons)
        .aggregate()
        .match({ startsAt: _.gte(from).and(_.lt(to)) })
        .sort({ startsAt: 1 })
        .limit(MAX_LESSONS)
        .lookup({ from: COLLECTIONS.courses, localField: 'courseId', foreignField: '_id', as: 'course' })
        .unwind('$course')
        .project({
          courseId: 1,
          index: 1,
          startsAt: 1,
          endsAt: 1,
          venue: 1,
          'course._id': 1,
          'course.title': 1,
          'course.status': 1,
          'course.capacity': 1,
          'course.seats': 1,
          'course.lessonCount': 1,
          'course.venue': 1,
        })
        .end()) as { list: (LessonOfDay['lesson'] & { course: LessonOfDay['course'] })[] }
      return list.map(({ course, ...lesson }) => ({ lesson, course }))
    },
    async checkInsByLesson(lessonIds) {
      const out = new Map<string, number>()
      if (lessonIds.length === 0) return out
      const { list } = (await db
        .collection(COLLECTIONS.attendance)
        .aggregate()
        .match({ lessonId: _.in(lessonIds) })
        .group({ _id: '$lessonId', n: $.sum(1) })
        .limit(MAX_LESSONS)
        .end()) as { list: { _id: string; n: number }[] }
      for (const row of list) out.set(row._id, row.n)
      return out
    },
  }
}
