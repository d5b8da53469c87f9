/**
 * The rotating class code. A token is `<8 lesson short id><6 window><10 signature>` (24 characters
 * from [A-Za-z0-9_-]), so it fits a wxacode scene. The signature is an HMAC with a per-environment
 * secret that never leaves the server; a screenshot of an old code stops working within 30 seconds.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import { CHECKIN_TOKEN, CHECKIN_WINDOW_SECONDS } from '@core/contracts/checkin'

const WINDOW_MS = CHECKIN_WINDOW_SECONDS * 1000

/** A lesson's name inside tokens: stable, short, and not guessable from the course's id alone. */
export function lessonShortId(lessonId: string): string {
  return createHash('sha256').update(`lesson:${lessonId}`, 'utf8').digest('base64url').slice(0, 8)
}

export function windowAt(ms: number): number {
  return Math.floor(ms / WINDOW_MS)
}

export function windowStart(window: number): Date {
  return new Date(window * WINDOW_MS)
}

function mac(secret: string, message: string, length: number): string {
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64url').slice(0, length)
}

export function signToken(secret: string, shortId: string, window: number): string {
  return `${shortId}${window.toString(36).padStart(6, '0')}${mac(secret, `${shortId}.${window}`, 10)}`
}

/** The lesson and window a token names, or null if it is malformed or not signed by us. */
export function readToken(secret: string, token: string): { shortId: string; window: number } | null {
  if (!CHECKIN_TOKEN.test(token)) return null
  const shortId = token.slice(0, 8)
  const window = parseInt(token.slice(8, 14), 36)
  if (!Number.isSafeInteger(window)) return null
  const expected = Buffer.from(mac(secret, `${shortId}.${window}`, 10))
  const given = Buffer.from(token.slice(14))
  return expected.length === given.length && timingSafeEqual(expected, given) ? { shortId, window } : null
}

/** An opaque handle for a worker on a staff screen, so openids never reach the app. */
export function workerRef(secret: string, lessonId: string, openid: string): string {
  return mac(secret, `ref.${lessonId}.${openid}`, 12)
}
