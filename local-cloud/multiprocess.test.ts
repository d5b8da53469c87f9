/**
 * Several OS processes on one SQLite file, as the benchmarks run one process per function instance:
 * conditional increments must never overshoot their bound, and transactions must never lose an update.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { LocalCloud } from './index'
import type { RaceSummary } from '../tests/helpers/race-worker'

const WORKER = path.resolve(__dirname, '..', 'tests', 'helpers', 'race-worker.ts')
const RACERS = 3
const ATTEMPTS = 200
// Fewer seats than attempts overall, but more than any two racers could take: every racer must win
// some, and some attempts must be refused.
const CAP = 500

interface Racer {
  ready: Promise<void>
  go(): void
  done: Promise<RaceSummary>
}

function startRacer(dbFile: string): Racer {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, dbFile, String(ATTEMPTS), String(CAP)], {
    cwd: path.resolve(__dirname, '..'),
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  let onReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk
    if (out.startsWith('ready\n')) onReady()
  })
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk))
  const done = new Promise<RaceSummary>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`race worker exited with ${code}:\n${err}`))
      const last = out.trim().split('\n').pop() ?? ''
      resolve(JSON.parse(last) as RaceSummary)
    })
  })
  // A racer that dies before it is ready must fail the test rather than leave it waiting.
  const readyOrDead = Promise.race([ready, done.then(() => Promise.reject(new Error(`worker ended early:\n${err}`)))])
  return { ready: readyOrDead, go: () => child.stdin.end('go\n'), done }
}

describe('several processes on one SQLite file', () => {
  let dir: string
  let lc: LocalCloud

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-race-'))
    lc = new LocalCloud({ dbFile: path.join(dir, 'cloud.db') })
    lc.store.insert('courses', [
      { _id: 'c', taken: 0 },
      { _id: 't', n: 0 },
    ])
  })

  afterAll(() => {
    lc.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('stops conditional increments exactly at the cap and loses no transactional update', async () => {
    const racers = Array.from({ length: RACERS }, () => startRacer(path.join(dir, 'cloud.db')))
    await Promise.all(racers.map((r) => r.ready))
    racers.forEach((r) => r.go())
    const summaries = await Promise.all(racers.map((r) => r.done))

    const [c] = lc.store.find('courses', { _id: 'c' })
    const [t] = lc.store.find('courses', { _id: 't' })
    const sum = (pick: (s: RaceSummary) => number) => summaries.reduce((acc, s) => acc + pick(s), 0)

    expect(c.taken).toBe(CAP)
    expect(sum((s) => s.wins)).toBe(CAP)
    expect(sum((s) => s.refused)).toBe(RACERS * ATTEMPTS - CAP)
    expect(t.n).toBe(sum((s) => s.commits))
    expect(sum((s) => s.gaveUp)).toBe(0)
    // Conflicts prove the racers' transactions really overlapped rather than ran one after another.
    expect(sum((s) => s.conflicts)).toBeGreaterThan(0)
    expect(new Set(summaries.map((s) => s.pid)).size).toBe(RACERS)
    for (const s of summaries) {
      expect(s.wins).toBeGreaterThan(0)
      expect(s.commits).toBe(ATTEMPTS)
    }
  }, 30_000)
})
