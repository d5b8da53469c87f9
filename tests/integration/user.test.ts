import { CONSENT_VERSION, type LoginResult, type ProfileView } from '@core/contracts/user'
import { COLLECTIONS } from '../../server/collections'
import type { UserDoc } from '../../server/repos/user-repo'
import type { ProgrammeStats } from '@core/contracts/admin'
import type { LocalCloud } from '../../local-cloud'
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { fixtureWorker as w, moveOnlyLesson, seedStorm } from '../helpers/enroll-fixture'

const valid = {
  name: '张建国',
  phone: '13800138000',
  employer: '杭州钱江精密机械有限公司',
  memberNo: 'HZ330100001',
  consentVersion: CONSENT_VERSION,
}

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
beforeEach(() => {
  cloud.store.clear()
  pinClock()
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

const users = () => cloud.store.find(COLLECTIONS.users, {})

describe('user.login', () => {
  it('tells a newcomer they are a worker without a profile', async () => {
    const reply = await callAs<LoginResult>(cloud, 'o_new', 'user', 'login')
    expect(reply).toEqual({
      ok: true,
      data: {
        role: 'worker',
        profileComplete: false,
        consentOutdated: false,
        name: null,
        industry: null,
        activeCount: 0,
        offers: [],
      },
    })
    expect(users()).toHaveLength(0)
  })

  it('refuses a call without a WeChat identity', async () => {
    const reply = await callAs(cloud, undefined, 'user', 'login')
    expect(reply).toMatchObject({ ok: false, error: { code: 'COMMON.UNAUTHENTICATED' } })
  })

  it('asks for consent again when the privacy notice has changed', async () => {
    await callAs(cloud, 'o_a', 'user', 'saveProfile', valid)
    cloud.store.update(
      COLLECTIONS.users,
      { _id: 'o_a' },
      { $set: { 'consent.version': '2020-01-01' } },
      {
        multi: false,
        merge: true,
        upsert: false,
      },
    )
    const reply = await callAs<LoginResult>(cloud, 'o_a', 'user', 'login')
    expect(reply).toMatchObject({ ok: true, data: { profileComplete: false, consentOutdated: true, name: '张建国' } })
  })
})

describe('user.saveProfile', () => {
  it('signs a worker up with consent recorded at the pinned time, and login then says complete', async () => {
    const reply = await callAs<ProfileView>(cloud, 'o_a', 'user', 'saveProfile', valid)
    expect(reply).toEqual({
      ok: true,
      data: {
        name: '张建国',
        phone: '13800138000',
        employer: '杭州钱江精密机械有限公司',
        memberNo: 'HZ330100001',
        industry: null,
        role: 'worker',
        consent: { version: CONSENT_VERSION, at: PINNED_NOW.toISOString() },
        createdAt: PINNED_NOW.toISOString(),
        updatedAt: PINNED_NOW.toISOString(),
      },
    })
    expect(JSON.stringify(reply)).not.toMatch(/_openid|o_a/)
    const login = await callAs<LoginResult>(cloud, 'o_a', 'user', 'login')
    expect(login).toMatchObject({ ok: true, data: { profileComplete: true, name: '张建国' } })
  })

  it('updates the same record on a second save and keeps the role', async () => {
    await callAs(cloud, 'o_staff', 'user', 'saveProfile', valid)
    cloud.store.update(
      COLLECTIONS.users,
      { _id: 'o_staff' },
      { $set: { role: 'staff' } },
      { multi: false, merge: true, upsert: false },
    )
    const reply = await callAs<ProfileView>(cloud, 'o_staff', 'user', 'saveProfile', {
      ...valid,
      employer: '杭州市总工会',
    })
    expect(reply).toMatchObject({ ok: true, data: { employer: '杭州市总工会', role: 'staff' } })
    expect(users()).toHaveLength(1)
  })

  it('trims text and treats an empty member number as none', async () => {
    const reply = await callAs<ProfileView>(cloud, 'o_a', 'user', 'saveProfile', {
      ...valid,
      name: '  李芳 ',
      memberNo: '',
    })
    expect(reply).toMatchObject({ ok: true, data: { name: '李芳', memberNo: null } })
  })

  it('takes the phone number from a getPhoneNumber code', async () => {
    const { phone: _phone, ...rest } = valid
    void _phone
    const reply = await callAs<ProfileView>(cloud, 'o_a', 'user', 'saveProfile', {
      ...rest,
      phoneCode: 'test_phone_13912345678',
    })
    expect(reply).toMatchObject({ ok: true, data: { phone: '13912345678' } })
  })

  it.each([
    ['no consent', { consentVersion: '' }, 'USER.CONSENT_REQUIRED', 'consentVersion'],
    ['an old notice', { consentVersion: '2020-01-01' }, 'USER.CONSENT_OUTDATED', 'consentVersion'],
    ['a one-character name', { name: '张' }, 'USER.BAD_NAME', 'name'],
    ['a name with digits', { name: '张三3' }, 'USER.BAD_NAME', 'name'],
    ['a phone with 10 digits', { phone: '1380013800' }, 'USER.BAD_PHONE', 'phone'],
    ['a landline', { phone: '05718888888' }, 'USER.BAD_PHONE', 'phone'],
    ['no phone at all', { phone: undefined }, 'USER.BAD_PHONE', 'phone'],
    ['a bad phone code', { phone: undefined, phoneCode: 'expired' }, 'USER.PHONE_CODE_INVALID', 'phone'],
    ['a one-character employer', { employer: '厂' }, 'USER.BAD_EMPLOYER', 'employer'],
    ['a member number with symbols', { memberNo: 'HZ-01!' }, 'USER.BAD_MEMBER_NO', 'memberNo'],
    ['a missing name', { name: undefined }, 'COMMON.BAD_REQUEST', 'name'],
    ['a name that is a number', { name: 12345 }, 'COMMON.BAD_REQUEST', 'name'],
    ['an overlong employer', { employer: '单'.repeat(5000) }, 'COMMON.BAD_REQUEST', 'employer'],
    ['a self-assigned role', { role: 'admin' }, 'COMMON.BAD_REQUEST', 'role'],
  ])('refuses %s with a clear message and writes nothing', async (_case, change, code, field) => {
    const reply = await callAs(cloud, 'o_a', 'user', 'saveProfile', { ...valid, ...change })
    expect(reply.ok).toBe(false)
    if (reply.ok) return
    expect(reply.error.code).toBe(code)
    expect(reply.error.field).toBe(field)
    expect(reply.error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(users()).toHaveLength(0)
  })

  it('answers an unknown action with COMMON.UNKNOWN_ACTION', async () => {
    const reply = await callAs(cloud, 'o_a', 'user', 'deleteEverything')
    expect(reply).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } })
    const missing = await cloud.call('user', {}, { OPENID: 'o_a' })
    expect(missing).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } })
  })
})

