import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { ROUTES } from '@/utils/routes'
import { getSessionState, loadSession, subscribeSession, type SessionState } from './session-store'

export interface UseSessionOptions {
  /** In the H5 demo, send a visitor without a dev identity to the login page (default true). */
  redirectIfAnonymous?: boolean
}

export function useSession(options: UseSessionOptions = {}) {
  const { redirectIfAnonymous = true } = options
  const [state, setState] = useState<SessionState>(getSessionState)

  useEffect(() => {
    const unsubscribe = subscribeSession(() => setState(getSessionState()))
    setState(getSessionState())
    return unsubscribe
  }, [])

  // Also runs after resetSession() (profile saved, identity switched), so every mounted page catches up.
  useEffect(() => {
    if (state.status === 'idle') void loadSession()
  }, [state.status])

  useEffect(() => {
    if (state.status === 'anonymous' && redirectIfAnonymous) {
      void Taro.reLaunch({ url: ROUTES.login })
    }
  }, [state.status, redirectIfAnonymous])

  const refresh = useCallback(() => loadSession(true), [])

  return {
    status: state.status,
    session: state.session,
    error: state.error,
    role: state.session?.role ?? null,
    profileComplete: state.session?.profileComplete ?? false,
    isStaff: state.session?.role === 'staff' || state.session?.role === 'admin',
    refresh,
  }
}
