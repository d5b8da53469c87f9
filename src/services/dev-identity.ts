/**
 * The H5 demo has no WeChat identity, so the dev login page picks a demo account and the local cloud trusts
 * the `X-OpenID` header. Stored raw (not via Taro.setStorageSync, which wraps values in JSON) so browser
 * tests can seed it with `localStorage.setItem('xz.devOpenId', openid)`.
 */
export const DEV_OPENID_KEY = 'xz.devOpenId'

export function isH5(): boolean {
  return process.env.TARO_ENV === 'h5'
}

export function getDevOpenId(): string | null {
  if (!isH5() || typeof localStorage === 'undefined') return null
  return localStorage.getItem(DEV_OPENID_KEY)
}

export function setDevOpenId(openid: string): void {
  if (typeof localStorage !== 'undefined') localStorage.setItem(DEV_OPENID_KEY, openid)
}

export function clearDevOpenId(): void {
  if (typeof localStorage !== 'undefined') localStorage.removeItem(DEV_OPENID_KEY)
}
