import { useCallback, useEffect, useRef, useState } from 'react'
import { TEMPLATE_KINDS, type SubscriptionsResult, type TemplateKind } from '@core'
import { mySubscriptions } from '@/services/reminders'
import { useReminderTemplates } from './use-reminder-templates'

export type ReminderCredits = SubscriptionsResult['credits']

/**
 * How many reminders of each configured kind the worker can still receive, and 开启提醒 (one more of
 * each). Nothing is read when no template is configured. A failed first read leaves `credits` null (the
 * card stays hidden); a failed re-read keeps the last counts.
 */
export function useSubscriptions() {
  const reminders = useReminderTemplates()
  const { configured, templates, ask } = reminders
  const [credits, setCredits] = useState<ReminderCredits | null>(null)
  const [asking, setAsking] = useState(false)
  const requestId = useRef(0)

  const refresh = useCallback(async () => {
    const id = ++requestId.current
    const reply = await mySubscriptions()
    if (id === requestId.current && reply.ok) setCredits(reply.data.credits)
    return reply
  }, [])

  useEffect(() => {
    if (configured) void refresh()
  }, [configured, refresh])

  const enable = useCallback(async () => {
    // First, before any await: WeChat shows the dialog only inside the tap.
    const answers = ask()
    setAsking(true)
    try {
      await answers
      await refresh()
    } finally {
      setAsking(false)
    }
  }, [ask, refresh])

  const refreshIfConfigured = useCallback(() => (configured ? refresh() : Promise.resolve(null)), [configured, refresh])

  const kinds: TemplateKind[] = TEMPLATE_KINDS.filter((kind) => templates?.some((t) => t.kind === kind))

  return {
    /** Configured and counted: the card can be shown. */
    visible: configured && credits !== null,
    kinds,
    credits,
    asking,
    refresh: refreshIfConfigured,
    enable,
    ask,
    accepted: reminders.accepted,
  }
}
