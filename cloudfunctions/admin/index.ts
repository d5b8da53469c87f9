/** Cloud function `admin`: staff run the programme. Every action refuses workers before doing anything. */
import { z } from 'zod'
import { getDb } from '../../server/cloud'
import { createRepos } from '../../server/repos'
import { createEntry, defineAction, id, text } from '../../server/entry'
import { COURSE_LIMITS, IMPORT_LIMITS, type CourseInput } from '@core/contracts/admin'
import { INDUSTRIES } from '@core/contracts/catalog'
import {
  cancelCourse,
  importProgramme,
  programmeStats,
  roster,
  setCapacity,
  todayLessons,
  upsertCourse,
} from '../../server/admin'
import { createDayRepo } from '../../server/repos/day-repo'
import { createStatsRepo } from '../../server/repos/stats-repo'
import { programmeTargets } from '../../server/platform/settings'

const deps = () => createRepos(getDb())

/*
 * The schemas check types and bound sizes; the use cases check the rules (lengths, ranges, the
 * schedule) so that each refusal names its field with a message staff can act on.
 */
const venue = z
  .object({
    name: text(COURSE_LIMITS.venueName),
    address: text(COURSE_LIMITS.venueAddress),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .strict()
const instant = z.string().datetime({ offset: true })
const course = z
  .object({
    id: id.optional(),
    title: text(COURSE_LIMITS.title),
    category: text(20),
    summary: text(COURSE_LIMITS.summary),
    instructor: text(COURSE_LIMITS.instructor),
    venue,
    capacity: z.number().int(),
    enrollOpensAt: instant,
    enrollClosesAt: instant,
    cancelDeadlineHours: z.number().int().optional(),
    // Any short names pass here; the rules refuse unknown ones (ADMIN.BAD_LEVEL / BAD_INDUSTRY), naming the field.
    level: text(8).optional(),
    industries: z
      .array(text(20))
      .max(INDUSTRIES.length * 2)
      .optional(),
    wishId: id.optional(),
    presence: z.enum(['location', 'none']).optional(),
    checkinRadiusM: z.number().int().optional(),
    lessons: z
      .array(z.object({ startsAt: instant, endsAt: instant, venue: venue.optional() }).strict())
      .max(COURSE_LIMITS.lessons.max * 2),
  })
  .strict()

export const main = createEntry(
  {
    upsertCourse: defineAction({
      schema: z.object({ course }).strict(),
      staffOnly: true,
      run: ({ input, now }) => upsertCourse(deps(), input.course as CourseInput, now),
    }),
    setCapacity: defineAction({
      schema: z.object({ courseId: id, capacity: z.number().int() }).strict(),
      staffOnly: true,
      run: ({ input, now }) => setCapacity(deps(), input, now),
    }),
    cancelCourse: defineAction({
      schema: z.object({ courseId: id, reason: text(COURSE_LIMITS.cancelReason.max) }).strict(),
      staffOnly: true,
      run: ({ input, now }) => cancelCourse(deps(), input, now),
    }),
    roster: defineAction({
      schema: z.object({ courseId: id, cursor: z.string().max(64).optional() }).strict(),
      staffOnly: true,
      run: ({ input }) => roster(deps(), input),
    }),
    programmeStats: defineAction({
      staffOnly: true,
      schema: z.object({}).strict(),
      run: ({ now }) => programmeStats({ stats: createStatsRepo(getDb()), targets: programmeTargets }, now),
    }),
    todayLessons: defineAction({
      staffOnly: true,
      schema: z.object({}).strict(),
      run: ({ now }) => todayLessons({ day: createDayRepo(getDb()) }, now),
    }),
    importProgramme: defineAction({
      // A loose bound in characters; the use case measures UTF-8 bytes and says how to split the file.
      schema: z.object({ csv: z.string().max(IMPORT_LIMITS.bytes * 2), dryRun: z.boolean().optional() }).strict(),
      staffOnly: true,
      run: ({ input, now }) => importProgramme(deps(), input, now),
    }),
  },
  deps,
)
