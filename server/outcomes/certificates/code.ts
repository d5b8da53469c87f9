import { randomBytes } from 'node:crypto'

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

/**
 * 10 characters of Crockford base32 from 50 random bits: nobody can guess a valid code (about one in
 * 10^15 per try), and a person can read it over the phone. Random rather than derived from the
 * certificate, so a code reveals nothing about whom it belongs to.
 */
export function newCertificateCode(): string {
  const bytes = randomBytes(10)
  let out = ''
  for (const b of bytes) out += ALPHABET[b & 31]
  return out
}
