import Taro, { usePullDownRefresh } from '@tarojs/taro'
import type { Reply } from '@core'
import { toast } from '@/utils/feedback'

/**
 * Pull down to re-read what the page shows: the spinner stops once the answer is in, and a failure is said
 * in a toast (what is on screen stays). `refresh` may answer nothing, e.g. while a read is already running.
 */
export function usePullRefresh(refresh: () => Promise<Reply<unknown> | null | undefined | void>): void {
  usePullDownRefresh(async () => {
    const reply = await refresh()
    Taro.stopPullDownRefresh()
    if (reply && !reply.ok) toast(reply.error.message)
  })
}
