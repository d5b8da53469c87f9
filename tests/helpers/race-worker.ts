/**
 * One racer for local-cloud/multiprocess.test.ts: its own OS process, its own LocalCloud on a SQLite
 * file shared with the other racers, the real wx-server-sdk on top.
 *
 * Usage: node --import tsx race-worker.ts <dbFile> <attempts> <cap>
 * Prints `ready` once loaded and starts racing when a line arrives on stdin, so every racer starts at
 * the same moment however long each took to boot. Ends by printing one JSON summary line.
 */
import { LocalCloud } from '../../local-cloud'

export interface RaceSummary {
  pid: number
  /** Conditional increments of `c` that took effect (stats.updated === 1). */
  wins: number
  /** Conditional increments refused because `c` was already at the cap. */
  refused: number
  /** Transactions on `t` that committed. */
  commits: number
  /** Transaction attempts on `t` that ended in a conflict and were retried. */
  conflicts: number
  /** Increments of `t` given up after too many conflicts. */
  gaveUp: number
}

const MAX_TRIES = 200

function isConflict(err: unknown): boolean {
  const e = err as { errMsg?: string; message?: string; code?: string }
  return (
    e?.code === 'DATABASE_TRANSACTION_CONFLICT' ||
    `${e?.errMsg ?? ''} ${e?.message ?? ''}`.includes('TransactionConflict')
  )
}

async function main(): Promise<void> {
  const [dbFile, attemptsArg, capArg] = process.argv.slice(2)
  const attempts = Number(attemptsArg)
  const cap = Number(capArg)
  const lc = new LocalCloud({ dbFile })
  const cloud = lc.sdk()
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
  const db = cloud.database()
  const _ = db.command
  const courses = db.collection('courses')

  process.stdout.write('ready\n')
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()))
  process.stdin.destroy()

  const summary: RaceSummary = { pid: process.pid, wins: 0, refused: 0, commits: 0, conflicts: 0, gaveUp: 0 }
  for (let i = 0; i < attempts; i++) {
    // The seat-taking pattern: condition and increment in one request, success read from stats.updated.
    const res = (await courses.where({ _id: 'c', taken: _.lt(cap) }).update({ data: { taken: _.inc(1) } })) as {
      stats: { updated: number }
    }
    if (res.stats.updated === 1) summary.wins++
    else summary.refused++

    // Read-modify-write (no _.inc) so that a lost update would show in the final count.
    let done = false
    for (let tries = 0; tries < MAX_TRIES && !done; tries++) {
      const t = await db.startTransaction()
      try {
        const { data } = await t.collection('courses').doc('t').get()
        await t
          .collection('courses')
          .doc('t')
          .update({ data: { n: data.n + 1 } })
        await t.commit()
        summary.commits++
        done = true
      } catch (err) {
        if (!isConflict(err)) throw err
        summary.conflicts++
        await t.rollback().catch(() => undefined)
      }
    }
    if (!done) summary.gaveUp++
  }
  lc.close()
  process.stdout.write(`${JSON.stringify(summary)}\n`)
}

main().catch((err) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`)
  process.exit(1)
})
