/**
 * Stand-ins for the WeChat open APIs this project calls, answering in the SDK's protobuf envelope.
 * They enforce the platform's rules (template field formats, one-time subscription credits, scene
 * format) with the platform's error codes, so code that passes here is code that passes there.
 */
import protobuf from 'protobufjs'
import QRCode from 'qrcode'
import type Database from 'better-sqlite3'

const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
      },
    },
  },
})
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

export function decodeOpenApiRequest(buffer: Uint8Array): Record<string, unknown> {
  const msg = CommApiData.toObject(CommApiData.decode(buffer), { bytes: Buffer }) as {
    openapiData?: { pairs?: { key: string; value: Buffer }[] }
  }
  const out: Record<string, unknown> = {}
  for (const pair of msg.openapiData?.pairs ?? []) out[pair.key] = JSON.parse(pair.value.toString('utf8'))
  return out
}

function envelope(contentType: string, body: Buffer): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ respData: body, contentType })).finish())
}

/** The platform's own refusal of a call (e.g. -604101, no permission), before any API answers. */
export function errorEnvelope(errorCode: number): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ errorCode })).finish())
}

export const jsonEnvelope = (obj: unknown): Buffer => envelope('application/json', Buffer.from(JSON.stringify(obj)))

/** The documented test code for getPhoneNumber: `test_phone_` + an 11-digit mobile number. */
export const TEST_PHONE_CODE = /^test_phone_(1[3-9]\d{9})$/

