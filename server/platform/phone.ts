import type { getCloud } from '../cloud'

/** Turns the one-time code from WeChat's getPhoneNumber button into the worker's phone number. */
export interface PhoneResolver {
  resolve(code: string): Promise<string | null>
}

export function createPhoneResolver(cloud: ReturnType<typeof getCloud>): PhoneResolver {
  return {
    async resolve(code) {
      try {
        const res = (await cloud.openapi.phonenumber.getPhoneNumber({ code })) as {
          phoneInfo?: { purePhoneNumber?: string }
        }
        return res.phoneInfo?.purePhoneNumber ?? null
      } catch (err) {
        // 40029 (bad or used code) is the worker's to fix by retrying or typing the number.
        const errCode = (err as { errCode?: number }).errCode
        if (errCode === 40029 || errCode === 40163) return null
        throw err
      }
    },
  }
}
