import { COLLECTIONS } from '../../server/collections'
import type { LocalCloud } from '../../local-cloud'
import type {
  CertificateVerification,
  CertificateView,
  CourseCompletion,
  FinishedCoursesPage,
  SettleResult,
} from '@core/contracts/outcomes'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { seedFinishedCourse, seedWorkers } from '../helpers/outcomes-fixture'

const STAFF = 'o_staff_outcomes'
const [A, B, C, D] = ['o_cert_a', 'o_cert_b', 'o_cert_c', 'o_cert_d']
const HOUR = 3600_000

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

/**
 * Five lessons, the last ended an hour before the pinned clock: A came to all five, B to four with
 * one late (exactly 80 %), C to three (60 %), D never came.
 */
function seedCourse(courseId = 'c_cert') {
  cloud.store.clear()
  seedWorkers(cloud.store, [A, B, C, D], PINNED_NOW)
  cloud.store.insert(COLLECTIONS.users, [{ _id: STAFF, role: 'staff', name: '王芳', consent: {} }])
  return seedFinishedCourse(cloud.store, {
    courseId,
    title: '工业机器人操作与维护',
    lessons: 5,
    lastEndsAt: new Date(PINNED_NOW.getTime() - HOUR),
    attendance: { [A]: [1, 2, 3, 4, 5], [B]: [1, -2, 3, 5], [C]: [1, 2, 3], [D]: [] },
  })
}

const unwrap = <T>(reply: { ok: boolean; data?: T; error?: { code: string } }): T => {
  if (!reply.ok) throw new Error(reply.error?.code)
  return reply.data as T
}
const mine = async (openid: string) =>
  unwrap(await callAs<{ certificates: CertificateView[] }>(cloud, openid, 'outcomes', 'myCertificates')).certificates
const verify = (code: string, as = 'o_anyone') =>
  callAs<CertificateVerification>(cloud, as, 'outcomes', 'verifyCertificate', { code })

it('certifies workers at exactly 80 % with a late check-in counted, not those below, once however often it is settled', async () => {
  seedCourse()
  pinClock()
  const settled = unwrap(await callAs<SettleResult>(cloud, STAFF, 'outcomes', 'settleCourse', { courseId: 'c_cert' }))
  expect(settled).toEqual({ courseId: 'c_cert', seated: 4, qualified: 2, issued: 2 })
  const again = unwrap(await callAs<SettleResult>(cloud, STAFF, 'outcomes', 'settleCourse', { courseId: 'c_cert' }))
  expect(again.issued).toBe(0)
  expect(cloud.store.count(COLLECTIONS.certificates, {})).toBe(2)

  const [b] = await mine(B)
  expect(b).toMatchObject({ holderName: '测试职工002', courseTitle: '工业机器人操作与维护', attended: 4, lessons: 5 })
  expect(b.hours).toBe(10)
  expect(b.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/)
  expect(await mine(C)).toEqual([])
  expect(await mine(D)).toEqual([])

  const staffView = unwrap(
    await callAs<CourseCompletion>(cloud, STAFF, 'outcomes', 'courseCertificates', { courseId: 'c_cert' }),
  )
  expect(staffView).toMatchObject({ lessons: 5, held: 5, rulePercent: 80, finished: true })
  expect(staffView.entries.map((e) => [e.name, e.attended, e.late, e.qualified, !!e.certificate])).toEqual([
    ['测试职工001', 5, 0, true, true],
    ['测试职工002', 4, 1, true, true],
    ['测试职工003', 3, 0, false, false],
    ['测试职工004', 0, 0, false, false],
  ])
})

it('answers anyone who holds a code with the masked name only; a forged or malformed code is not found', async () => {
  seedCourse()
  pinClock()
  await callAs(cloud, STAFF, 'outcomes', 'settleCourse', { courseId: 'c_cert' })
  const [a] = await mine(A)
  const reply = unwrap(await verify(`xzkt-cert:${a.code.toLowerCase()}`))
  expect(reply).toMatchObject({
    status: 'valid',
    holderName: '测*****1',
    courseTitle: '工业机器人操作与维护',
    hours: 10,
  })
  expect(JSON.stringify(reply)).not.toMatch(/测试职工|o_cert|单位/)

  const forged = a.code.replace(/^./, (ch) => (ch === 'Z' ? 'Y' : 'Z'))
  expect(await verify(forged)).toMatchObject({ ok: false, error: { code: 'CERT.NOT_FOUND' } })
  expect(await verify('not a code')).toMatchObject({ ok: false, error: { code: 'CERT.NOT_FOUND' } })
})

