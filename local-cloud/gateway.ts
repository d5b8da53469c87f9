/**
 * The local HTTP gateway: what the H5 build calls instead of Taro.cloud.callFunction, plus the built
 * H5 app itself. The caller's identity arrives in the X-OpenID header — a development convenience that
 * must never face a network, so the gateway binds to loopback unless told otherwise explicitly.
 */
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { COLLECTIONS } from '../server/collections'
import type { LocalCloud } from './index'
import { MAX_STORED_BYTES } from './storage'

export const DEFAULT_PORT = 8930
const MAX_BODY = 100 * 1024 // WeChat's own limit on a function's request data
const OPENID = /^[A-Za-z0-9_-]{1,64}$/

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

export interface GatewayOptions {
  port?: number
  host?: string
  /** Binding beyond loopback exposes the X-OpenID shortcut; it takes an explicit yes. */
  allowNonLoopback?: boolean
  /** Folder of the built H5 app; not served when absent. */
  staticDir?: string
}

export interface Gateway {
  url: string
  port: number
  close(): Promise<void>
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host)
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      if (size > MAX_BODY) return
      size += c.length
      if (size > MAX_BODY) {
        // Read and drop the rest rather than destroy the request: destroying closes the socket before
        // the 413 can reach the caller.
        chunks.length = 0
        resolve(null)
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startGateway(cloud: LocalCloud, options: GatewayOptions = {}): Promise<Gateway> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopback(host) && !options.allowNonLoopback) {
    throw new Error(
      `local cloud gateway: refusing to bind to ${host}. It trusts the X-OpenID header, so it only listens on ` +
        'loopback unless started with --allow-non-loopback (LOCAL_CLOUD_ALLOW_NON_LOOPBACK=1).',
    )
  }
  const staticDir = options.staticDir && fs.existsSync(options.staticDir) ? path.resolve(options.staticDir) : null

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('gateway error', err)
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'COMMON.INTERNAL', message: '系统繁忙，请稍后再试' } })
    })
  })

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://local')
    // Cloud storage's signed upload and download URLs (local-cloud/storage.ts).
    if (url.pathname.startsWith('/storage/') && (await cloud.storage.serveHttp(req, res))) return
    const api = /^\/api\/([A-Za-z0-9_-]+)$/.exec(url.pathname)
    if (api && req.method === 'POST') {
      const openid = String(req.headers['x-openid'] ?? '')
      if (openid && !OPENID.test(openid))
        return sendJson(res, 400, { ok: false, error: { code: 'COMMON.UNAUTHENTICATED', message: '身份无效' } })
      const body = await readBody(req)
      if (body === null)
        return sendJson(res, 413, { ok: false, error: { code: 'COMMON.BAD_REQUEST', message: '提交的内容过大' } })
      let event: unknown
      try {
        event = body ? JSON.parse(body) : {}
      } catch {
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'COMMON.BAD_REQUEST', message: '提交的信息有误，请检查后重试' },
        })
      }
      if (!event || typeof event !== 'object' || Array.isArray(event)) event = { action: undefined }
      if (!cloud.functions.names().includes(api[1])) {
        return sendJson(res, 404, {
          ok: false,
          error: { code: 'COMMON.UNKNOWN_ACTION', message: `没有名为 ${api[1]} 的云函数` },
        })
      }
      const reply = await cloud.call(api[1], event as Record<string, unknown>, {
        OPENID: openid || undefined,
        SOURCE: 'wx_client',
        CLIENTIP: req.socket.remoteAddress,
      })
      return sendJson(res, 200, reply)
    }
    if (url.pathname.startsWith('/dev/') && (await serveDev(cloud, url.pathname, req, res))) return
    if (staticDir && (req.method === 'GET' || req.method === 'HEAD')) return serveStatic(staticDir, url.pathname, res)
    sendJson(res, 404, { ok: false, error: { code: 'COMMON.BAD_REQUEST', message: '未找到' } })
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? DEFAULT_PORT, host, () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`
  // Temporary file URLs must reach the browser: they point at this gateway from now on.
  cloud.storage.attach(url)
  return {
    url,
    port,
    close: () =>
      new Promise((resolve) => {
        cloud.storage.detach(url)
        server.close(() => resolve())
      }),
  }
}

/** Development-only endpoints: sign-in accounts, the message outbox, subscription grants. */
async function serveDev(
  cloud: LocalCloud,
  pathname: string,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<boolean> {
  if (pathname === '/dev/accounts' && req.method === 'GET') {
    const users = cloud.store.find(COLLECTIONS.users, { role: { $in: ['staff', 'admin'] } }, { limit: 100 })
    const workers = cloud.store.find(
      COLLECTIONS.users,
      { _id: { $regex: '^o_worker_' } },
      { limit: 100, order: { _id: 1 } },
    )
    const more = cloud.store.find(
      COLLECTIONS.users,
      { _id: { $regex: '^o_worker_' } },
      { limit: 100, offset: 100, order: { _id: 1 } },
    )
    const accounts = [...users, ...workers, ...more].map((u) => ({
      openid: u._id,
      name: u.name,
      role: u.role,
      employer: u.employer,
    }))
    sendJson(res, 200, { ok: true, data: { accounts } })
    return true
  }
  if (pathname === '/dev/outbox' && req.method === 'GET') {
    sendJson(res, 200, { ok: true, data: { messages: cloud.openapi.outbox() } })
    return true
  }
  if (pathname === '/dev/upload' && req.method === 'POST') return devUpload(cloud, req, res)
  if (pathname === '/dev/subscribe' && req.method === 'POST') {
    // The H5 stand-in for wx.requestSubscribeMessage: records what WeChat would after 允许.
    const openid = String(req.headers['x-openid'] ?? '')
    const body = JSON.parse((await readBody(req)) || '{}') as { templateIds?: unknown }
    const ids = Array.isArray(body.templateIds)
      ? body.templateIds.filter((t): t is string => typeof t === 'string')
      : []
    if (!OPENID.test(openid) || ids.length === 0 || ids.length > 3) {
      sendJson(res, 400, { ok: false, error: { code: 'COMMON.BAD_REQUEST', message: '订阅参数有误' } })
      return true
    }
    for (const t of ids) cloud.openapi.grantSubscription(openid, t)
    sendJson(res, 200, { ok: true, data: Object.fromEntries(ids.map((t) => [t, 'accept'])) })
    return true
  }
  return false
}

/**
 * The H5 stand-in for wx.cloud.uploadFile: the browser has no cloud SDK, so it posts the file's bytes
 * here with the cloud path it chose and gets the fileID back, as the mini-program does from storage.
 */
async function devUpload(cloud: LocalCloud, req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://local')
  const cloudPath = url.searchParams.get('cloudPath') ?? ''
  const openid = String(req.headers['x-openid'] ?? '')
  if (!OPENID.test(openid)) {
    sendJson(res, 401, { ok: false, error: { code: 'COMMON.UNAUTHENTICATED', message: '未能识别您的身份' } })
    return true
  }
  const body = await new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_STORED_BYTES) chunks.push(c)
    })
    req.on('end', () => resolve(size > MAX_STORED_BYTES ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
  if (!body || !cloud.storage.pathOf(cloud.storage.fileId(cloudPath))) {
    sendJson(res, body ? 400 : 413, { ok: false, error: { code: 'COMMON.BAD_REQUEST', message: '文件上传失败' } })
    return true
  }
  sendJson(res, 200, { ok: true, data: { fileID: cloud.storage.put(cloudPath, body) } })
  return true
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const rel = decodeURIComponent(pathname).replace(/^\/+/, '')
  let file = path.resolve(root, rel)
  if (!file.startsWith(root)) file = path.join(root, 'index.html')
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html')
  if (!fs.existsSync(file))
    return sendJson(res, 404, { ok: false, error: { code: 'COMMON.BAD_REQUEST', message: '未找到' } })
  const type = MIME[path.extname(file)] ?? 'application/octet-stream'
  res.writeHead(200, {
    'content-type': type,
    'cache-control': file.endsWith('index.html') ? 'no-cache' : 'max-age=3600',
  })
  fs.createReadStream(file).pipe(res)
}
