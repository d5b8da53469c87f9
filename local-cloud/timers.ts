/**
 * Timer triggers, read from each function's config.json as WeChat reads them: a 7-field cron
 * (second minute hour day month weekday year) evaluated in UTC+8. Under `npm start` they fire on
 * schedule; tests ask for the next runs or fire a trigger with a pinned clock.
 */
import { Cron } from 'croner'
import type { LocalCloud } from './index'

export interface TimerTrigger {
  functionName: string
  triggerName: string
  cron: string
}

/** croner takes 6 fields; WeChat's 7th (year) must be `*` here, which is all this project uses. */
export function toCroner(cron: string): string {
  const fields = cron.trim().split(/\s+/)
  if (fields.length !== 7) throw new Error(`timer trigger "${cron}": WeChat expects 7 fields (s m h d M w y)`)
  if (fields[6] !== '*') throw new Error(`timer trigger "${cron}": the local cloud supports only * for the year`)
  return fields.slice(0, 6).join(' ')
}

export function listTriggers(cloud: LocalCloud): TimerTrigger[] {
  const out: TimerTrigger[] = []
  for (const name of cloud.functions.names()) {
    const triggers = (cloud.functions.config(name).triggers ?? []).filter((t) => t.type === 'timer')
    if (triggers.length > 1) throw new Error(`cloudfunctions/${name}: WeChat allows one timer trigger per function`)
    for (const t of triggers) out.push({ functionName: name, triggerName: t.name, cron: t.config })
  }
  return out
}

export function nextRuns(trigger: TimerTrigger, after: Date, count: number): Date[] {
  const job = new Cron(toCroner(trigger.cron), { timezone: 'Asia/Shanghai', paused: true })
  const runs = job.nextRuns(count, after)
  job.stop()
  return runs
}

/** Invokes a trigger as WeChat does: no OPENID, SOURCE wx_trigger, the trigger's event. */
export function fireTrigger(cloud: LocalCloud, trigger: TimerTrigger, at = new Date()): Promise<unknown> {
  return cloud.call(
    trigger.functionName,
    { Type: 'Timer', TriggerName: trigger.triggerName, Time: at.toISOString() },
    { SOURCE: 'wx_trigger' },
  )
}

/** Schedules every trigger; returns a stop function. */
export function scheduleTriggers(cloud: LocalCloud, log: (line: string) => void = console.log): () => void {
  const jobs = listTriggers(cloud).map(
    (t) =>
      new Cron(toCroner(t.cron), { timezone: 'Asia/Shanghai', protect: true }, async () => {
        try {
          const reply = await fireTrigger(cloud, t)
          log(`[timer] ${t.functionName}/${t.triggerName}: ${JSON.stringify(reply).slice(0, 200)}`)
        } catch (err) {
          log(`[timer] ${t.functionName}/${t.triggerName} failed: ${(err as Error).message}`)
        }
      }),
  )
  return () => jobs.forEach((j) => j.stop())
}
