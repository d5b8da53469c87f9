import type { CourseRepo } from '../../repos/course-repo'
import type { NoticeRepo } from '../../repos/notice-repo'
import type { UserRepo } from '../../repos/user-repo'
import type { WishRepo } from '../../repos/wish-repo'
import type { WishVoteRepo } from '../../repos/wish-vote-repo'

/** What the wish use cases are given by the function entry. */
export interface WishDeps {
  users: UserRepo
  courses: CourseRepo
  wishes: WishRepo
  wishVotes: WishVoteRepo
  notices: NoticeRepo
}
