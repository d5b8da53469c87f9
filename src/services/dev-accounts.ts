import type { Reply, UserRole } from '@core'

export interface DevAccount {
  openid: string
  name: string
  role: UserRole
  employer: string
}

const UNAVAILABLE: Reply<never> = {
  ok: false,
  error: { code: 'COMMON.INTERNAL', message: '本地体验服务未启动，请先运行 npm start' },
}

/** Demo identities served by the local cloud; only the H5 demo has them. */
export async function listDevAccounts(): Promise<Reply<{ accounts: DevAccount[] }>> {
  if (process.env.TARO_ENV !== 'h5') return { ok: true, data: { accounts: [] } }
  try {
    const res = await fetch('/dev/accounts')
    const body = (await res.json()) as Reply<{ accounts: DevAccount[] }>
    return body && typeof body.ok === 'boolean' ? body : UNAVAILABLE
  } catch {
    return UNAVAILABLE
  }
}