describe('user.getProfile', () => {
  it('is null before sign-up and the saved profile after', async () => {
    expect(await callAs(cloud, 'o_a', 'user', 'getProfile')).toEqual({ ok: true, data: null })
    await callAs(cloud, 'o_a', 'user', 'saveProfile', valid)
    expect(await callAs(cloud, 'o_a', 'user', 'getProfile')).toMatchObject({ ok: true, data: { name: '张建国' } })
    expect(await callAs(cloud, 'o_b', 'user', 'getProfile')).toEqual({ ok: true, data: null })
  })
})

describe('user.deleteProfile', () => {
  const DAY = 86400_000
  const UPDATE_ONE = { multi: false, merge: true, upsert: false }
  const user = (openid: string) => cloud.store.find(COLLECTIONS.users, { _id: openid })[0] as unknown as UserDoc
  const del = (openid: string) => callAs(cloud, openid, 'user', 'deleteProfile', { confirm: true })
  /** w(1) took part in s001, which has now ended: a check-in, a message owed, a credit, three no-shows. */
  async function endedCourseWithStanding(): Promise<void> {
    seedStorm(cloud.store, { courses: 2, capacity: 3, workers: 3, now: PINNED_NOW })
    expect(await callAs(cloud, w(1), 'enrollment', 'enroll', { courseId: 's001' })).toMatchObject({ ok: true })
    cloud.openapi.grantSubscription(w(1), 'local_tmpl_lesson_reminder')
    await callAs(cloud, w(1), 'reminders', 'subscribe', { answers: { local_tmpl_lesson_reminder: 'accept' } })
    moveOnlyLesson(cloud.store, 's001', new Date(PINNED_NOW.getTime() - 2 * DAY))
    cloud.store.insert(COLLECTIONS.attendance, [
      {
        _id: `s001_l1_${w(1)}`,
        lessonId: 's001_l1',
        courseId: 's001',
        openid: w(1),
        at: new Date(PINNED_NOW.getTime() - 2 * DAY),
        late: false,
        method: 'scan',
        staffOpenid: null,
        reason: null,
      },
    ])
    cloud.store.insert(COLLECTIONS.notices, [
      { _id: `course_change_s001_${w(1)}_1`, openid: w(1), kind: 'course_change', courseId: 's001', state: 'pending' },
    ])
    const noShows = [5, 10, 15].map((days) => ({
      lessonId: `l_${days}`,
      at: new Date(PINNED_NOW.getTime() - days * DAY),
    }))
    cloud.store.update(
      COLLECTIONS.users,
      { _id: w(1) },
      {
        $set: { noShows, noShowCount: 3, suspendedUntil: new Date(PINNED_NOW.getTime() + 9 * DAY), suspendedBy: 'l_5' },
      },
      UPDATE_ONE,
    )
  }

  it('erases the profile, keeps only the standing, and a new sign-up finds the suspension (case 7)', async () => {
    await endedCourseWithStanding()
    const standing = {
      role: 'worker',
      noShows: user(w(1)).noShows,
      noShowCount: 3,
      suspendedUntil: user(w(1)).suspendedUntil,
    }
    cloud.store.insert(COLLECTIONS.users, [{ _id: 'o_staff', role: 'staff', name: '王芳', consent: {} }])
    const checkIns = async () => {
      const stats = await callAs<ProgrammeStats>(cloud, 'o_staff', 'admin', 'programmeStats')
      if (!stats.ok) throw new Error(stats.error.code)
      return stats.data.attendance.checkIns
    }
    expect(await checkIns()).toBe(1)
    expect(await del(w(1))).toEqual({ ok: true, data: { deleted: true } })
    expect(await checkIns()).toBe(1)

    const left = user(w(1))
    expect(left).toMatchObject({
      ...standing,
      name: '',
      phone: '',
      employer: '',
      memberNo: null,
      deletedAt: PINNED_NOW,
    })
    expect(left.consent).toBeUndefined()
    expect(left.activeCourses).toEqual([])
    // Nothing else is keyed by, or mentions, the WeChat identity.
    for (const name of Object.values(COLLECTIONS)) {
      const docs = cloud.store.find(name, {}).filter((d) => (name === COLLECTIONS.users ? d._id !== w(1) : true))
      expect([name, JSON.stringify(docs).includes(w(1))]).toEqual([name, false])
    }
    // The check-in still counts, under a random id and without the identity.
    const [checkIn] = cloud.store.find(COLLECTIONS.attendance, {}) as unknown as Record<string, unknown>[]
    expect(checkIn).toMatchObject({ lessonId: 's001_l1', courseId: 's001', anonymised: true, late: false })
    expect(checkIn.openid).toBeUndefined()
    expect(checkIn._id).toMatch(/^anon_[0-9a-f]{24}$/)

    expect(await callAs(cloud, w(1), 'user', 'login')).toEqual({
      ok: true,
      data: {
        role: 'worker',
        profileComplete: false,
        consentOutdated: false,
        name: null,
        industry: null,
        activeCount: 0,
        offers: [],
      },
    })
    expect(await callAs(cloud, w(1), 'user', 'getProfile')).toEqual({ ok: true, data: null })
    expect(await callAs(cloud, w(1), 'enrollment', 'enroll', { courseId: 's002' })).toMatchObject({
      ok: false,
      error: { code: 'ENROLL.PROFILE_INCOMPLETE' },
    })

    expect(await callAs(cloud, w(1), 'user', 'saveProfile', valid)).toMatchObject({
      ok: true,
      data: { name: '张建国' },
    })
    expect(user(w(1))).toMatchObject({ ...standing, deletedAt: null })
    expect(await callAs(cloud, w(1), 'enrollment', 'enroll', { courseId: 's002' })).toMatchObject({
      ok: false,
      error: { code: 'ENROLL.SUSPENDED' },
    })
  })

  it('removes the record of a worker with no standing to keep', async () => {
    seedStorm(cloud.store, { courses: 1, capacity: 3, workers: 2, now: PINNED_NOW })
    expect(await del(w(2))).toEqual({ ok: true, data: { deleted: true } })
    expect(cloud.store.count(COLLECTIONS.users, { _id: w(2) })).toBe(0)
    expect(await del(w(2))).toEqual({ ok: true, data: { deleted: false } })
  })

  it('refuses while the worker holds a place in a running course, and changes nothing', async () => {
    seedStorm(cloud.store, { courses: 1, capacity: 3, workers: 2, now: PINNED_NOW })
    await callAs(cloud, w(1), 'enrollment', 'enroll', { courseId: 's001' })
    const before = JSON.stringify(cloud.store.find(COLLECTIONS.users, {}))
    expect(await del(w(1))).toMatchObject({ ok: false, error: { code: 'USER.HAS_ACTIVE_ENROLLMENTS' } })
    expect(JSON.stringify(cloud.store.find(COLLECTIONS.users, {}))).toBe(before)
    expect(cloud.store.count(COLLECTIONS.enrollments, { openid: w(1) })).toBe(1)
  })

  it('lets the checkin timer remove the kept record once the standing has lapsed', async () => {
    await endedCourseWithStanding()
    await del(w(1))
    const timer = listTriggers(cloud).find((t) => t.functionName === 'checkin')!
    await fireTrigger(cloud, timer)
    expect(cloud.store.count(COLLECTIONS.users, { _id: w(1) })).toBe(1)
    // The suspension is over, but a no-show of 5 days ago is still in the 60-day window.
    jest.setSystemTime(new Date(PINNED_NOW.getTime() + 10 * DAY))
    await fireTrigger(cloud, timer)
    expect(cloud.store.count(COLLECTIONS.users, { _id: w(1) })).toBe(1)
    jest.setSystemTime(new Date(PINNED_NOW.getTime() + 56 * DAY))
    await fireTrigger(cloud, timer)
    expect(cloud.store.count(COLLECTIONS.users, { _id: w(1) })).toBe(0)
  })
})
