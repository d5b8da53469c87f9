import { COLLECTIONS } from '../../server/collections'
import type { CheckinCode } from '@core/contracts/checkin'
import type { ProgrammeStats } from '@core/contracts/admin'
import type { LocalCloud } from '../../local-cloud'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { fixtureWorker as w, seedStorm } from '../helpers/enroll-fixture'

const MIN = 60_000
const STAFF = 'o_staff_stats'

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

it('reports the programme against its targets: courses, seats, workers reached, attendance', async () => {
  cloud.store.clear()
  seedStorm(cloud.store, { courses: 3, capacity: 2, workers: 5, now: PINNED_NOW })
  cloud.store.insert(COLLECTIONS.users, [{ _id: STAFF, role: 'staff', name: '统计员', consent: {} }])
  cloud.store.update(
    COLLECTIONS.courses,
    { _id: 's003' },
    { $set: { category: '无人机' } },
    { multi: false, merge: true, upsert: false },
  )
  pinClock()
  const enroll = (openid: string, courseId: string, joinWaitlist = false) =>
    callAs(cloud, openid, 'enrollment', 'enroll', { courseId, joinWaitlist })
  await enroll(w(1), 's001')
  await enroll(w(2), 's001')
  await enroll(w(3), 's001', true)
  await enroll(w(1), 's002')
  await enroll(w(4), 's003')
  await callAs(cloud, STAFF, 'admin', 'cancelCourse', { courseId: 's002', reason: '场地维修' })

  // Every fixture course has its one lesson at the same time. It is held: of s001's two seats only w1
  // checks in, s003's one seat stays empty; the cancelled s002 expects nobody.
  const lesson = cloud.store.find(COLLECTIONS.lessons, { _id: 's001_l1' })[0] as { startsAt: Date; endsAt: Date }
  jest.setSystemTime(new Date(new Date(lesson.startsAt).getTime() - 5 * MIN))
  const code = await callAs<CheckinCode>(cloud, STAFF, 'checkin', 'issueCheckinCode', { lessonId: 's001_l1' })
  if (!code.ok) throw new Error(code.error.code)
  await callAs(cloud, w(1), 'checkin', 'checkIn', { code: code.data.token })
  jest.setSystemTime(new Date(new Date(lesson.endsAt).getTime() + MIN))

  const reply = await callAs<ProgrammeStats>(cloud, STAFF, 'admin', 'programmeStats')
  if (!reply.ok) throw new Error(reply.error.code)
  expect(reply.data).toMatchObject({
    targets: { courses: 100, workers: 10_000 },
    courses: { published: 2, cancelled: 1, finished: 2 },
    seats: { capacity: 4, taken: 3, waitlisted: 1 },
    workersReached: 3,
    attendance: { checkIns: 1, expected: 3, late: 0 },
    lessons: { held: 3, upcoming: 0 },
  })
  expect(reply.data.byCategory).toEqual([
    { category: '人工智能', courses: 1, capacity: 2, seatsTaken: 2, waitlisted: 1 },
    { category: '无人机', courses: 1, capacity: 2, seatsTaken: 1, waitlisted: 0 },
  ])
  expect(await callAs(cloud, w(1), 'admin', 'programmeStats')).toMatchObject({
    ok: false,
    error: { code: 'AUTH.FORBIDDEN' },
  })
})
