/** Runs storm workers as separate OS processes on one database file and collects their summaries. */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { StormPlan, StormSummary } from './storm-worker'
import { LocalCloud } from '../../local-cloud'
import { seedStorm } from './enroll-fixture'

const WORKER = path.join(__dirname, 'storm-worker.ts')

function waitForLine(child: ChildProcess, match: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = ''
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      const lines = buffer.split('\n')
      buffer = lines.pop() ?? ''
      const hit = lines.find(match)
      if (hit !== undefined) {
        child.stdout?.off('data', onData)
        resolve(hit)
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code) => reject(new Error(`storm worker exited with ${code} before answering`)))
  })
}

/**
 * Starts one process per plan, waits until every one is ready, releases them together, and returns
 * their summaries once all have exited. `during` runs while they work (e.g. an invariant sampler).
 * `worker` runs another checkout's storm-worker.ts (a baseline's local cloud, side by side); `quiet`
 * drops the functions' error logs (a quota rush logs one per refused request).
 */
export async function runStorm(
  plans: StormPlan[],
  during?: (finished: () => boolean) => Promise<void>,
  { worker = WORKER, quiet = false }: { worker?: string; quiet?: boolean } = {},
): Promise<StormSummary[]> {
  let finished = false
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storm-'))
  const children = plans.map((plan, i) => {
    const file = path.join(dir, `plan-${i}.json`)
    fs.writeFileSync(file, JSON.stringify(plan))
    // STORM_CPU_PROF=<dir>: each worker writes a CPU profile there (node --cpu-prof).
    const prof = process.env.STORM_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.STORM_CPU_PROF}`] : []
    const child = spawn(process.execPath, [...prof, '--import', 'tsx', worker, file], {
      stdio: ['pipe', 'pipe', quiet ? 'ignore' : 'inherit'],
      cwd: path.resolve(path.dirname(worker), '..', '..'),
    })
    return child
  })
  await Promise.all(children.map((c) => waitForLine(c, (l) => l === 'ready')))
  // Functions log one JSON line per call on stdout too; the summary is the line that starts with its pid.
  const results = children.map((c) => waitForLine(c, (l) => l.startsWith('{"pid"')))
  const exits = children.map(
    (c) =>
      new Promise<void>((resolve, reject) =>
        c.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`exit ${code}`)))),
      ),
  )
  for (const c of children) c.stdin?.write('go\n')
  const sampling = during ? during(() => finished) : Promise.resolve()
  const summaries = (await Promise.all(results)).map((l) => JSON.parse(l) as StormSummary)
  await Promise.all(exits)
  finished = true
  await sampling
  fs.rmSync(dir, { recursive: true, force: true })
  return summaries
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

/** A fresh SQLite file in a temporary folder, seeded with storm courses and workers, for a storm's processes to share. */
export function seedStormFile(
  tag: string,
  options: Omit<Parameters<typeof seedStorm>[1], 'now'>,
): { dbFile: string; courseIds: string[]; openids: string[] } {
  const dbFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `${tag}-`)), 'cloud.sqlite')
  const setup = new LocalCloud({ dbFile })
  const seeded = seedStorm(setup.store, { ...options, now: new Date() })
  setup.close()
  return { dbFile, ...seeded }
}
