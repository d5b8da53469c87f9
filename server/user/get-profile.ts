import { ok, type Reply } from '@core/reply'
import type { ProfileView } from '@core/contracts/user'
import type { UserRepo } from '../repos/user-repo'
import { toProfileView } from './profile-view'

export async function getProfile(deps: { users: UserRepo }, openid: string): Promise<Reply<ProfileView | null>> {
  const user = await deps.users.findById(openid)
  return ok(user && !user.deletedAt ? toProfileView(user) : null)
}
