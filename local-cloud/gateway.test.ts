/**
 * The local HTTP gateway the H5 build calls: function calls with the caller in X-OpenID, the request
 * limits WeChat imposes, the development account list, and the refusal to face a network.
 */
import net from 'node:net'
import { COLLECTIONS } from '../server/collections'
import { startTestCloud } from '../tests/helpers/cloud'
import { startGateway, type Gateway } from './gateway'
import type { LocalCloud } from './index'

let cloud: LocalCloud
let gateway: Gateway

beforeAll(async () => {
  ;({ cloud } = await startTestCloud({ seed: true }))
  gateway = await startGateway(cloud, { port: 0 })
})
afterAll(async () => {
  await gateway.close()
  cloud.close()
})

const post = (path: string, body: string, openid = 'o_worker_001') =>
  fetch(new URL(path, gateway.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-openid': openid },
    body,
  })

describe('POST /api/<function>', () => {
  it('runs the function as the worker named in X-OpenID', async () => {
    const res = await post('/api/catalog', JSON.stringify({ action: 'listCourses' }))
    expect(res.status).toBe(200)
    const reply = (await res.json()) as { ok: boolean; data: { items: { title: string }[] } }
    expect(reply.ok).toBe(true)
    expect(reply.data.items.length).toBeGreaterThan(0)
    expect(typeof reply.data.items[0].title).toBe('string')
  })

  it('answers an unknown action with COMMON.UNKNOWN_ACTION', async () => {
    const res = await post('/api/catalog', JSON.stringify({ action: 'nope' }))
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.UNKNOWN_ACTION' } })
  })

  it('answers a function that does not exist with a 404 JSON error', async () => {
    const res = await post('/api/doesnotexist', JSON.stringify({ action: 'listCourses' }))
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(await res.json()).toMatchObject({ ok: false })
  })

  it('refuses a body over 100 KB with 413, as WeChat limits request data', async () => {
    const big = JSON.stringify({ action: 'listCourses', padding: 'x'.repeat(101 * 1024) })
    const res = await post('/api/catalog', big)
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false })
  })

  it('still reads a body just under the limit', async () => {
    const res = await post('/api/catalog', JSON.stringify({ action: 'listCourses', padding: 'x'.repeat(99 * 1024) }))
    // The function itself refuses the unknown field; what matters is that the gateway passed it on.
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } })
  })

  it('refuses malformed JSON with 400', async () => {
    const res = await post('/api/catalog', '{"action": "listCourses"')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'COMMON.BAD_REQUEST' } })
  })

  it('refuses an X-OpenID that is not an openid', async () => {
    const res = await post('/api/catalog', JSON.stringify({ action: 'listCourses' }), 'o_worker_001; drop')
    expect(res.status).toBe(400)
  })
})

describe('GET /dev/accounts', () => {
  it('lists the staff account first, then all 200 workers in order', async () => {
    const res = await fetch(new URL('/dev/accounts', gateway.url))
    const body = (await res.json()) as { ok: boolean; data: { accounts: { openid: string; role: string }[] } }
    const { accounts } = body.data
    expect(accounts[0]).toMatchObject({ openid: 'o_staff_demo', role: 'staff' })
    const workers = accounts.filter((a) => a.role === 'worker')
    expect(workers).toHaveLength(200)
    expect(workers[0].openid).toBe('o_worker_001')
    expect(workers[199].openid).toBe('o_worker_200')
    expect(accounts).toHaveLength(cloud.store.count(COLLECTIONS.users, {}))
  })
})

describe('binding', () => {
  it('refuses to listen beyond loopback and leaves the port free', async () => {
    const port = await freePort()
    await expect(startGateway(cloud, { host: '0.0.0.0', port })).rejects.toThrow(/loopback/)
    // Had it bound before refusing, this listen would fail with EADDRINUSE.
    await new Promise<void>((resolve, reject) => {
      const probe = net.createServer()
      probe.once('error', reject)
      probe.listen(port, '0.0.0.0', () => probe.close(() => resolve()))
    })
  })
})

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '0.0.0.0', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}
