import type { AppError, LoginResult } from '@core'
import { getDevOpenId, isH5 } from '@/services/dev-identity'
import { login } from '@/services/user'

/**
 * One login per app launch, shared by every page: tabs and detail pages all ask "who is this?", and a
 * cloud call per page would make each tap slower. `anonymous` only happens in the H5 demo before a dev
 * identity is chosen.
 */
export type SessionState =
  | { status: 'idle' | 'loading' | 'anonymous'; session: null; error: null }
  | { status: 'ready'; session: LoginResult; error: null }
  | { status: 'error'; session: LoginResult | null; error: AppError }

let state: SessionState = { status: 'idle', session: null, error: null }
const listeners = new Set<() => void>()
let inflight: Promise<void> | null = null

function setState(next: SessionState): void {
  state = next
  listeners.forEach((listener) => listener())
}

export function getSessionState(): SessionState {
  return state
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function loadSession(force = false): Promise<void> {
  if (inflight) return inflight
  if (!force && state.status === 'ready') return Promise.resolve()
  if (isH5() && !getDevOpenId()) {
    setState({ status: 'anonymous', session: null, error: null })
    return Promise.resolve()
  }
  // Keep showing the last known session while a refresh runs, so headers do not flicker.
  if (state.status !== 'ready') setState({ status: 'loading', session: null, error: null })
  inflight = login()
    .then((reply) => {
      if (reply.ok) setState({ status: 'ready', session: reply.data, error: null })
      else setState({ status: 'error', session: state.session, error: reply.error })
    })
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** Called after the profile is saved or the dev identity changes. */
export function resetSession(): void {
  setState({ status: 'idle', session: null, error: null })
}
