/**
 * Secrets come from the function's environment variables (set in the cloud console), never from code.
 * A missing secret is a deployment mistake: fail loudly rather than sign codes with something guessable.
 */
export function checkinSecret(): string {
  const secret = process.env.CHECKIN_SECRET ?? ''
  if (secret.length < 16) {
    throw new Error('CHECKIN_SECRET is not set (or shorter than 16 characters) on the checkin function')
  }
  return secret
}