async function getUnlimited(req: Record<string, unknown>): Promise<Buffer> {
  const scene = String(req.scene ?? '')
  const page = String(req.page ?? '')
  if (scene.length === 0 || scene.length > 32 || !/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/.test(scene)) {
    return jsonEnvelope({ errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' })
  }
  if (page.startsWith('/') || page.includes('?')) return jsonEnvelope({ errcode: 41030, errmsg: 'invalid page' })
  // The real code is a round wxacode; a QR code carrying the same page and scene is what a
  // browser-based scanner can read, and it decodes to the same launch parameters.
  const png = await QRCode.toBuffer(`${page}?scene=${encodeURIComponent(scene)}`, {
    width: Number(req.width ?? 430),
    margin: 2,
  })
  return envelope('image/png', png)
}

function getPhoneNumber(req: Record<string, unknown>): Buffer {
  const m = TEST_PHONE_CODE.exec(String(req.code ?? ''))
  if (!m) return jsonEnvelope({ errcode: 40029, errmsg: 'invalid code' })
  return jsonEnvelope({
    errcode: 0,
    errmsg: 'ok',
    phone_info: { phoneNumber: m[1], purePhoneNumber: m[1], countryCode: '86' },
  })
}

export function createOpenApi(db: Database.Database) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS platform_subscribe_credits (
      openid TEXT NOT NULL, template_id TEXT NOT NULL, credits INTEGER NOT NULL,
      PRIMARY KEY (openid, template_id)) WITHOUT ROWID;
    CREATE TABLE IF NOT EXISTS platform_outbox (
      seq INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, touser TEXT NOT NULL,
      template_id TEXT NOT NULL, page TEXT, data TEXT NOT NULL);
  `)

  /** What WeChat records when a worker taps 允许 in requestSubscribeMessage. */
  function grantSubscription(openid: string, templateId: string, count = 1): void {
    db.prepare(
      `INSERT INTO platform_subscribe_credits (openid, template_id, credits) VALUES (?, ?, ?)
       ON CONFLICT (openid, template_id) DO UPDATE SET credits = credits + excluded.credits`,
    ).run(openid, templateId, count)
  }

  function outbox(): {
    seq: number
    at: number
    touser: string
    templateId: string
    page: string | null
    data: unknown
  }[] {
    return (db.prepare('SELECT * FROM platform_outbox ORDER BY seq').all() as Record<string, unknown>[]).map((r) => ({
      seq: r.seq as number,
      at: r.at as number,
      touser: r.touser as string,
      templateId: r.template_id as string,
      page: (r.page as string | null) ?? null,
      data: JSON.parse(r.data as string),
    }))
  }

  async function call(apiName: string, req: Record<string, unknown>): Promise<Buffer> {
    switch (apiName) {
      case 'subscribeMessage.send':
        return jsonEnvelope(sendSubscribeMessage(req))
      case 'wxacode.getUnlimited':
        return getUnlimited(req)
      case 'phonenumber.getPhoneNumber':
        return getPhoneNumber(req)
      default:
        return jsonEnvelope({ errcode: 48001, errmsg: `api unauthorized (local cloud has no ${apiName})` })
    }
  }

  function sendSubscribeMessage(req: Record<string, unknown>): Record<string, unknown> {
    const touser = String(req.touser ?? '')
    const templateId = String(req.template_id ?? '')
    if (!touser) return { errcode: 40003, errmsg: 'invalid openid' }
    if (!templateId) return { errcode: 40037, errmsg: 'invalid template_id' }
    const data = (req.data ?? {}) as Record<string, { value?: unknown }>
    for (const [key, entry] of Object.entries(data)) {
      const problem = fieldProblem(key, entry?.value)
      if (problem) return { errcode: 47003, errmsg: `argument invalid! data.${key}.value ${problem}` }
    }
    const taken = db
      .prepare(
        'UPDATE platform_subscribe_credits SET credits = credits - 1 WHERE openid = ? AND template_id = ? AND credits > 0',
      )
      .run(touser, templateId)
    if (taken.changes === 0) return { errcode: 43101, errmsg: 'user refuse to accept the msg' }
    db.prepare('INSERT INTO platform_outbox (at, touser, template_id, page, data) VALUES (?, ?, ?, ?, ?)').run(
      Date.now(),
      touser,
      templateId,
      req.page === undefined ? null : String(req.page),
      JSON.stringify(data),
    )
    return { errcode: 0, errmsg: 'ok', msgid: Date.now() }
  }

  return { call, grantSubscription, outbox }
}

export type OpenApi = ReturnType<typeof createOpenApi>

/** The platform's value rules for template fields, by the field's type prefix. */
export function fieldProblem(key: string, raw: unknown): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return 'is empty'
  const value = String(raw)
  if (value.length === 0) return 'is empty'
  const type = key.replace(/\d+$/, '')
  const chars = [...value].length
  switch (type) {
    case 'thing':
      return chars > 20 ? 'exceeded length limit 20' : null
    case 'number':
      return /^[\d.]{1,32}$/.test(value) ? null : 'invalid number'
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value) ? null : 'invalid letter'
    case 'character_string':
      return chars <= 32 && /^[\x21-\x7e]+$/.test(value) ? null : 'invalid character_string'
    case 'time':
      return /^((\d{4}年)?\d{1,2}月\d{1,2}日 ?)?\d{1,2}:\d{2}(~\d{1,2}:\d{2})?$/.test(value) ||
        /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{2}$/.test(value)
        ? null
        : 'invalid time format'
    case 'date':
      return /^\d{4}年\d{1,2}月\d{1,2}日( \d{1,2}:\d{2})?$/.test(value) ? null : 'invalid date format'
    case 'phrase':
      return /^[\u4e00-\u9fa5]{1,5}$/.test(value) ? null : 'invalid phrase'
    case 'name':
      return chars <= 10 || (/^[A-Za-z ]+$/.test(value) && chars <= 20) ? null : 'exceeded length limit'
    case 'phone_number':
      return /^[\d+\-() ]{1,17}$/.test(value) ? null : 'invalid phone_number'
    case 'amount':
      return /^[¥$]?\d{1,10}(\.\d{1,2})?元?$/.test(value) ? null : 'invalid amount'
    case 'car_number':
      return chars <= 8 ? null : 'invalid car_number'
    case 'symbol':
      return chars <= 5 ? null : 'invalid symbol'
    default:
      return null
  }
}
