/**
 * The cloud database collections this project uses. In WeChat they are created once in the cloud
 * console (README); the local cloud creates them on start. Permissions: 仅管理端可读写 — every write goes
 * through a cloud function.
 */
export const COLLECTIONS = {
  users: 'users',
  courses: 'courses',
  lessons: 'lessons',
  enrollments: 'enrollments',
  attendance: 'attendance',
  subscriptions: 'subscriptions',
  reminders: 'reminders',
  notices: 'notices',
  /** Timer jobs' progress (e.g. how far the enrollment sweep has looked). */
  jobs: 'jobs',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]
