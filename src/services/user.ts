import type { LoginResult, ProfileView, Reply, SaveProfileInput } from '@core'
import { call } from './cloud'

export function login(): Promise<Reply<LoginResult>> {
  return call('user', { action: 'login' })
}

export function getProfile(): Promise<Reply<ProfileView | null>> {
  return call('user', { action: 'getProfile' })
}

export function saveProfile(input: SaveProfileInput): Promise<Reply<ProfileView>> {
  return call('user', { action: 'saveProfile', ...input })
}

/** Sent only after the worker confirmed; the server refuses while they still hold a seat. */
export function deleteProfile(): Promise<Reply<{ deleted: boolean }>> {
  return call('user', { action: 'deleteProfile', confirm: true })
}
