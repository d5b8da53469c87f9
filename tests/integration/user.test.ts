import { CONSENT_VERSION, type LoginResult, type ProfileView } from '@core/contracts/user'
import { COLLECTIONS } from '../../server/collections'
import type { LocalCloud } from '../../local-cloud'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'

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
      data: { role: 'worker', profileComplete: false, consentOutdated: false, name: null },
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
