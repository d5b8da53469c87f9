/** The user feature's public entry: sign-up, profile, deletion, and the purge of lapsed deleted records. */
export { login } from './login'
export { getProfile } from './get-profile'
export { saveProfile } from './save-profile'
export { deleteProfile, type DeleteProfileDeps } from './delete-profile'
export { purgeLapsedProfiles } from './purge-deleted'
