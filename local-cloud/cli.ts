/**
 * The local cloud's command line (`npm run cloud -- <command>`):
 *   call <function> <action> [--openid <id>] [--data <json>]   invoke a function as a caller
 *   collections                                                collections and document counts
 *   docs <collection> [--where <json>] [--limit <n>]           show documents
 *   outbox                                                     subscription messages "sent"
 *   seed [--empty]                                             reset to the demo programme (or empty)
 *   triggers                                                   timer triggers and their next runs
 *   fire <function>                                            run a function's timer trigger now
 *   start [--empty] [--port <n>]                               serve the gateway (see npm start)
 *   check [--db <file>] [--now <ISO time>]                     list broken invariants; exit 1 if any
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { LocalCloud } from './index'
import { DEFAULT_DB_FILE } from './config'
import { checkInvariants, type CheckReport } from './check'
import { DocStore } from './store'
import { seedDemo } from './seed/demo'
import { fireTrigger, listTriggers, nextRuns } from './timers'
import { serve } from './serve'

function open(): LocalCloud {
  fs.mkdirSync(path.dirname(DEFAULT_DB_FILE), { recursive: true })
  return new LocalCloud({ dbFile: DEFAULT_DB_FILE })
}

const print = (value: unknown) => console.log(JSON.stringify(value, null, 2))

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      openid: { type: 'string' },
      data: { type: 'string' },
      where: { type: 'string' },
      limit: { type: 'string' },
      empty: { type: 'boolean' },
      port: { type: 'string' },
      db: { type: 'string' },
      now: { type: 'string' },
    },
  })
  const [command, ...rest] = positionals
  switch (command) {
    case 'call': {
      const [fn, action] = rest
      if (!fn || !action) throw new Error('usage: call <function> <action> [--openid <id>] [--data <json>]')
      const cloud = open()
      const data = values.data ? (JSON.parse(values.data) as Record<string, unknown>) : {}
      print(await cloud.call(fn, { ...data, action }, { OPENID: values.openid, SOURCE: 'wx_client' }))
      return 0
    }
    case 'collections': {
      const cloud = open()
      for (const name of cloud.store.listCollections()) console.log(`${name.padEnd(16)} ${cloud.store.count(name, {})}`)
      return 0
    }
    case 'docs': {
      const [name] = rest
      if (!name) throw new Error('usage: docs <collection> [--where <json>] [--limit <n>]')
      const cloud = open()
      const where = values.where ? (JSON.parse(values.where) as Record<string, unknown>) : {}
      print(cloud.store.find(name, where, { limit: Number(values.limit ?? 20) }))
      return 0
    }
    case 'outbox':
      print(open().openapi.outbox())
      return 0
    case 'seed': {
      const cloud = open()
      if (values.empty) cloud.store.clear()
      else seedDemo(cloud.store, { activity: true })
      console.log(values.empty ? 'database emptied' : 'demo programme seeded')
      return 0
    }
    case 'triggers': {
      const cloud = open()
      for (const t of listTriggers(cloud)) {
        const runs = nextRuns(t, new Date(), 3).map((d) => d.toISOString())
        console.log(`${t.functionName}/${t.triggerName}  ${t.cron}  next: ${runs.join(', ')}`)
      }
      return 0
    }
    case 'fire': {
      const [fn] = rest
      const cloud = open()
      const trigger = listTriggers(cloud).find((t) => t.functionName === fn)
      if (!trigger) throw new Error(`no timer trigger on function ${fn}`)
      print(await fireTrigger(cloud, trigger))
      return 0
    }
    case 'check':
      return check(values.db ?? DEFAULT_DB_FILE, values.now)
    case 'start':
      await serve({ empty: values.empty, port: values.port ? Number(values.port) : undefined })
      return -1
    default:
      console.log(
        fs
          .readFileSync(__filename, 'utf8')
          .split('*/')[0]
          .replace(/^\/\*\*?\n?/, '')
          .replace(/^ \* ?/gm, ''),
      )
      return command ? 1 : 0
  }
}

function check(file: string, nowText: string | undefined): number {
  if (!fs.existsSync(file)) throw new Error(`no database at ${file}`)
  const now = nowText === undefined ? new Date() : new Date(nowText)
  if (Number.isNaN(now.getTime())) throw new Error(`--now ${nowText} is not a time`)
  const store = new DocStore(file)
  let report: CheckReport
  try {
    report = checkInvariants(store, { now })
  } finally {
    store.close()
  }
  for (const p of report.problems) console.log(`${p.code.padEnd(28)} ${p.detail}`)
  for (const p of report.owed) console.log(`${p.code.padEnd(28)} ${p.detail} (owed, not broken)`)
  const c = report.counts
  const byCode = new Map<string, number>()
  for (const p of report.problems) byCode.set(p.code, (byCode.get(p.code) ?? 0) + 1)
  const codes = [...byCode].map(([code, n]) => `${code} ${n}`).join(', ')
  console.log(
    `${report.problems.length} problems${codes ? ` (${codes})` : ''}, ${report.owed.length} steps owed to the ` +
      `enrollment timer — ${file} at ${now.toISOString()}: ` +
      `${c.courses} courses, ${c.seatsTaken}/${c.capacity} seats taken, ${c.waitlisted} waiting, ` +
      `${c.enrollments} enrollments, ${c.users} users, ${c.lessons} lessons, ${c.attendance} attendance`,
  )
  return report.problems.length > 0 ? 1 : 0
}

run(process.argv.slice(2))
  .then((code) => {
    if (code >= 0) process.exit(code)
  })
  .catch((err) => {
    console.error(`error: ${(err as Error).message}`)
    process.exit(1)
  })
