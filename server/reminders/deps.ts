import type { CourseRepo } from '../repos/course-repo'
import type { LessonRepo } from '../repos/lesson-repo'
import type { EnrollmentRepo } from '../repos/enrollment-repo'
import type { NoticeRepo } from '../repos/notice-repo'
import type { SubscriptionRepo } from '../repos/subscription-repo'
import type { Notifier } from '../platform/notifier'
import type { Template } from './templates'

export interface RemindersDeps {
  courses: CourseRepo
  lessons: LessonRepo
  enrollments: EnrollmentRepo
  notices: NoticeRepo
  subscriptions: SubscriptionRepo
  notifier: Notifier
  templates: () => Template[]
}

export interface RemindersRunResult {
  planned: number
  sent: number
  refused: number
  retrying: number
  failed: number
  skipped: number
  partial: boolean
}

/** Requests in flight at once within one run. */
export const PARALLEL = 8
export const PAGE = 100
