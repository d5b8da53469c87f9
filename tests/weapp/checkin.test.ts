/**
 * Checking in through the compiled weapp against the real functions: with the in-app scanner
 * (wx.scanCode reading the door's wxacode), and by opening the check-in page with the code as its
 * `scene`, as WeChat's own camera does.
 */
import { PINNED_NOW } from '../helpers/cloud'
import { moveLesson, openCourse, stored, useWeapp, type WeappEnv } from './setup'

jest.setTimeout(60_000)

const ME = 'o_worker_005'
const STAFF = 'o_staff_demo'
const env = useWeapp(ME)
const now = PINNED_NOW

/** Seats the worker in an open course whose first lesson starts in 10 minutes, and shows its code. */
async function lessonAtTheDoor(e: WeappEnv, skip: string[] = []): Promise<{ lessonId: string; token: string }> {
  const courseId = openCourse(e, now, 0, skip)
  await e.as(ME, 'enrollment', 'enroll', { courseId })
  const lessonId = `${courseId}_l1`
  moveLesson(e, lessonId, now, 10)
  // The demo venues have coordinates: the phone is in the room (GCJ-02, as WeChat reports it).
  const { venue } = stored(e, 'courses', courseId) as { venue: { lat: number; lng: number } }
  e.script.location = () => ({ latitude: venue.lat, longitude: venue.lng, accuracy: 25 })
  const code = await e.as<{ token: string; path: string }>(STAFF, 'checkin', 'issueCheckinCode', { lessonId })
  return { lessonId, token: code.token }
}

describe('checking in on the weapp', () => {
  const done: string[] = []

  it('scans the code at the door with the in-app scanner', async () => {
    const { lessonId, token } = await lessonAtTheDoor(env)
    done.push(lessonId.replace(/_l1$/, ''))
    const page = env.open('pages/checkin/index')

    // A worker who closes the scanner sends nothing.
    env.script.scan = () => null
    await page.tap('扫码签到')
    expect(env.script.seen.calls).not.toContain('checkin.checkIn')

    // WeChat's scanner reads its own wxacode as the page path with the token as scene.
    env.script.scan = () => ({ result: '', path: `pages/checkin/index?scene=${encodeURIComponent(token)}` })
    await page.tap('扫码签到')
    await page.waitForText('签到成功')
    expect(stored(env, 'attendance', `${lessonId}_${ME}`)).toMatchObject({ lessonId, openid: ME, late: false })
    expect(env.script.seen.calls).toContain('getLocation.gcj02')
  })

  it('is checked in by opening the page with the code as scene, and a second visit says already', async () => {
    const { lessonId, token } = await lessonAtTheDoor(env, done)
    done.push(lessonId.replace(/_l1$/, ''))
    const page = env.open(`pages/checkin/index?scene=${encodeURIComponent(token)}`)
    await page.waitForText('签到成功')
    expect(stored(env, 'attendance', `${lessonId}_${ME}`)).toMatchObject({ lessonId, openid: ME })
    page.close()

    const again = env.open(`pages/checkin/index?scene=${encodeURIComponent(token)}`)
    await again.waitForText('您已签到过了')
    expect(env.cloud.store.find('attendance', { openid: ME })).toHaveLength(2)
  })

  it('is refused when the worker will not share the location, and offers the personal code', async () => {
    const { lessonId, token } = await lessonAtTheDoor(env, done)
    env.script.location = () => 'deny'
    const page = env.open(`pages/checkin/index?scene=${encodeURIComponent(token)}`)
    await page.waitForText('没有获得位置权限')
    await page.waitForText('出示我的签到码')
    expect(stored(env, 'attendance', `${lessonId}_${ME}`)).toBeUndefined()
  })
})
