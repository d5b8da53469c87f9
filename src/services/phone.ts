import Taro from '@tarojs/taro'

/**
 * Opens the phone's dialer with the number (WeChat asks the user to confirm the call). In the H5 build a
 * tel: link does the same where the browser can; a desktop browser may ignore it.
 */
export async function callPhone(phoneNumber: string): Promise<boolean> {
  try {
    await Taro.makePhoneCall({ phoneNumber })
    return true
  } catch {
    // Closing the system's call sheet rejects too: nothing to report.
    return false
  }
}
