/**
 * Small cloud functions for the local cloud's own tests (faults, time limits, accounting): plain
 * JavaScript on the real wx-server-sdk, written to a temporary functions folder as DevTools would
 * upload them, so each test knows exactly which requests an invocation makes.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * `probe` adds `writes` documents `${tag}_1…` to the jobs collection one after another (noting a failed
 * one and going on), optionally counts them, or moves one in a transaction; it allows 1 s and has a
 * timer. `plain` sets no timeout and reports the limit it was given.
 */
const PROBE = `
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
exports.main = async (event) => {
  const jobs = cloud.database().collection('jobs')
  if (event.Type === 'Timer') {
    for (let i = 1; i <= 10; i++) await jobs.add({ data: { _id: 'timer_' + i } })
    return { ok: true }
  }
  if (event.transaction) {
    await cloud.database().runTransaction(async (t) => {
      const doc = await t.collection('jobs').doc(event.tag).get()
      await t.collection('jobs').doc(event.tag).update({ data: { n: doc.data.n + 1 } })
    })
    return { ok: true }
  }
  const wrote = []
  const failed = []
  for (let i = 1; i <= (event.writes || 0); i++) {
    try {
      await jobs.add({ data: { _id: event.tag + '_' + i, i } })
      wrote.push(i)
    } catch (err) {
      if (err.errCode !== -502001) {
        console.error('probe: write failed', err.message)
        throw err
      }
      failed.push({ i, errCode: err.errCode })
    }
  }
  const total = event.count ? (await jobs.where({ _id: cloud.database().RegExp({ regexp: '^' + event.tag }) }).count()).total : null
  return { wrote, failed, total }
}
`

const PLAIN = `
exports.main = async (event, context) => ({ limit: context.time_limit_in_ms })
`

export function writeProbeFunctions(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'probe-functions-'))
  const put = (name: string, code: string, config: object) => {
    fs.mkdirSync(path.join(dir, name))
    fs.writeFileSync(path.join(dir, name, 'index.js'), code)
    fs.writeFileSync(path.join(dir, name, 'config.json'), JSON.stringify(config))
  }
  put('probe', PROBE, { timeout: 1, triggers: [{ name: 'tick', type: 'timer', config: '0 0 * * * * *' }] })
  put('plain', PLAIN, {})
  return dir
}

export interface ProbeReply {
  wrote: number[]
  failed: { i: number; errCode: number }[]
  total: number | null
}
