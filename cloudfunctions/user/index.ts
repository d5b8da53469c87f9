/** Cloud function `user`: sign-up, profile and role. */
import { z } from 'zod'
import { getCloud, getDb } from '../../server/cloud'
import { createEntry, defineAction, text } from '../../server/entry'
import { createRepos } from '../../server/repos'
import { createSubscriptionRepo } from '../../server/repos/subscription-repo'
import { createCertificateRepo } from '../../server/repos/certificate-repo'
import { createEvaluationRepo } from '../../server/repos/evaluation-repo'
import { createPhoneResolver } from '../../server/platform/phone'
import { deleteProfile, getProfile, login, saveProfile } from '../../server/user'

const deps = () => ({
  ...createRepos(getDb()),
  subscriptions: createSubscriptionRepo(getDb()),
  certificates: createCertificateRepo(getDb()),
  evaluations: createEvaluationRepo(getDb()),
  phones: createPhoneResolver(getCloud()),
})

export const main = createEntry(
  {
    login: defineAction({
      schema: z.object({}).strict(),
      run: ({ caller, now }) => login(deps(), caller.openid, now),
    }),
    getProfile: defineAction({
      schema: z.object({}).strict(),
      run: ({ caller }) => getProfile(deps(), caller.openid),
    }),
    deleteProfile: defineAction({
      schema: z.object({ confirm: z.literal(true) }).strict(),
      run: ({ caller, now }) => deleteProfile(deps(), caller.openid, now),
    }),
    saveProfile: defineAction({
      schema: z
        .object({
          name: text(20),
          phone: text(11).optional(),
          phoneCode: z.string().max(128).optional(),
          employer: text(40),
          memberNo: text(30).optional(),
          industry: text(20).optional(),
          consentVersion: z.string().max(32),
        })
        .strict(),
      run: ({ caller, input, now }) => saveProfile(deps(), caller.openid, input, now),
    }),
  },
  deps,
)
