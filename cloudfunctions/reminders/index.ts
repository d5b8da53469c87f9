/** Cloud function `reminders`: subscription credits, and the timer that sends lesson reminders and notices. */
import { z } from 'zod'
import { getCloud, getDb } from '../../server/cloud'
import { createEntry, defineAction } from '../../server/entry'
import { createRepos } from '../../server/repos'
import { createSubscriptionRepo } from '../../server/repos/subscription-repo'
import { createNotifier } from '../../server/platform/notifier'
import { configuredTemplates, mySubscriptions, runReminders, subscribe, templates } from '../../server/reminders'

const deps = () => {
  const db = getDb()
  return {
    ...createRepos(db),
    subscriptions: createSubscriptionRepo(db),
    notifier: createNotifier(getCloud()),
    templates: () => configuredTemplates(),
  }
}

export const main = createEntry(
  {
    templates: defineAction({
      schema: z.object({}).strict(),
      run: async () => templates(deps()),
    }),
    subscribe: defineAction({
      // wx.requestSubscribeMessage asks for at most 3 templates at once (newer clients 5).
      schema: z
        .object({
          answers: z
            .record(z.string().max(64), z.enum(['accept', 'reject', 'ban', 'filter']))
            .refine((a) => Object.keys(a).length <= 5, { message: 'too many templates' }),
        })
        .strict(),
      run: ({ caller, input, now }) => subscribe(deps(), caller.openid, input.answers, now),
    }),
    mySubscriptions: defineAction({
      schema: z.object({}).strict(),
      run: ({ caller }) => mySubscriptions(deps(), caller.openid),
    }),
  },
  deps,
  { timer: ({ now, budgetMs }) => runReminders(deps(), now, budgetMs) },
)
