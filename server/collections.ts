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
  /** One-time subscription credits, per worker and template. */
  subscriptions: 'subscriptions',
  /** The one outbox: everything a worker is sent (lesson reminders, seat offers, course notices). */
  notices: 'notices',
  /** Timer jobs' progress (e.g. how far the enrollment sweep has looked). */
  jobs: 'jobs',
  /** Completion certificates (outcomes). */
  certificates: 'certificates',
  /** One per course whose completion has been settled (outcomes). */
  settlements: 'settlements',
  /** Course ratings, one per worker per course (outcomes). */
  evaluations: 'evaluations',
  /** Audit of staff workbook exports (outcomes). */
  exports: 'exports',
  /** Programme figures computed ahead for the staff pages (outcomes). */
  snapshots: 'snapshots',
  /** Course topics workers ask for (职工点课, outcomes). */
  wishes: 'wishes',
  /** One per worker per wish: `${wishId}_${openid}` (outcomes). */
  wishVotes: 'wishVotes',
  /** Files and links staff attach to lessons (outcomes); the files themselves are in cloud storage. */
  materials: 'materials',
} as const

export type CollectionName = (typeof COLLECTIONS)[keyof typeof COLLECTIONS]
