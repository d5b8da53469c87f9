import type { LoginResult, UserRole } from '@core'
import { resetSession } from '@/hooks/session-store'

/**
 * Puts a signed-in person of `role` behind the staff pages. Pass the jest.fn standing in for
 * `@/services/user`'s login; the session store is reset so each test starts fresh.
 */
export function signInAs(login: jest.Mock, role: UserRole = 'staff', name = '王芳'): void {
  // The dev identity key, seeded the way browser tests do (see src/services/dev-identity.ts).
  localStorage.setItem('xz.devOpenId', role === 'worker' ? 'o_worker_demo' : 'o_staff_demo')
  const result: LoginResult = { role, profileComplete: true, consentOutdated: false, name, industry: null }
  login.mockResolvedValue({ ok: true, data: result })
  resetSession()
}
