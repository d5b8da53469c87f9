/**
 * Cloud storage as a cloud function reaches it: the real wx-server-sdk's uploadFile, getTempFileURL,
 * downloadFile and deleteFile, files on disk, temporary URLs served by the gateway over loopback.
 */
import fs from 'node:fs'
import { startGateway, type Gateway } from './gateway'
import { LocalCloud } from './index'
import { LOCAL_BUCKET } from './storage'
import { LOCAL_ENV_ID } from './context'

type SdkError = { errCode: number; errMsg: string }

const lc = new LocalCloud()
const cloud = lc.sdk()
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
let gateway: Gateway

beforeAll(async () => {
  gateway = await startGateway(lc, { port: 0 })
})
afterAll(async () => {
  await gateway.close()
  lc.close()
})

type Item = { fileID: string; status: number; tempFileURL: string; errMsg?: string }
// The SDK's typings allow void (callback style); with promises it answers these shapes.
const tempUrls = async (fileList: (string | { fileID: string; maxAge: number })[]) =>
  (await cloud.getTempFileURL({ fileList })) as { fileList: Item[] }
const remove = async (fileList: string[]) => (await cloud.deleteFile({ fileList })) as unknown as { fileList: Item[] }

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3000, 7)])

it('uploads through the SDK, serves the bytes at a temporary URL on the gateway, then deletes', async () => {
  const up = await cloud.uploadFile({ cloudPath: 'materials/c1/handout.pdf', fileContent: PDF })
  expect(up.fileID).toBe(`cloud://${LOCAL_ENV_ID}.${LOCAL_BUCKET}/materials/c1/handout.pdf`)
  expect(lc.storage.read(up.fileID)?.equals(PDF)).toBe(true)

  const { fileList } = await tempUrls([{ fileID: up.fileID, maxAge: 600 }])
  expect(fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 })
  expect(fileList[0].tempFileURL.startsWith(gateway.url)).toBe(true)
  const res = await fetch(fileList[0].tempFileURL)
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/pdf')
  expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true)

  // A range read answers as COS does, so a function can look at a file's head without fetching it all.
  const head = await fetch(fileList[0].tempFileURL, { headers: { range: 'bytes=0-7' } })
  expect(head.status).toBe(206)
  expect(head.headers.get('content-range')).toBe(`bytes 0-7/${PDF.length}`)
  expect(Buffer.from(await head.arrayBuffer()).toString()).toBe('%PDF-1.7')

  const down = await cloud.downloadFile({ fileID: up.fileID })
  expect(Buffer.from(down.fileContent as Buffer).equals(PDF)).toBe(true)

  const del = await remove([up.fileID])
  expect(del.fileList).toEqual([{ fileID: up.fileID, status: 0, errMsg: 'ok' }])
  expect(lc.storage.exists(up.fileID)).toBe(false)
  expect((await fetch(fileList[0].tempFileURL)).status).toBe(404)
})

it('answers a missing file per item, as the platform does, and a download of it rejects', async () => {
  const missing = `cloud://${LOCAL_ENV_ID}.${LOCAL_BUCKET}/materials/none.pdf`
  const { fileList } = await tempUrls([missing])
  expect(fileList[0]).toMatchObject({ fileID: missing, status: -503003, tempFileURL: '' })
  const del = await remove([missing])
  expect(del.fileList[0]).toMatchObject({ fileID: missing, status: -503003 })
  const err = await cloud.downloadFile({ fileID: missing }).then(
    () => null,
    (e: SdkError) => e,
  )
  // The SDK itself folds the item's code into a generic -1 ('downloadFile:fail'): a caller cannot tell why.
  expect(err).toMatchObject({ errCode: -1, errMsg: expect.stringMatching(/^downloadFile:fail/) })
})

it('refuses a tampered or expired URL, and an upload URL replayed after it expired', async () => {
  const up = await cloud.uploadFile({ cloudPath: 'materials/c1/a.png', fileContent: Buffer.from('png') })
  const { fileList } = await tempUrls([{ fileID: up.fileID, maxAge: 60 }])
  const url = new URL(fileList[0].tempFileURL)
  url.pathname = url.pathname.replace('a.png', 'b.png')
  expect((await fetch(url)).status).toBe(403)
  const expired = new URL(fileList[0].tempFileURL)
  const t = Math.floor(Date.now() / 1000) - 1
  expired.searchParams.set('t', String(t))
  expired.searchParams.set('sign', lc.storage.sign('GET', 'materials/c1/a.png', t))
  expect((await fetch(expired)).status).toBe(403)
  const put = await fetch(new URL(`storage/${LOCAL_BUCKET}/materials/c1/x.pdf?upload=1&sign=00`, gateway.url), {
    method: 'PUT',
    body: 'x',
  })
  expect(put.status).toBe(403)
  expect(lc.storage.exists(lc.storage.fileId('materials/c1/x.pdf'))).toBe(false)
})

it('keeps files apart from any path outside the bucket', async () => {
  const err = await cloud.uploadFile({ cloudPath: '../escape.pdf', fileContent: PDF }).then(
    () => null,
    (e: SdkError) => e,
  )
  expect(err).not.toBeNull()
  expect(fs.existsSync(`${lc.storage.root}/escape.pdf`)).toBe(false)
})

it('takes an H5 upload at /dev/upload for a signed-in caller and answers its fileID', async () => {
  const post = (openid: string | null) =>
    fetch(new URL('dev/upload?cloudPath=materials/c2/h5.pdf', gateway.url), {
      method: 'POST',
      headers: openid ? { 'x-openid': openid } : {},
      body: PDF,
    })
  expect((await post(null)).status).toBe(401)
  const res = await post('o_staff_demo')
  const reply = (await res.json()) as { ok: boolean; data: { fileID: string } }
  expect(reply.data.fileID).toBe(lc.storage.fileId('materials/c2/h5.pdf'))
  expect(lc.storage.read(reply.data.fileID)?.equals(PDF)).toBe(true)
})

it('serves storage from its own loopback listener when no gateway runs', async () => {
  const alone = new LocalCloud()
  try {
    const up = await cloud.uploadFile({ cloudPath: 'materials/c3/solo.pdf', fileContent: PDF })
    const { fileList } = await tempUrls([up.fileID])
    expect(fileList[0].tempFileURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/storage\//)
    expect(Buffer.from(await (await fetch(fileList[0].tempFileURL)).arrayBuffer()).equals(PDF)).toBe(true)
  } finally {
    alone.close()
  }
})
