import { CERTIFICATE_CODE, CERTIFICATE_QR_PREFIX } from '../contracts/outcomes'

/**
 * Whether attendance meets a course's completion rule. Integer arithmetic, so a worker at exactly the
 * threshold qualifies and one a hair below does not (no floating-point 79.99… passing as 80).
 */
export function meetsCompletion(attended: number, lessons: number, percent: number): boolean {
  if (lessons <= 0) return false
  return attended * 100 >= percent * lessons
}

/** "王*" / "王*芳" / "欧阳**": the family name and, from three characters on, the last one. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.length ? '*' : ''
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** "138****1234" */
export function maskPhone(phone: string): string {
  return /^\d{11}$/.test(phone) ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone ? '****' : ''
}

/**
 * A code as a person typed or a scanner read it, in canonical form, or null when it cannot be one.
 * Crockford base32 reads O as 0 and I, L as 1, so a code copied by hand still verifies.
 */
export function normalizeCertificateCode(input: string): string | null {
  const raw = input.trim().toUpperCase().replace(CERTIFICATE_QR_PREFIX, '')
  const code = raw.replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1')
  return CERTIFICATE_CODE.test(code) ? code : null
}

export function formatCertificateCode(code: string): string {
  return code.length === 10 ? `${code.slice(0, 5)}-${code.slice(5)}` : code
}
