import type { AppError, Reply } from '@core'
import type { Question } from './enrollment-copy'
import { confirm, toast } from './feedback'

/** How a screen answers a refusal; `retry` sends the same request again. */
export type ExplainRefusal = (refusal: AppError, retry: () => Promise<void>) => Promise<void>

/**
 * Cancel, leave the waitlist or decline an offer: ask first, send, then toast the result or explain the
 * refusal. Used by the course page and 我的, so a worker gets the same dialog wherever they tap.
 * `send` answers null when another action is still running; then nothing is said.
 */
export async function changeSeat(
  question: Question,
  send: () => Promise<Reply<unknown> | null>,
  explain: ExplainRefusal,
): Promise<void> {
  if (!(await confirm(question.title, question.content, question.ok, '再想想'))) return
  const run = async (): Promise<void> => {
    const reply = await send()
    if (!reply) return
    if (reply.ok) toast(question.done, 'success')
    else await explain(reply.error, run)
  }
  await run()
}
