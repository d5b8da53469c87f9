/**
 * Check-in at the door, in a real browser on the H5 build against the real functions: staff put up the
 * rotating code, a worker's phone opens the page the code points to, and the staff screen counts them in.
 */
import { extractCheckinToken } from '@core/contracts/checkin'
import { at, moveLesson, openCourse, readFreshCheckinQr, shot, storedDoc, useE2e } from './helpers'

jest.setTimeout(60_000)

const env = useE2e()

describe('check-in journey', () => {
  it('staff show the code, a worker opens it and is checked in, and the staff screen counts them', async () => {
    const worker = 'o_worker_042'
    const courseId = openCourse(env)
    const lessonId = `${courseId}_l1`
    const enrolled = await env.cloud.call<{ ok: boolean }>(
      'enrollment',
      { action: 'enroll', courseId },
      { OPENID: worker },
    )
    expect(enrolled.ok).toBe(true)
    moveLesson(env, lessonId, 10)

    // Staff put the code up at the door.
    const staff = await env.phone('o_staff_demo')
    await staff.goto(at(env, `/package-staff/pages/checkin-code/index?id=${lessonId}`))
    const image = staff.locator('.xz-staff-code__qr img')
    await image.waitFor()
    await staff
      .locator('.xz-staff-code__counter-summary', { hasText: '已签到 0 / 应到 1' })
      .waitFor({ state: 'attached' })
    await shot(staff, 'checkin-code')

    // What a phone camera reads off the screen: the check-in page with the token as its scene.
    const scanned = await readFreshCheckinQr(image)
    expect(scanned).toMatch(/^pages\/checkin\/index\?scene=/)
    const token = extractCheckinToken(scanned)
    expect(token).not.toBeNull()

    // The demo venues have coordinates: the worker's phone is in the room and shares its position.
    const venue = (storedDoc(env, 'courses', courseId) as { venue: { lat: number; lng: number } }).venue
    const phone = await env.phone(worker)
    await phone.context().grantPermissions(['geolocation'], { origin: new URL(env.url).origin })
    await phone.context().setGeolocation({ latitude: venue.lat, longitude: venue.lng, accuracy: 20 })
    await phone.goto(at(env, `/pages/checkin/index?scene=${encodeURIComponent(token ?? '')}`))
    await phone.getByText('签到成功').waitFor()
    await phone.locator('.xz-checkin-result__title').waitFor()
    await shot(phone, 'checkin-success')

    // The staff screen polls every 5 s: it catches up without a reload.
    await staff
      .locator('.xz-staff-code__counter-summary', { hasText: '已签到 1 / 应到 1' })
      .waitFor({ state: 'attached', timeout: 15_000 })

    expect(storedDoc(env, 'attendance', `${lessonId}_${worker}`)).toMatchObject({
      lessonId,
      courseId,
      openid: worker,
      method: 'scan',
      late: false,
    })

    // A second scan of the same code answers "already", with the first time.
    await phone.reload()
    await phone.getByText('您已签到过了').waitFor()
    await shot(phone, 'checkin-already')
  })
})
