/** Cloud function `enrollment`: seats, waitlist and offers; its timer passes on expired offers and settles the ledger. */
import { z } from 'zod'
import { getDb } from '../../server/cloud'
import { createRepos } from '../../server/repos'
import { createEntry, defineAction, id } from '../../server/entry'
import {
  cancelEnrollment,
  confirmOffer,
  declineOffer,
  enroll,
  myEnrollments,
  ackCancelled,
  sweepEnrollments,
  createAdmissionGate,
} from '../../server/enrollment'

const deps = () => createRepos(getDb())
/** Per function instance, like the platform's warm instances: lives as long as this module does. */
const gate = createAdmissionGate(() => performance.now())

const courseRef = z.object({ courseId: id }).strict()

export const main = createEntry(
  {
    enroll: defineAction({
      schema: z.object({ courseId: id, joinWaitlist: z.boolean().optional() }).strict(),
      run: ({ caller, input, now }) => enroll(deps(), caller.openid, input, now, gate),
    }),
    cancel: defineAction({
      schema: courseRef,
      run: ({ caller, input, now }) => cancelEnrollment(deps(), caller.openid, input.courseId, now),
    }),
    confirmOffer: defineAction({
      schema: courseRef,
      run: ({ caller, input, now }) => confirmOffer(deps(), caller.openid, input.courseId, now),
    }),
    declineOffer: defineAction({
      schema: courseRef,
      run: ({ caller, input, now }) => declineOffer(deps(), caller.openid, input.courseId, now),
    }),
    ackCancelled: defineAction({
      schema: courseRef,
      run: ({ caller, input, now }) => ackCancelled(deps(), caller.openid, input.courseId, now),
    }),
    myEnrollments: defineAction({
      schema: z.object({}).strict(),
      run: ({ caller, now }) => myEnrollments(deps(), caller.openid, now),
    }),
  },
  deps,
  { timer: ({ now, budgetMs }) => sweepEnrollments(deps(), now, budgetMs) },
)
