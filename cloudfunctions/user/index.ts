/** Cloud function `user`: sign-up, profile and role. */
import { z } from 'zod'
import { getCloud, getDb } from '../../server/cloud'
import { createEntry, defineAction, text } from '../../server/entry'
import { createUserRepo } from '../../server/repos/user-repo'
import { createPhoneResolver } from '../../server/platform/phone'
import { login } from '../../server/user/login'
import { getProfile } from '../../server/user/get-profile'
import { saveProfile } from '../../server/user/save-profile'
import { deleteProfile } from '../../server/user/delete-profile'
import { createCourseRepo } from '../../server/repos/course-repo'

const deps = () => ({
  users: createUserRepo(getDb()),
  courses: createCourseRepo(getDb()),
  phones: createPhoneResolver(getCloud()),
})

export const main = createEntry(
  {
    login: defineAction({
      schema: z.object({}).strict(),
      run: ({ caller }) => login(deps(), caller.openid),
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
          consentVersion: z.string().max(32),
        })
        .strict(),
      run: ({ caller, input, now }) => saveProfile(deps(), caller.openid, input, now),
    }),
  },
  deps,
)
