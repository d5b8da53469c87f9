/** Cloud function `catalog`: the programme as workers browse it. */
import { z } from 'zod'
import { getDb } from '../../server/cloud'
import { CATALOG_PAGE_SIZE } from '@core/contracts/catalog'
import { createEntry, defineAction, id, text } from '../../server/entry'
import { createCourseRepo } from '../../server/repos/course-repo'
import { createLessonRepo } from '../../server/repos/lesson-repo'
import { createUserRepo } from '../../server/repos/user-repo'
import { getCourse } from '../../server/catalog/get-course'
import { listCourses } from '../../server/catalog/list-courses'

const deps = () => {
  const db = getDb()
  return { users: createUserRepo(db), courses: createCourseRepo(db), lessons: createLessonRepo(db) }
}

export const main = createEntry(
  {
    listCourses: defineAction({
      schema: z
        .object({
          // Length is checked by the use case, after trimming, so it can answer with its own code.
          search: z.string().max(200).optional(),
          openOnly: z.boolean().optional(),
          category: text(20).optional(),
          // Any short name passes here; the use case refuses an unknown one with its own code.
          level: text(8).optional(),
          forIndustry: text(20).optional(),
          page: z.number().int().min(1).max(1000).optional(),
          pageSize: z.number().int().min(1).max(CATALOG_PAGE_SIZE.max).optional(),
        })
        .strict(),
      run: ({ caller, input, now }) => listCourses(deps(), input, caller.openid, now),
    }),
    getCourse: defineAction({
      schema: z.object({ courseId: id }).strict(),
      run: ({ caller, input, now }) => getCourse(deps(), input.courseId, caller.openid, now),
    }),
  },
  deps,
)
