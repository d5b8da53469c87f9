/**
 * Was the worker's phone in the room? A check-in code proves only that someone saw it: a screenshot
 * travels in seconds. Where the venue has coordinates, the phone's position must lie within the
 * course's radius of it. Venue coordinates and phone positions are both GCJ-02 (WeChat's
 * `getLocation({type:'gcj02'})` and the map pickers staff use); comparing GCJ-02 with GCJ-02 is exact
 * enough at this scale, mixing it with WGS-84 would be off by several hundred metres in China.
 */

export const PRESENCE_RULES = {
  /** Default fence around the venue. */
  defaultRadiusM: 300,
  /** What staff may set on a course. */
  radiusM: { min: 50, max: 2000 },
  /** A fix vaguer than this says nothing about the room (cell-tower positions are often 1–3 km). */
  maxAccuracyM: 500,
  /** A fair allowance for the phone's own error, capped so a vague fix cannot stretch the fence far. */
  accuracyAllowanceM: 100,
} as const

/** How a lesson's check-in proves presence: the phone's position, or nothing beyond the code. */
export type PresenceMode = 'location' | 'none'

export interface GeoPoint {
  lat: number
  lng: number
}

export interface PhonePosition {
  latitude: number
  longitude: number
  /** Metres, as the phone reports it (radius of 68 % confidence). */
  accuracy: number
}

const EARTH_RADIUS_M = 6_371_008.8
const rad = (deg: number) => (deg * Math.PI) / 180

/** Great-circle distance in metres (haversine). */
export function distanceM(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.lat - a.lat)
  const dLng = rad(b.lng - a.lng)
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

export function isGeoPoint(p: { lat?: number; lng?: number } | null | undefined): p is GeoPoint {
  return (
    !!p &&
    typeof p.lat === 'number' &&
    typeof p.lng === 'number' &&
    Number.isFinite(p.lat) &&
    Number.isFinite(p.lng) &&
    Math.abs(p.lat) <= 90 &&
    Math.abs(p.lng) <= 180
  )
}

/** Location is checked when the course asks for it (the default) and the venue can be found on a map. */
export function locationRequired(
  mode: PresenceMode | undefined,
  venue: { lat?: number; lng?: number } | null,
): boolean {
  return (mode ?? 'location') === 'location' && isGeoPoint(venue)
}

export type PositionVerdict =
  { ok: true; distanceM: number } | { ok: false; reason: 'too_coarse' | 'too_far'; distanceM: number }

/**
 * Strict but fair: a fix vaguer than maxAccuracyM is refused outright; otherwise the phone may be
 * up to radius + min(accuracy, accuracyAllowanceM) metres from the venue.
 */
export function judgePosition(venue: GeoPoint, radiusM: number, pos: PhonePosition): PositionVerdict {
  const d = distanceM(venue, { lat: pos.latitude, lng: pos.longitude })
  if (!(pos.accuracy >= 0) || pos.accuracy > PRESENCE_RULES.maxAccuracyM) {
    return { ok: false, reason: 'too_coarse', distanceM: d }
  }
  const allowance = Math.min(pos.accuracy, PRESENCE_RULES.accuracyAllowanceM)
  return d <= radiusM + allowance ? { ok: true, distanceM: d } : { ok: false, reason: 'too_far', distanceM: d }
}
