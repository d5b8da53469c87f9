/**
 * Cloud storage for the local cloud: files on disk, served over loopback HTTP with signed, expiring URLs.
 *
 * Wire format, read from wx-server-sdk 4.0.2 and its @cloudbase/node-sdk 3.17.2 (dist/storage/index.js):
 * - `cloud.uploadFile({cloudPath, fileContent})` sends `{action: 'storage.getUploadMetadata', path, method:
 *   'put'}` through request(); it expects `{requestId, data: {url, token, authorization, fileId, cosFileId}}`,
 *   then PUTs the raw bytes to `url` itself (plain node http, headers Signature/authorization,
 *   x-cos-security-token, x-cos-meta-fileid, key). COS answers an empty body on success or
 *   `<Error><Code/><Message/><RequestId/><TraceId/></Error>` XML; the SDK replies `{fileID: fileId}`.
 * - `cloud.getTempFileURL({fileList})` sends `{action: 'storage.batchGetDownloadUrl', file_list: [{fileid,
 *   max_age?}]}` and expects `{data: {download_list: [{fileID, tempFileURL, code, maxAge}]}}`; per item
 *   `code: 'SUCCESS'` (status 0), otherwise e.g. `STORAGE_FILE_NONEXIST` (the SDK's status -503003).
 * - `cloud.deleteFile({fileList})` sends `{action: 'storage.batchDeleteFile', fileid_list}` and expects
 *   `{data: {delete_list: [{fileID, code}]}}`, per item as above.
 * - `cloud.downloadFile({fileID})` is batchGetDownloadUrl (max_age 600) followed by a plain HTTP GET of the
 *   URL; a status other than 200 rejects.
 * - A top-level `{code, message}` reply makes the SDK throw `{errCode, errMsg}` (STORAGE_REQUEST_FAIL -503001).
 * FileIDs have the platform's shape `cloud://<env>.<bucket>/<path>`; the bucket is fixed here.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import type Database from 'better-sqlite3'
import { LOCAL_ENV_ID } from './context'

export const LOCAL_BUCKET = `6c6f-${LOCAL_ENV_ID}-1300000000`
/** The platform's default lifetime of a temporary URL when the caller names none: one day. */
const DEFAULT_MAX_AGE_S = 86_400
/** How long an upload URL stays good, as COS's signed upload URLs do for a few minutes. */
const UPLOAD_URL_S = 900
/** Local guard against filling the disk; the platform's own limits are far above what the app allows. */
export const MAX_STORED_BYTES = 64 * 1024 * 1024

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.ppt': 'application/vnd.ms-powerpoint',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

type Reply = Record<string, unknown>

/** A cloud path as the platform takes it: no leading slash, no `..`, no empty segment. */
function safeCloudPath(p: unknown): string | null {
  if (typeof p !== 'string' || p.length === 0 || p.length > 500) return null
  const parts = p.split('/')
  if (parts.some((s) => s === '' || s === '.' || s === '..' || s.includes('\\') || s.includes('\0'))) return null
  return p
}

export class LocalStorage {
  private dir: string | null = null
  private readonly secret: Buffer
  private base: string | null = null
  private server: http.Server | null = null
  private starting: Promise<string> | null = null

  /** `root` null: a temporary folder, removed on close. Nothing is created until a file is stored or looked up. */
  constructor(
    db: Database.Database,
    private readonly given: string | null,
  ) {
    // Kept in the database so every process sharing it signs and checks URLs alike.
    db.exec('CREATE TABLE IF NOT EXISTS storage_meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)')
    db.prepare('INSERT OR IGNORE INTO storage_meta (name, value) VALUES (?, ?)').run(
      'secret',
      randomBytes(32).toString('hex'),
    )
    const row = db.prepare('SELECT value FROM storage_meta WHERE name = ?').get('secret') as { value: string }
    this.secret = Buffer.from(row.value, 'hex')
  }

