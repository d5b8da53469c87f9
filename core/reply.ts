import { ERROR_MESSAGES, type ErrorCode } from './errors'

/** Every cloud-function action answers with this shape; refusals are values, never thrown. */
export interface AppError {
  code: ErrorCode
  message: string
  /** Which request field was wrong, when the refusal is about input. */
  field?: string
}

export type Reply<T> = { ok: true; data: T } | { ok: false; error: AppError }

export function ok<T>(data: T): Reply<T> {
  return { ok: true, data }
}

export function fail<T = never>(code: ErrorCode, extra?: { message?: string; field?: string }): Reply<T> {
  const error: AppError = { code, message: extra?.message ?? ERROR_MESSAGES[code] }
  if (extra?.field) error.field = extra.field
  return { ok: false, error }
}
