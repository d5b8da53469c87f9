/** Cloud function `checkin`: the rotating class code, scanning it, attendance; its timer counts no-shows. */
import { z } from 'zod'
import { getCloud, getDb } from '../../server/cloud'
import { createRepos } from '../../server/repos'
import { createEntry, defineAction, id, text } from '../../server/entry'
import { createCodeImages } from '../../server/platform/wxacode'
import { checkinSecret } from '../../server/platform/secrets'
import {
  attendanceLive,
  checkIn,
  countNoShows,
  issueCheckinCode,
  markAttendance,
  myAttendance,
} from '../../server/checkin'
import { purgeLapsedProfiles } from '../../server/user'

const deps = () => ({ ...createRepos(getDb()), images: createCodeImages(getCloud()), secret: checkinSecret })

export const main = createEntry(
  {
    issueCheckinCode: defineAction({
      staffOnly: true,
      schema: z.object({ lessonId: id, withImage: z.boolean().optional() }).strict(),
      run: ({ input, now }) => issueCheckinCode(deps(), input, now),
    }),
    checkIn: defineAction({
      // A scanner may hand over a whole path or URL; the use case finds the token in it.
      schema: z.object({ code: z.string().min(1).max(512) }).strict(),
      run: ({ caller, input, now }) => checkIn(deps(), caller.openid, input.code, now),
    }),
    attendanceLive: defineAction({
      staffOnly: true,
      schema: z.object({ lessonId: id }).strict(),
      run: ({ input }) => attendanceLive(deps(), input.lessonId),
    }),
    markAttendance: defineAction({
      staffOnly: true,
      schema: z.object({ lessonId: id, ref: z.string().regex(/^[A-Za-z0-9_-]{12}$/), reason: text(50) }).strict(),
      run: ({ caller, input, now }) => markAttendance(deps(), caller.openid, input, now),
    }),
    myAttendance: defineAction({
      schema: z.object({}).strict(),
      run: ({ caller }) => myAttendance(deps(), caller.openid),
    }),
  },
  deps,
  {
    timer: async ({ now, budgetMs }) => {
      const started = Date.now()
      const counted = await countNoShows(deps(), now, budgetMs)
      // Only once the no-shows are in: a deleted profile's standing is judged on all of them.
      if (counted.ok && !counted.data.partial) {
        await purgeLapsedProfiles(deps(), now, budgetMs - (Date.now() - started))
      }
      return counted
    },
  },
)
