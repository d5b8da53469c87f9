import type { CourseRepo } from '../repos/course-repo'
import type { LessonRepo } from '../repos/lesson-repo'
import type { EnrollmentRepo } from '../repos/enrollment-repo'
import type { NoticeRepo } from '../repos/notice-repo'
import type { ReminderRepo } from '../repos/reminder-repo'
import type { SubscriptionRepo } from '../repos/subscription-repo'
import type { Notifier } from '../platform/notifier'
import type { Template } from './templates'

export interface RemindersDeps {
  courses: CourseRepo
  lessons: LessonRepo
  enrollments: EnrollmentRepo
  notices: NoticeRepo
  reminders: ReminderRepo
  subscriptions: SubscriptionRepo
  notifier: Notifier
  templates: () => Template[]
}
