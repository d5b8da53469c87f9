import type { EnrollmentRepo } from '../../repos/enrollment-repo'
import type { LessonRepo } from '../../repos/lesson-repo'
import type { MaterialRepo } from '../../repos/material-repo'
import type { FileStore } from '../../platform/storage'

/** What the lesson-material use cases are given by the function entry. */
export interface MaterialsDeps {
  lessons: LessonRepo
  enrollments: EnrollmentRepo
  materials: MaterialRepo
  files: FileStore
}
