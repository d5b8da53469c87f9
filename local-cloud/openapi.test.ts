/**
 * The open-API stand-ins as a cloud function reaches them: through the real wx-server-sdk's
 * cloud.openapi, protobuf envelope and all, answering with the platform's error codes.
 */
import jsQR from 'jsqr'
import { LocalCloud } from './index'

// pngjs ships no typings; this is the one call used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } }
}

type SdkError = { errCode: number; errMsg: string }

const lc = new LocalCloud()
const cloud = lc.sdk()
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

const TEMPLATE = 'tpl_lesson_reminder'
const OPENID = 'o_worker_001'

async function caught(promise: Promise<unknown>): Promise<SdkError> {
  try {
    await promise
  } catch (err) {
    return err as SdkError
  }
  throw new Error('expected the call to be refused')
}

const validData = {
  thing1: { value: 'DeepSeek 办公实战' },
  time2: { value: '2026年12月1日 19:00' },
  phrase3: { value: '即将开始' },
}

const send = (data: Record<string, { value: string }> = validData, touser = OPENID) =>
  cloud.openapi.subscribeMessage.send({
    touser,
    templateId: TEMPLATE,
    page: 'pages/course/detail?id=c001',
    data,
    miniprogramState: 'developer',
  })

afterAll(() => lc.close())

describe('subscribeMessage.send', () => {
  it('refuses with 43101 when the worker granted no credit', async () => {
    const err = await caught(send(validData, 'o_never_subscribed'))
    expect(err.errCode).toBe(43101)
    expect(lc.openapi.outbox().filter((m) => m.touser === 'o_never_subscribed')).toHaveLength(0)
  })

  it('delivers one message per granted credit, then refuses the next', async () => {
    lc.openapi.grantSubscription(OPENID, TEMPLATE)
    const first = await send()
    expect(first.errCode).toBe(0)
    const delivered = lc.openapi.outbox().filter((m) => m.touser === OPENID)
    expect(delivered).toHaveLength(1)
    expect(delivered[0]).toMatchObject({
      templateId: TEMPLATE,
      page: 'pages/course/detail?id=c001',
      data: validData,
    })
    const err = await caught(send())
    expect(err.errCode).toBe(43101)
    expect(lc.openapi.outbox().filter((m) => m.touser === OPENID)).toHaveLength(1)
  })

  it('accepts a thing of exactly 20 characters', async () => {
    lc.openapi.grantSubscription('o_boundary', TEMPLATE)
    const res = await send({ ...validData, thing1: { value: '二'.repeat(20) } }, 'o_boundary')
    expect(res.errCode).toBe(0)
  })

  it.each([
    ['thing1', { thing1: { value: '这是一个超过二十个字符长度限制的课程名称标题' } }],
    ['time2', { time2: { value: '12/01 7pm' } }],
    ['phrase3', { phrase3: { value: 'soon' } }],
  ])('refuses template data with 47003 naming the bad field %s', async (field, bad) => {
    lc.openapi.grantSubscription('o_fields', TEMPLATE)
    const err = await caught(send({ ...validData, ...bad }, 'o_fields'))
    expect(err.errCode).toBe(47003)
    expect(err.errMsg).toContain(field)
  })
})

describe('wxacode.getUnlimited', () => {
  it('returns a PNG that scans to the page with the encoded scene', async () => {
    const scene = 'l=c001_l1&k=Ab3'
    const res = (await cloud.openapi.wxacode.getUnlimited({ scene, page: 'pages/checkin/index' })) as {
      contentType: string
      buffer: Buffer
    }
    expect(res.contentType).toBe('image/png')
    const png = PNG.sync.read(Buffer.from(res.buffer))
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
    expect(code?.data).toBe(`pages/checkin/index?scene=${encodeURIComponent(scene)}`)
  })

  it('refuses a scene longer than 32 characters with 40169', async () => {
    const err = await caught(cloud.openapi.wxacode.getUnlimited({ scene: 'x'.repeat(33), page: 'pages/checkin/index' }))
    expect(err.errCode).toBe(40169)
  })
})

describe('phonenumber.getPhoneNumber', () => {
  it('resolves a test code to the phone number it carries', async () => {
    const res = (await cloud.openapi.phonenumber.getPhoneNumber({ code: 'test_phone_13800138000' })) as {
      phoneInfo: { purePhoneNumber: string; countryCode: string }
    }
    expect(res.phoneInfo.purePhoneNumber).toBe('13800138000')
    expect(res.phoneInfo.countryCode).toBe('86')
  })

  it('refuses an unknown code with 40029', async () => {
    const err = await caught(cloud.openapi.phonenumber.getPhoneNumber({ code: 'not-a-real-code' }))
    expect(err.errCode).toBe(40029)
  })
})
