/**
 * The codes of check-in, all signed with one per-environment secret that never leaves the server:
 * - the rotating class code `<8 lesson short id><6 window><10 signature>` (24 characters from
 *   [A-Za-z0-9_-]), so it fits a wxacode scene; a screenshot of it stops working within 20 seconds;
 * - the 6-digit typed code of a lesson and minute (HOTP-style dynamic truncation of the HMAC);
 * - a worker's personal code (反扫) `W<8 lesson><6 window><12 worker handle><10 signature>`: the
 *   handle is workerRef, an HMAC of the lesson and the openid, so the openid never appears in it.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import {
  CHECKIN_TOKEN,
  CHECKIN_WINDOW_SECONDS,
  DIGITS_WINDOW_SECONDS,
  WORKER_CODE,
  WORKER_CODE_WINDOW_SECONDS,
} from '@core/contracts/checkin'

export const CLASS_WINDOW_MS = CHECKIN_WINDOW_SECONDS * 1000
const WINDOW_MS = CLASS_WINDOW_MS

/** A lesson's name inside tokens: stable, short, and not guessable from the course's id alone. */
export function lessonShortId(lessonId: string): string {
  return createHash('sha256').update(`lesson:${lessonId}`, 'utf8').digest('base64url').slice(0, 8)
}

export function windowAt(ms: number, windowMs = WINDOW_MS): number {
  return Math.floor(ms / windowMs)
}

export function windowStart(window: number, windowMs = WINDOW_MS): Date {
  return new Date(window * windowMs)
}

/** The current window, or the previous one while `now` is within `graceMs` of the current's start. */
export function acceptedWindow(window: number, nowMs: number, windowMs: number, graceMs: number): boolean {
  const current = windowAt(nowMs, windowMs)
  return window === current || (window === current - 1 && nowMs - windowStart(current, windowMs).getTime() < graceMs)
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

export const DIGITS_WINDOW_MS = DIGITS_WINDOW_SECONDS * 1000
export const WORKER_WINDOW_MS = WORKER_CODE_WINDOW_SECONDS * 1000

/** The lesson's 6-digit code for a minute: RFC 4226 dynamic truncation of an HMAC-SHA256. */
export function digitsFor(secret: string, shortId: string, window: number): string {
  const h = createHmac('sha256', secret).update(`digits.${shortId}.${window}`, 'utf8').digest()
  const offset = h[h.length - 1] & 0x0f
  const bin = ((h[offset] & 0x7f) << 24) | (h[offset + 1] << 16) | (h[offset + 2] << 8) | h[offset + 3]
  return String(bin % 1_000_000).padStart(6, '0')
}

export function sameDigits(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

export function signWorkerCode(secret: string, shortId: string, window: number, ref: string): string {
  const w = window.toString(36).padStart(6, '0')
  return `W${shortId}${w}${ref}${mac(secret, `w.${shortId}.${window}.${ref}`, 10)}`
}

/** The lesson, window and worker handle a personal code names, or null if malformed or forged. */
export function readWorkerCode(secret: string, code: string): { shortId: string; window: number; ref: string } | null {
  if (!WORKER_CODE.test(code)) return null
  const shortId = code.slice(1, 9)
  const window = parseInt(code.slice(9, 15), 36)
  const ref = code.slice(15, 27)
  if (!Number.isSafeInteger(window)) return null
  const expected = Buffer.from(mac(secret, `w.${shortId}.${window}.${ref}`, 10))
  const given = Buffer.from(code.slice(27))
  return expected.length === given.length && timingSafeEqual(expected, given) ? { shortId, window, ref } : null
}
