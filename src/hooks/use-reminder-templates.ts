import { useCallback, useEffect, useState } from 'react'
import type { SubscribeAnswer, TemplateKind, TemplatesResult } from '@core'
import { askSubscription, templates as readTemplates } from '@/services/reminders'

export type ReminderTemplate = TemplatesResult['templates'][number]
export type SubscribeAnswers = Record<string, SubscribeAnswer>

/**
 * The templates change only with a deployment, so one read per app session is enough. It must be done
 * before the tap: WeChat shows the subscription dialog only when asked synchronously inside the tap
 * handler, with no time left to fetch the ids.
 */
let cached: ReminderTemplate[] | null = null
let inflight: Promise<ReminderTemplate[] | null> | null = null

export function loadReminderTemplates(): Promise<ReminderTemplate[] | null> {
  if (cached) return Promise.resolve(cached)
  inflight ??= readTemplates()
    .then((reply) => {
      // A failed read is not remembered: the next page that mounts tries again.
      if (reply.ok) cached = reply.data.templates
      return cached
    })
    .finally(() => {
      inflight = null
    })
  return inflight
}

/** Forgets the session's templates (tests; a new deployment would need a fresh launch anyway). */
export function forgetReminderTemplates(): void {
  cached = null
  inflight = null
}

const NOTHING_ASKED: SubscribeAnswers = {}

/** The configured reminder templates, read on page load, and the tap-time ask for all of them. */
export function useReminderTemplates() {
  const [templates, setTemplates] = useState<ReminderTemplate[] | null>(cached)

  useEffect(() => {
    if (cached) return
    let alive = true
    void loadReminderTemplates().then((list) => {
      if (alive) setTemplates(list)
    })
    return () => {
      alive = false
    }
  }, [])

  /**
   * Call first thing in a tap handler and await the answers later. Nothing is asked when no template is
   * configured or the ids have not arrived yet: the tap goes ahead without reminders.
   */
  const ask = useCallback((): Promise<SubscribeAnswers> => {
    const ids = (cached ?? []).map((t) => t.id)
    return ids.length > 0 ? askSubscription(ids) : Promise.resolve(NOTHING_ASKED)
  }, [])

  /** Whether the worker allowed this kind of message in these answers. */
  const accepted = useCallback((answers: SubscribeAnswers, kind: TemplateKind): boolean => {
    const template = (cached ?? []).find((t) => t.kind === kind)
    return !!template && answers[template.id] === 'accept'
  }, [])

  return { templates, configured: !!templates && templates.length > 0, ask, accepted }
}