  /** The folder holding the files (`<root>/<bucket>/<cloud path>`). */
  get root(): string {
    if (!this.dir) {
      this.dir = this.given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'local-cloud-storage-'))
      fs.mkdirSync(path.join(this.dir, LOCAL_BUCKET), { recursive: true })
    }
    return this.dir
  }

  /** The gateway serves storage under its own address; without one, a loopback listener starts on demand. */
  attach(baseUrl: string): void {
    this.base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  }

  /** A closed gateway's address stops being handed out. */
  detach(baseUrl: string): void {
    if (this.base === baseUrl) this.base = null
  }

  fileId(cloudPath: string): string {
    return `cloud://${LOCAL_ENV_ID}.${LOCAL_BUCKET}/${cloudPath}`
  }

  /** The cloud path of one of this environment's fileIDs, or null. */
  pathOf(fileID: unknown): string | null {
    const prefix = `cloud://${LOCAL_ENV_ID}.${LOCAL_BUCKET}/`
    if (typeof fileID !== 'string' || !fileID.startsWith(prefix)) return null
    return safeCloudPath(fileID.slice(prefix.length))
  }

  private file(cloudPath: string): string {
    return path.join(this.root, LOCAL_BUCKET, ...cloudPath.split('/'))
  }

  put(cloudPath: string, bytes: Buffer): string {
    const file = this.file(cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, bytes)
    return this.fileId(cloudPath)
  }

  /** The stored bytes of a fileID, or null (tests look inside with this). */
  read(fileID: string): Buffer | null {
    const p = this.pathOf(fileID)
    if (!p || !fs.existsSync(this.file(p))) return null
    return fs.readFileSync(this.file(p))
  }

  exists(fileID: string): boolean {
    const p = this.pathOf(fileID)
    return !!p && fs.existsSync(this.file(p))
  }

  sign(method: string, cloudPath: string, expires: number): string {
    return createHmac('sha256', this.secret).update(`${method}\n${cloudPath}\n${expires}`).digest('hex').slice(0, 32)
  }

  private checkSign(method: string, cloudPath: string, expires: number, sign: string): boolean {
    const want = Buffer.from(this.sign(method, cloudPath, expires))
    const got = Buffer.from(sign)
    return got.length === want.length && timingSafeEqual(got, want)
  }

  /** Answers the SDK's storage.* actions. */
  async handle(params: Record<string, unknown> & { action: string }): Promise<Reply> {
    const requestId = randomUUID()
    switch (params.action) {
      case 'storage.getUploadMetadata': {
        const cloudPath = safeCloudPath(params.path)
        if (!cloudPath) return { code: 'INVALID_PARAM', message: 'cloudPath is not a valid path', requestId }
        const expires = Math.floor(Date.now() / 1000) + UPLOAD_URL_S
        const sign = this.sign('PUT', cloudPath, expires)
        const url = `${await this.endpoint()}storage/${LOCAL_BUCKET}/${encodePath(cloudPath)}?upload=${expires}&sign=${sign}`
        const data = { url, token: 'local', authorization: sign, fileId: this.fileId(cloudPath), cosFileId: requestId }
        return { requestId, data }
      }
      case 'storage.batchGetDownloadUrl': {
        const list = Array.isArray(params.file_list)
          ? (params.file_list as { fileid?: unknown; max_age?: unknown }[])
          : []
        const base = await this.endpoint()
        const now = Math.floor(Date.now() / 1000)
        const download_list = list.map(({ fileid, max_age }) => {
          const maxAge = typeof max_age === 'number' && max_age > 0 ? max_age : DEFAULT_MAX_AGE_S
          const p = this.pathOf(fileid)
          if (!p) return { fileID: fileid, tempFileURL: '', code: 'INVALID_PARAM', maxAge }
          if (!fs.existsSync(this.file(p)))
            return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge }
          const t = now + maxAge
          const tempFileURL = `${base}storage/${LOCAL_BUCKET}/${encodePath(p)}?sign=${this.sign('GET', p, t)}&t=${t}`
          return { fileID: fileid, tempFileURL, code: 'SUCCESS', maxAge }
        })
        return { requestId, data: { download_list } }
      }
      case 'storage.batchDeleteFile': {
        const list = Array.isArray(params.fileid_list) ? params.fileid_list : []
        const delete_list = list.map((fileID) => {
          const p = this.pathOf(fileID)
          if (!p) return { fileID, code: 'INVALID_PARAM' }
          if (!fs.existsSync(this.file(p))) return { fileID, code: 'STORAGE_FILE_NONEXIST' }
          fs.rmSync(this.file(p))
          return { fileID, code: 'SUCCESS' }
        })
        return { requestId, data: { delete_list } }
      }
      default:
        return { code: 'INVALID_ACTION', message: `local cloud does not implement ${params.action}`, requestId }
    }
  }

  /** Serves `/storage/<bucket>/<path>`: PUT with an upload signature, GET/HEAD with a download signature. */
  async serveHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://local')
    const prefix = `/storage/${LOCAL_BUCKET}/`
    if (!url.pathname.startsWith(prefix)) return false
    const cloudPath = safeCloudPath(decodeURIComponent(url.pathname.slice(prefix.length)))
    if (!cloudPath) return (cosError(res, 400, 'InvalidURI', 'bad path'), true)
    const now = Math.floor(Date.now() / 1000)
    const sign = url.searchParams.get('sign') ?? ''
    if (req.method === 'PUT') {
      const expires = Number(url.searchParams.get('upload'))
      if (!(expires >= now) || !this.checkSign('PUT', cloudPath, expires, sign))
        return (cosError(res, 403, 'AccessDenied', 'upload URL expired or not signed'), true)
      const body = await readLimited(req, MAX_STORED_BYTES)
      if (!body) return (cosError(res, 400, 'EntityTooLarge', `over ${MAX_STORED_BYTES} bytes`), true)
      this.put(cloudPath, body)
      res.writeHead(200, { 'content-length': 0 })
      res.end()
      return true
    }
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return (cosError(res, 405, 'MethodNotAllowed', req.method ?? ''), true)
    const t = Number(url.searchParams.get('t'))
    if (!(t >= now) || !this.checkSign('GET', cloudPath, t, sign))
      return (cosError(res, 403, 'AccessDenied', 'Request has expired or the signature does not match'), true)
    const file = this.file(cloudPath)
    if (!fs.existsSync(file)) return (cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.'), true)
    sendFile(req, res, file, CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
    return true
  }

  /** Where temporary and upload URLs point: the attached gateway, or an own loopback listener. */
  endpoint(): Promise<string> {
    if (this.base) return Promise.resolve(this.base)
    this.starting ??= new Promise<string>((resolve, reject) => {
      const server = http.createServer((req, res) => {
        this.serveHttp(req, res)
          .then((served) => {
            if (!served) cosError(res, 404, 'NoSuchKey', 'not found')
          })
          .catch(() => cosError(res, 500, 'InternalError', 'local storage failed'))
      })
      server.once('error', reject)
      server.listen(0, '127.0.0.1', () => {
        this.server = server
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
      })
      // Tests end without closing every cloud; an idle storage listener must not keep them alive.
      server.unref()
    })
    return this.starting
  }

  close(): void {
    this.server?.close()
    if (this.given === null && this.dir) fs.rmSync(this.dir, { recursive: true, force: true })
  }
}

