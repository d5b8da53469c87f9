/**
 * `npm run bench:report` — a finished programme: 100 courses, 10,000 workers, 30,000 check-ins and
 * 8,000 ratings on the local cloud (1–20 ms simulated latency per request). Times the staff progress
 * views (admin.programmeStats, and outcomes.programmeOutcomes both as the timer computes it and as the
 * page reads it), one course's workbook and the whole programme's, and the course wishes' lists (500
 * wishes) and a vote, with database requests and sizes. Targets: the progress views under 1 s and
 * 20 requests; the programme workbook under 10 s.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { LocalCloud } from '../local-cloud'
import { COLLECTIONS } from '../server/collections'
import { buildFunctions } from '../scripts/build-functions'
import { seedFinishedCourse, seedWorkers } from '../tests/helpers/outcomes-fixture'
import { seedWishes, WISHES } from './report-wishes'

const COURSES = 100
const WORKERS = 10_000
const LESSONS = 3
const SEATS = 100
const STAFF = 'o_bench_staff'
const DAY = 86400_000

function seed(cloud: LocalCloud, now: Date): void {
  const openids = Array.from({ length: WORKERS }, (_, i) => `o_bench_${String(i + 1).padStart(5, '0')}`)
  seedWorkers(cloud.store, openids, now, (i) => `单位${String(i % 120).padStart(3, '0')}`)
  cloud.store.insert(COLLECTIONS.users, [{ _id: STAFF, role: 'staff', name: '基准', consent: {} }])
  const ratings: object[] = []
  for (let c = 0; c < COURSES; c++) {
    const courseId = `b${String(c + 1).padStart(3, '0')}`
    const seated = openids.slice(c * SEATS, (c + 1) * SEATS)
    // Every seated worker comes to all three lessons: 100 × 100 × 3 = 30,000 check-ins.
    seedFinishedCourse(cloud.store, {
      courseId,
      title: `基准课程 ${c + 1}`,
      category: ['人工智能', '智能制造', '数字技能', '新能源'][c % 4],
      lessons: LESSONS,
      lastEndsAt: new Date(now.getTime() - (1 + (c % 60)) * DAY),
      attendance: Object.fromEntries(seated.map((o, i) => [o, i % 10 === 0 ? [1, -2, 3] : [1, 2, 3]])),
    })
    seated.slice(0, 80).forEach((openid, i) =>
      ratings.push({
        _id: `${courseId}_${openid}`,
        courseId,
        openid,
        instructor: '李老师',
        category: '人工智能',
        rating: 1 + ((i + c) % 5),
        comment: i % 4 === 0 ? '很实用' : '',
        createdAt: now,
        updatedAt: now,
        editableUntil: new Date(now.getTime() + 7 * DAY),
      }),
    )
  }
  cloud.store.insert(COLLECTIONS.evaluations, ratings)
  // A settled programme: every worker above qualifies (3 of 3 lessons). Written straight to the store,
  // in the function's shape: settling is the timer's work, not what this measures.
  const users = new Map(
    openids.map((o, i) => [
      o,
      { name: `测试职工${String(i + 1).padStart(3, '0')}`, employer: `单位${String(i % 120).padStart(3, '0')}` },
    ]),
  )
  const certificates = openids.slice(0, COURSES * SEATS).map((openid, i) => {
    const courseId = `b${String(Math.floor(i / SEATS) + 1).padStart(3, '0')}`
    return {
      _id: `${courseId}_${openid}`,
      code: randomBytes(8).toString('hex').toUpperCase().slice(0, 10),
      openid,
      holderName: users.get(openid)?.name,
      employer: users.get(openid)?.employer,
      courseId,
      status: 'valid',
      issuedAt: now,
    }
  })
  cloud.store.insert(COLLECTIONS.certificates, certificates)
  seedWishes(cloud, openids, now)
}

async function measure(cloud: LocalCloud, label: string, action: () => Promise<unknown>) {
  cloud.requestCounts.clear()
  const started = performance.now()
  const reply = (await action()) as { ok: boolean; data?: { bytes?: number }; error?: { code: string } }
  const ms = performance.now() - started
  if (!reply.ok) throw new Error(`${label}: ${reply.error?.code}`)
  const size = reply.data?.bytes ? `, ${(reply.data.bytes / 1024).toFixed(0)} KB` : ''
  console.log(`${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms, ${cloud.totalRequests()} database requests${size}`)
}

async function main() {
  await buildFunctions()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'))
  const cloud = new LocalCloud({ dbFile: path.join(dir, 'cloud.sqlite'), latencyMs: [1, 20] })
  const now = new Date()
  const seeding = performance.now()
  seed(cloud, now)
  console.log(
    `seeded ${COURSES} courses, ${WORKERS} workers, ${cloud.store.count(COLLECTIONS.attendance, {})} check-ins, ` +
      `${cloud.store.count(COLLECTIONS.evaluations, {})} ratings, ${cloud.store.count(COLLECTIONS.certificates, {})} ` +
      `certificates, ${WISHES} course wishes with ${cloud.store.count(COLLECTIONS.wishVotes, {})} votes in ` +
      `${((performance.now() - seeding) / 1000).toFixed(1)} s`,
  )
  const as =
    (fn: string, action: string, data: object = {}) =>
    () =>
      cloud.call(fn, { action, ...data }, { OPENID: STAFF })
  await measure(cloud, 'progress: admin.programmeStats', as('admin', 'programmeStats'))
  await measure(cloud, 'outcomes figures, computed (timer)', as('outcomes', 'programmeOutcomes', { refresh: true }))
  await measure(cloud, 'progress: outcomes.programmeOutcomes', as('outcomes', 'programmeOutcomes'))
  await measure(cloud, 'course workbook (100 workers)', as('outcomes', 'courseWorkbook', { courseId: 'b001' }))
  await measure(cloud, 'programme workbook', as('outcomes', 'programmeWorkbook'))
  const worker =
    (action: string, data: object = {}) =>
    () =>
      cloud.call('outcomes', { action, ...data }, { OPENID: 'o_bench_00042' })
  await measure(cloud, 'wishes: listWishes (worker, page 1)', worker('listWishes'))
  await measure(cloud, 'wishes: listWishes (worker, page 5)', worker('listWishes', { cursor: '80' }))
  await measure(cloud, 'wishes: staffWishes (industries)', as('outcomes', 'staffWishes'))
  await measure(cloud, 'wishes: staffWishes by 制造业 voters', as('outcomes', 'staffWishes', { industry: '制造业' }))
  await measure(cloud, 'wishes: voteWish', worker('voteWish', { wishId: 'wb0300' }))
  cloud.close()
  fs.rmSync(dir, { recursive: true, force: true })
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
