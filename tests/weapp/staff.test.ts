/**
 * A staff member at the door, through the compiled weapp's staff subpackage against the real functions:
 * the check-in code page shows a wxacode that opens the worker's check-in page, and the attendance list
 * marks a worker without a phone by hand (补签), with the reason and the staff member kept.
 */
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { extractCheckinToken } from '@core/contracts/checkin'
import { PINNED_NOW } from '../helpers/cloud'
import { waitUntil, type TaroNode } from './harness'
import { moveLesson, openCourse, stored, useWeapp } from './setup'

jest.setTimeout(60_000)

const STAFF = 'o_staff_demo'
const SCANNER = 'o_worker_007'
const NO_PHONE = 'o_worker_008'
const env = useWeapp(STAFF)
const now = PINNED_NOW

/** The first inline PNG on the page (an Image's src), read back to the text of its QR code. */
function readCode(root: TaroNode): string | null {
  const prefix = 'data:image/png;base64,'
  const walk = (node: TaroNode): string | null => {
    const src = Object.values(node).find((v) => typeof v === 'string' && v.startsWith(prefix)) as string | undefined
    if (src) {
      const png = PNG.sync.read(Buffer.from(src.slice(prefix.length), 'base64'))
      return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
    }
    for (const child of node.cn ?? []) {
      const found = walk(child)
      if (found) return found
    }
    return null
  }
  return walk(root)
}

describe('staff at the door on the weapp', () => {
  it('shows the rotating code, scans in one worker and marks 补签 for one without a phone', async () => {
    const courseId = openCourse(env, now)
    for (const worker of [SCANNER, NO_PHONE]) await env.as(worker, 'enrollment', 'enroll', { courseId })
    const lessonId = `${courseId}_l1`
    moveLesson(env, lessonId, now, 10)

    const code = env.open(`package-staff/pages/checkin-code/index?id=${lessonId}`)
    await code.waitForText('请用微信扫码签到')
    let scanned: string | null = null
    await waitUntil(
      () => (scanned = readCode(code.root())) !== null,
      () => `a readable code on the check-in code page; it shows ${code.texts().join(' | ')}`,
    )
    expect(scanned).toMatch(/^pages\/checkin\/index\?scene=/)
    const token = extractCheckinToken(scanned ?? '')
    expect(token).not.toBeNull()
    // The demo venue has coordinates: the worker's phone reports a position in the room.
    const { venue } = stored(env, 'courses', courseId) as { venue: { lat: number; lng: number } }
    const position = { latitude: venue.lat, longitude: venue.lng, accuracy: 20 }
    await env.as(SCANNER, 'checkin', 'checkIn', { code: token, position })
    code.close()

    // 补签 opens when the lesson has started.
    env.setNow(new Date(now.getTime() + 25 * 60_000))

    const list = env.open(`package-staff/pages/attendance/index?id=${lessonId}`)
    const name = String(env.demo.users.find((u) => u._id === NO_PHONE)?.name)
    await list.waitForText(name)
    await list.tap('补签')
    await list.waitForText(`为 ${name} 补签`)
    await list.tap('手机没电')
    await list.tap('确认补签')
    // The snackbar offers 撤销 for a few seconds instead of a toast.
    await list.waitForText('撤销')
    expect(stored(env, 'attendance', `${lessonId}_${NO_PHONE}`)).toMatchObject({
      openid: NO_PHONE,
      method: 'manual',
      reason: '手机没电',
    })
    expect(JSON.stringify(stored(env, 'attendance', `${lessonId}_${NO_PHONE}`))).toContain(STAFF)
    expect(stored(env, 'attendance', `${lessonId}_${SCANNER}`)).toMatchObject({ method: 'scan' })
  })
})
