/**
 * Who is calling, per invocation. Many local calls share one process, so the caller's identity must
 * follow each call across its awaits and never bleed into another call running at the same time.
 */
import { CONSENT_VERSION, type LoginResult, type ProfileView } from '@core/contracts/user'
import { COLLECTIONS } from '../server/collections'
import { callAs, startTestCloud } from '../tests/helpers/cloud'
import { LOCAL_APPID, LOCAL_ENV_ID } from './context'
import { runAs, type LocalCloud } from './index'

const WORKERS = 40
const openid = (i: number) => `o_w_${i}`
// Names may not contain digits, so each worker's name is spelt from two characters picked by index.
const nameOf = (i: number) => `职工${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'子丑寅卯辰'[Math.floor(i / 10)]}`

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
afterAll(() => cloud.close())

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined
  const promise = new Promise<void>((r) => (resolve = r))
  return { promise, resolve }
}

describe('getWXContext inside cloud functions', () => {
  it('gives each of 40 concurrent callers their own record and their own login', async () => {
    const ids = Array.from({ length: WORKERS }, (_unused, i) => i)
    const saved = await Promise.all(
      ids.map((i) =>
        callAs<ProfileView>(cloud, openid(i), 'user', 'saveProfile', {
          name: nameOf(i),
          phone: `1380013${String(1000 + i)}`,
          employer: '杭州钱江精密机械有限公司',
          consentVersion: CONSENT_VERSION,
        }),
      ),
    )
    saved.forEach((reply, i) => expect(reply).toMatchObject({ ok: true, data: { name: nameOf(i) } }))

    const records = cloud.store.find(COLLECTIONS.users, {}, { limit: 100 })
    expect(records).toHaveLength(WORKERS)
    for (const i of ids) {
      const [record] = records.filter((r) => r._id === openid(i))
      expect(record).toMatchObject({ name: nameOf(i), phone: `1380013${String(1000 + i)}` })
    }

    const logins = await Promise.all(ids.map((i) => callAs<LoginResult>(cloud, openid(i), 'user', 'login')))
    logins.forEach((reply, i) =>
      expect(reply).toEqual({
        ok: true,
        data: {
          role: 'worker',
          profileComplete: true,
          consentOutdated: false,
          name: nameOf(i),
          industry: null,
          activeCount: 0,
          offers: [],
        },
      }),
    )
  })
})

describe('runAs', () => {
  const sdk = () => cloud.sdk()
  const currentOpenId = () => (sdk().getWXContext() as { OPENID?: string }).OPENID

  it('keeps each caller across awaits while another caller runs in between', async () => {
    const aStarted = deferred()
    const bDone = deferred()
    const a = runAs({ OPENID: 'o_a' }, async () => {
      const before = currentOpenId()
      aStarted.resolve()
      await bDone.promise
      return [before, currentOpenId()]
    })
    await aStarted.promise
    const b = runAs({ OPENID: 'o_b' }, async () => {
      const before = currentOpenId()
      await Promise.resolve()
      const after = currentOpenId()
      bDone.resolve()
      return [before, after]
    })
    expect(await a).toEqual(['o_a', 'o_a'])
    expect(await b).toEqual(['o_b', 'o_b'])
  })

  it('leaves no identity behind outside runAs', async () => {
    await runAs({ OPENID: 'o_a' }, async () => undefined)
    expect(currentOpenId()).toBeUndefined()
    expect(sdk().getWXContext()).toMatchObject({ APPID: LOCAL_APPID, ENV: LOCAL_ENV_ID })
  })

  it('fills the context a function sees from the identity, with local defaults', async () => {
    const ctx = await runAs({ OPENID: 'o_a', SOURCE: 'wx_trigger' }, async () => {
      await Promise.resolve()
      return sdk().getWXContext()
    })
    expect(ctx).toEqual({ OPENID: 'o_a', APPID: LOCAL_APPID, ENV: LOCAL_ENV_ID, SOURCE: 'wx_trigger' })
  })
})
