import { distanceM, judgePosition, locationRequired, PRESENCE_RULES } from './presence'

const VENUE = { lat: 30.2741, lng: 120.1551 }
const M_PER_DEG_LAT = (6_371_008.8 * Math.PI) / 180
/** A point `m` metres due north of the venue. */
const north = (m: number) => ({ lat: VENUE.lat + m / M_PER_DEG_LAT, lng: VENUE.lng })
const at = (m: number, accuracy: number) => ({ latitude: north(m).lat, longitude: VENUE.lng, accuracy })

describe('distanceM', () => {
  it('measures along a meridian to the centimetre and is symmetric', () => {
    expect(distanceM(VENUE, north(300))).toBeCloseTo(300, 1)
    expect(distanceM(north(300), VENUE)).toBeCloseTo(300, 1)
    expect(distanceM(VENUE, VENUE)).toBe(0)
  })
  it('knows a degree of longitude shrinks with latitude (Hangzhou ≈ 96 km, equator ≈ 111 km)', () => {
    expect(distanceM(VENUE, { lat: VENUE.lat, lng: VENUE.lng + 1 }) / 1000).toBeCloseTo(96.1, 0)
    expect(distanceM({ lat: 0, lng: 0 }, { lat: 0, lng: 1 }) / 1000).toBeCloseTo(111.2, 0)
  })
  it('gives Hangzhou–Shanghai about 165 km', () => {
    expect(distanceM(VENUE, { lat: 31.2304, lng: 121.4737 }) / 1000).toBeCloseTo(165, -1)
  })
})

describe('judgePosition (radius 300 m)', () => {
  it('accepts inside the radius with a precise fix, and at the radius itself', () => {
    expect(judgePosition(VENUE, 300, at(0, 10))).toMatchObject({ ok: true })
    expect(judgePosition(VENUE, 300, at(299.9, 0))).toMatchObject({ ok: true })
  })
  it('stretches the fence by the accuracy, capped at 100 m', () => {
    expect(judgePosition(VENUE, 300, at(349.9, 50))).toMatchObject({ ok: true })
    expect(judgePosition(VENUE, 300, at(350.1, 50))).toMatchObject({ ok: false, reason: 'too_far' })
    expect(judgePosition(VENUE, 300, at(399.9, 400))).toMatchObject({ ok: true })
    expect(judgePosition(VENUE, 300, at(400.1, 400))).toMatchObject({ ok: false, reason: 'too_far' })
  })
  it('refuses a fix vaguer than 500 m however close it claims to be', () => {
    expect(judgePosition(VENUE, 300, at(0, PRESENCE_RULES.maxAccuracyM))).toMatchObject({ ok: true })
    expect(judgePosition(VENUE, 300, at(0, PRESENCE_RULES.maxAccuracyM + 0.1))).toMatchObject({
      ok: false,
      reason: 'too_coarse',
    })
    expect(judgePosition(VENUE, 300, at(0, Number.NaN))).toMatchObject({ ok: false, reason: 'too_coarse' })
    expect(judgePosition(VENUE, 300, at(0, -1))).toMatchObject({ ok: false, reason: 'too_coarse' })
  })
  it('refuses a phone in another city and says how far it was', () => {
    const far = judgePosition(VENUE, 300, { latitude: 31.2304, longitude: 121.4737, accuracy: 20 })
    expect(far.ok).toBe(false)
    expect(far.distanceM).toBeGreaterThan(160_000)
  })
})

describe('locationRequired', () => {
  it('is on by default wherever the venue has coordinates, and off without them or when staff turn it off', () => {
    expect(locationRequired(undefined, VENUE)).toBe(true)
    expect(locationRequired('location', VENUE)).toBe(true)
    expect(locationRequired('none', VENUE)).toBe(false)
    expect(locationRequired('location', { lat: undefined, lng: undefined })).toBe(false)
    expect(locationRequired('location', null)).toBe(false)
    expect(locationRequired('location', { lat: 91, lng: 0 })).toBe(false)
  })
})
