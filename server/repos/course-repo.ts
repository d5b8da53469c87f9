import { rows, total, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'

export interface VenueDoc {
  name: string
  address: string
  lat?: number
  lng?: number
}

export type CourseStatus = 'draft' | 'published' | 'cancelled'

export interface CourseDoc {
  _id: string
  title: string
  category: string
  summary: string
  instructor: string
  venue: VenueDoc
  capacity: number
  /** Always count(enrolled) + count(offered); changed only by conditional updates. */
  seatsTaken: number
  waitlistLength: number
  enrollOpensAt: Date
  enrollClosesAt: Date
  cancelDeadlineHours: number
  status: CourseStatus
  /** Kept in step with the lessons so the catalog can sort and show times without reading them. */
  firstLessonAt: Date
  lastLessonAt: Date
  lessonCount: number
  createdAt: Date
  updatedAt: Date
}

export interface LessonDoc {
  _id: string
  courseId: string
  index: number
  startsAt: Date
  endsAt: Date
  /** null: the course's venue. */
  venue: VenueDoc | null
  /** Minutes before the start when check-in opens. */
  checkinOpensBefore: number
  /** Minutes after the start when a check-in counts as late. */
  lateAfter: number
}

export interface CoursePage {
  items: CourseDoc[]
  total: number
}

export interface CourseRepo {
  findById(id: string): Promise<CourseDoc | null>
  /** Published courses not yet over, soonest first. */
  listOpen(filter: { category?: string; now: Date; offset: number; limit: number }): Promise<CoursePage>
}

export interface LessonRepo {
  listByCourse(courseId: string): Promise<LessonDoc[]>
}

export function createCourseRepo(db: Db): CourseRepo {
  const courses = db.collection(COLLECTIONS.courses)
  const _ = db.command
  return {
    async findById(id) {
      const [found] = await rows<CourseDoc>(courses.where({ _id: id }).limit(1))
      return found ?? null
    },
    async listOpen({ category, now, offset, limit }) {
      const where: Record<string, unknown> = { status: 'published', lastLessonAt: _.gte(now) }
      if (category) where.category = category
      const [items, count] = await Promise.all([
        rows<CourseDoc>(
          courses.where(where).orderBy('firstLessonAt', 'asc').orderBy('_id', 'asc').skip(offset).limit(limit),
        ),
        total(courses.where(where)),
      ])
      return { items, total: count }
    },
  }
}

export function createLessonRepo(db: Db): LessonRepo {
  const lessons = db.collection(COLLECTIONS.lessons)
  return {
    async listByCourse(courseId) {
      // A course has at most a few dozen lessons, well inside one page of 100.
      return rows<LessonDoc>(lessons.where({ courseId }).orderBy('index', 'asc').limit(100))
    },
  }
}