function encodePath(p: string): string {
  return p.split('/').map(encodeURIComponent).join('/')
}

function cosError(res: http.ServerResponse, status: number, code: string, message: string): void {
  const id = randomUUID()
  const xml =
    `<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message>` +
    `<Resource></Resource><RequestId>${id}</RequestId><TraceId>${id}</TraceId></Error>`
  res.writeHead(status, { 'content-type': 'application/xml' })
  res.end(xml)
}

function readLimited(req: http.IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= max) chunks.push(c)
    })
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Whole file, or one `Range: bytes=a-b` as COS answers it (206 with Content-Range). */
function sendFile(req: http.IncomingMessage, res: http.ServerResponse, file: string, type: string): void {
  const size = fs.statSync(file).size
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ''))
  let start = 0
  let end = size - 1
  let status = 200
  const headers: Record<string, string | number> = { 'content-type': type, 'accept-ranges': 'bytes' }
  if (range && size > 0 && (range[1] || range[2])) {
    if (range[1]) {
      start = Number(range[1])
      end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1
    } else {
      start = Math.max(0, size - Number(range[2]))
    }
    if (start > end || start >= size) {
      res.writeHead(416, { 'content-range': `bytes */${size}` })
      return void res.end()
    }
    status = 206
    headers['content-range'] = `bytes ${start}-${end}/${size}`
  }
  headers['content-length'] = size === 0 ? 0 : end - start + 1
  res.writeHead(status, headers)
  if (req.method === 'HEAD' || size === 0) return void res.end()
  fs.createReadStream(file, { start, end }).pipe(res)
}
