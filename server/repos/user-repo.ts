import { rows, updatedCount, type Db } from '../cloud'
import { COLLECTIONS } from '../collections'
import type { UserRole } from '../../src/core/contracts/user'

/** A worker or staff member, keyed by openid so a person can only ever have one record. */
export interface UserDoc {
  _id: string
  name: string
  phone: string
  employer: string
  memberNo: string | null
  role: UserRole
  consent: { version: string; at: Date }
  noShowCount: number
  createdAt: Date
  updatedAt: Date
}

export type ProfileFields = Pick<UserDoc, 'name' | 'phone' | 'employer' | 'memberNo' | 'consent'>

export interface UserRepo {
  findById(openid: string): Promise<UserDoc | null>
  /** Creates the record as a worker, or updates the profile fields only: a role is never self-assigned. */
  saveProfile(openid: string, fields: ProfileFields, now: Date): Promise<UserDoc>
}

export function createUserRepo(db: Db): UserRepo {
  const users = db.collection(COLLECTIONS.users)
  const findById = async (openid: string): Promise<UserDoc | null> => {
    const [found] = await rows<UserDoc>(users.where({ _id: openid }).limit(1))
    return found ?? null
  }
  return {
    findById,
    async saveProfile(openid, fields, now) {
      const updated = await updatedCount(users.where({ _id: openid }).update({ data: { ...fields, updatedAt: now } }))
      if (updated === 0) {
        const existing = await findById(openid)
        if (!existing) {
          const doc: UserDoc = {
            _id: openid,
            ...fields,
            role: 'worker',
            noShowCount: 0,
            createdAt: now,
            updatedAt: now,
          }
          try {
            await users.add({ data: doc })
          } catch (err) {
            // A second tap raced us to create the record; fall through and update it instead.
            if (!(await findById(openid))) throw err
            await users.where({ _id: openid }).update({ data: { ...fields, updatedAt: now } })
          }
        }
      }
      const saved = await findById(openid)
      if (!saved) throw new Error('user vanished after save')
      return saved
    },
  }
}
