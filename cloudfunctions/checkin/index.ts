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
  checkInDigits,
  countNoShows,
  issueCheckinCode,
  markAttendance,
  myAttendance,
  myCheckinCode,
  myCheckinLessons,
  setCheckinOptions,
  staffCheckIn,
  undoMark,
  finishUndos,
} from '../../server/checkin'
import { purgeLapsedProfiles } from '../../server/user'

/** The phone's position (GCJ-02 degrees, accuracy in metres) as WeChat or the browser report it. */
const position = z
  .object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    accuracy: z.number().min(0).max(100_000),
  })
  .strict()
const workerRefSchema = z.string().regex(/^[A-Za-z0-9_-]{12}$/)

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
      schema: z.object({ code: z.string().min(1).max(512), position: position.optional() }).strict(),
      run: ({ caller, input, now }) => checkIn(deps(), caller.openid, input, now),
    }),
    checkInDigits: defineAction({
      schema: z.object({ lessonId: id, digits: z.string().min(1).max(20), position: position.optional() }).strict(),
      run: ({ caller, input, now }) => checkInDigits(deps(), caller.openid, input, now),
    }),
    myCheckinLessons: defineAction({
      schema: z.object({}).strict(),
      run: ({ caller, now }) => myCheckinLessons(deps(), caller.openid, now),
    }),
    myCheckinCode: defineAction({
      schema: z.object({ lessonId: id }).strict(),
      run: ({ caller, input, now }) => myCheckinCode(deps(), caller.openid, input, now),
    }),
    staffCheckIn: defineAction({
      staffOnly: true,
      schema: z.object({ code: z.string().min(1).max(512), lessonId: id.optional() }).strict(),
      run: ({ caller, input, now }) => staffCheckIn(deps(), caller.openid, input, now),
    }),
    setCheckinOptions: defineAction({
      staffOnly: true,
      schema: z
        .object({
          lessonId: id,
          allowDigits: z.boolean().optional(),
          presence: z.enum(['location', 'none']).optional(),
        })
        .strict(),
      run: ({ input }) => setCheckinOptions(deps(), input),
    }),
    undoMark: defineAction({
      staffOnly: true,
      schema: z.object({ lessonId: id, ref: workerRefSchema }).strict(),
      run: ({ caller, input, now }) => undoMark(deps(), caller.openid, input, now),
    }),
    attendanceLive: defineAction({
      staffOnly: true,
      schema: z.object({ lessonId: id }).strict(),
      run: ({ input }) => attendanceLive(deps(), input.lessonId),
    }),
    markAttendance: defineAction({
      staffOnly: true,
      schema: z.object({ lessonId: id, ref: workerRefSchema, reason: text(50) }).strict(),
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
      // Before the count: a mark whose undo was cut short must not pass for presence.
      const undosFinished = await finishUndos(deps(), now)
      const counted = await countNoShows(deps(), now, budgetMs - (Date.now() - started))
      // Only once the no-shows are in: a deleted profile's standing is judged on all of them.
      if (counted.ok && !counted.data.partial) {
        await purgeLapsedProfiles(deps(), now, budgetMs - (Date.now() - started))
      }
      return counted.ok ? { ...counted, data: { ...counted.data, undosFinished } } : counted
    },
  },
)