it('lets staff revoke with a reason; the code then answers revoked, and settling again does not reissue it', async () => {
  seedCourse()
  pinClock()
  await callAs(cloud, STAFF, 'outcomes', 'settleCourse', { courseId: 'c_cert' })
  const [b] = await mine(B)
  expect(
    await callAs(cloud, STAFF, 'outcomes', 'revokeCertificate', { certificateId: b.id, reason: '错' }),
  ).toMatchObject({ ok: false, error: { code: 'CERT.BAD_REASON' } })
  expect(
    await callAs(cloud, B, 'outcomes', 'revokeCertificate', { certificateId: b.id, reason: '签到记录有误' }),
  ).toMatchObject({ ok: false, error: { code: 'AUTH.FORBIDDEN' } })
  expect(unwrap(await verify(b.code)).status).toBe('valid')

  expect(
    unwrap(
      await callAs(cloud, STAFF, 'outcomes', 'revokeCertificate', { certificateId: b.id, reason: '代签到，经核实' }),
    ),
  ).toEqual({ revoked: true })
  expect(
    await callAs(cloud, STAFF, 'outcomes', 'revokeCertificate', { certificateId: b.id, reason: '代签到，经核实' }),
  ).toMatchObject({ ok: false, error: { code: 'CERT.ALREADY_REVOKED' } })
  const stored = cloud.store.find(COLLECTIONS.certificates, { _id: b.id })[0]
  expect(stored).toMatchObject({ status: 'revoked', revokedBy: STAFF, revokeReason: '代签到，经核实' })

  const answer = unwrap(await verify(b.code))
  expect(answer.status).toBe('revoked')
  expect(answer.revokedAt).toBe(PINNED_NOW.toISOString())
  expect(JSON.stringify(answer)).not.toContain('代签到')
  await callAs(cloud, STAFF, 'outcomes', 'settleCourse', { courseId: 'c_cert' })
  expect((await mine(B)).map((c) => c.status)).toEqual(['revoked'])
})

it('refuses to settle a course before its last lesson ends, and refuses workers every staff action', async () => {
  seedCourse()
  pinClock(new Date(PINNED_NOW.getTime() - 2 * HOUR))
  expect(await callAs(cloud, STAFF, 'outcomes', 'settleCourse', { courseId: 'c_cert' })).toMatchObject({
    ok: false,
    error: { code: 'CERT.COURSE_NOT_FINISHED' },
  })
  for (const action of ['settleCourse', 'courseCertificates']) {
    expect(await callAs(cloud, A, 'outcomes', action, { courseId: 'c_cert' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH.FORBIDDEN' },
    })
  }
  expect(cloud.store.count(COLLECTIONS.certificates, {})).toBe(0)
  expect(cloud.store.count(COLLECTIONS.settlements, {})).toBe(0)
})

it('the timer settles a course once the last lesson’s no-shows are counted, not before', async () => {
  const { lessonIds } = seedCourse()
  pinClock()
  const fire = () =>
    cloud.call<{ ok: boolean; data: { settled: number; waiting: number } }>(
      'outcomes',
      { Type: 'Timer' },
      { SOURCE: 'wx_trigger' },
    )
  expect((await fire()).data).toMatchObject({ settled: 0, waiting: 1 })
  expect(cloud.store.count(COLLECTIONS.certificates, {})).toBe(0)
  cloud.store.update(
    COLLECTIONS.lessons,
    { _id: lessonIds[4] },
    { $set: { noShowsRecordedAt: PINNED_NOW } },
    { multi: false, merge: true, upsert: false },
  )
  expect((await fire()).data).toMatchObject({ settled: 1, waiting: 0 })
  expect((await fire()).data).toMatchObject({ settled: 0, waiting: 0 })
  expect(cloud.store.count(COLLECTIONS.certificates, {})).toBe(2)
  expect(await cloud.call('outcomes', { Type: 'Timer' }, { OPENID: A, SOURCE: 'wx_client' })).toMatchObject({
    ok: false,
    error: { code: 'AUTH.FORBIDDEN' },
  })
})

it('a certificate outlives its holder’s profile only anonymised: masked name, no openid, still verifiable', async () => {
  seedCourse()
  pinClock()
  await callAs(cloud, STAFF, 'outcomes', 'settleCourse', { courseId: 'c_cert' })
  const [a] = await mine(A)
  // The worker's own 注销账号, through the user function.
  expect(await callAs(cloud, A, 'user', 'deleteProfile', { confirm: true })).toMatchObject({ ok: true })
  const stored = cloud.store.find(COLLECTIONS.certificates, { _id: a.id })[0]
  expect(stored).toMatchObject({ openid: null, holderName: '测*****1', employer: '' })
  expect(await mine(A)).toEqual([])
  expect(unwrap(await verify(a.code))).toMatchObject({ status: 'valid', holderName: '测*****1' })
})

it('lists finished courses for staff, latest first, with whether each is settled', async () => {
  seedCourse('c_cert')
  seedFinishedCourse(cloud.store, {
    courseId: 'c_cert2',
    lessons: 2,
    lastEndsAt: new Date(PINNED_NOW.getTime() - 30 * HOUR),
    attendance: { [A]: [1, 2] },
  })
  seedFinishedCourse(cloud.store, {
    courseId: 'c_later',
    lessons: 2,
    lastEndsAt: new Date(PINNED_NOW.getTime() + 30 * HOUR),
    attendance: { [A]: [] },
  })
  pinClock()
  await callAs(cloud, STAFF, 'outcomes', 'settleCourse', { courseId: 'c_cert2' })
  const page = unwrap(await callAs<FinishedCoursesPage>(cloud, STAFF, 'outcomes', 'finishedCourses'))
  expect(page.courses.map((c) => [c.courseId, c.qualified])).toEqual([
    ['c_cert', null],
    ['c_cert2', 1],
  ])
  expect(page.nextCursor).toBeNull()
  expect(await callAs(cloud, A, 'outcomes', 'finishedCourses')).toMatchObject({
    ok: false,
    error: { code: 'AUTH.FORBIDDEN' },
  })
})
