import type { Db } from '../cloud'
import { createCourseRepo } from './course-repo'
import { createLessonRepo } from './lesson-repo'
import { createEnrollmentRepo } from './enrollment-repo'
import { createNoticeRepo } from './notice-repo'
import { createUserRepo } from './user-repo'
import { createAttendanceRepo } from './attendance-repo'
import { createJobRepo } from './job-repo'
import { createWishRepo } from './wish-repo'
import { createWishVoteRepo } from './wish-vote-repo'

/** Every repository over one database handle: what a function entry hands its use cases. */
export function createRepos(db: Db) {
  return {
    users: createUserRepo(db),
    courses: createCourseRepo(db),
    lessons: createLessonRepo(db),
    enrollments: createEnrollmentRepo(db),
    notices: createNoticeRepo(db),
    attendance: createAttendanceRepo(db),
    jobs: createJobRepo(db),
    wishes: createWishRepo(db),
    wishVotes: createWishVoteRepo(db),
  }
}

export type Repos = ReturnType<typeof createRepos>
