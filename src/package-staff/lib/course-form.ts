import {
  CATEGORIES,
  COURSE_LIMITS,
  DEFAULT_LEVEL,
  LEVELS,
  PRESENCE_RULES,
  inShanghai,
  shanghaiInstant,
  type CourseDetail,
  type CourseInput,
  type Industry,
  type Level,
  type PresenceMode,
  type VenueInput,
} from '@core'

export { COURSE_LIMITS }

export interface LessonFormValues {
  /** Stable React key; lessons have no id until the server stores them. */
  key: string
  date: string
  start: string
  end: string
  /** A lesson held somewhere else than the course venue; kept untouched when editing. */
  venue?: VenueInput
}

export interface CourseFormValues {
  id?: string
  title: string
  category: string
  instructor: string
  summary: string
  venueName: string
  venueAddress: string
  capacity: string
  opensDate: string
  opensTime: string
  closesDate: string
  closesTime: string
  cancelDeadlineHours?: number
  level: Level
  /** Empty: the course suits every industry. */
  industries: Industry[]
  /** A new course made from a course wish (转为课程草稿); saving marks the wish scheduled. */
  wishId?: string
  /** Check-in: the phone's position within `checkinRadius` metres of the venue ('location'), or not checked. */
  presence: PresenceMode
  checkinRadius: string
  /** The venue's coordinates (GCJ-02, as Tencent Maps and WeChat's map picker give them); blank: none. */
  venueLat: string
  venueLng: string
  lessons: LessonFormValues[]
}

/** Keys: a top-level field (`title`, `opens`…), `lessons`, or one lesson's part (`lessons.0.end`). */
export type CourseFormErrors = Record<string, string>

let lessonSeq = 0
export function newLesson(partial: Partial<LessonFormValues> = {}): LessonFormValues {
  lessonSeq += 1
  return { key: `lesson-${lessonSeq}`, date: '', start: '19:00', end: '21:00', ...partial }
}

export function emptyCourseForm(): CourseFormValues {
  return {
    title: '',
    category: '',
    instructor: '',
    summary: '',
    venueName: '',
    venueAddress: '',
    capacity: '',
    opensDate: '',
    opensTime: '09:00',
    closesDate: '',
    closesTime: '18:00',
    level: DEFAULT_LEVEL,
    industries: [],
    presence: 'location',
    checkinRadius: String(PRESENCE_RULES.defaultRadiusM),
    venueLat: '',
    venueLng: '',
    lessons: [newLesson()],
  }
}

/** A page parameter as sent: some platforms hand it over still encoded, some decoded. */
function param(value: string | undefined): string {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** The new-course form prefilled from a course wish: its title, category and detail, and the wish's id. */
export function wishCourseForm(params: Partial<Record<string, string>>): CourseFormValues | null {
  if (!params.wishId) return null
  const category = param(params.category)
  return {
    ...emptyCourseForm(),
    title: param(params.title),
    category: (CATEGORIES as readonly string[]).includes(category) ? category : '',
    summary: param(params.detail),
    wishId: param(params.wishId),
  }
}

const day = (at: string) => inShanghai(at).format('YYYY-MM-DD')
const clock = (at: string) => inShanghai(at).format('HH:mm')

function sameVenue(a: VenueInput, b: VenueInput): boolean {
  return a.name === b.name && a.address === b.address
}

export function courseFormFrom(course: CourseDetail): CourseFormValues {
  return {
    id: course.id,
    title: course.title,
    category: course.category,
    instructor: course.instructor,
    summary: course.summary,
    venueName: course.venue.name,
    venueAddress: course.venue.address,
    capacity: String(course.capacity),
    opensDate: day(course.enrollOpensAt),
    opensTime: clock(course.enrollOpensAt),
    closesDate: day(course.enrollClosesAt),
    closesTime: clock(course.enrollClosesAt),
    cancelDeadlineHours: course.cancelDeadlineHours,
    level: course.level,
    industries: [...course.industries],
    presence: course.presence ?? 'location',
    checkinRadius: String(course.checkinRadiusM ?? PRESENCE_RULES.defaultRadiusM),
    venueLat: course.venue.lat !== undefined ? String(course.venue.lat) : '',
    venueLng: course.venue.lng !== undefined ? String(course.venue.lng) : '',
    lessons: [...course.lessons]
      .sort((a, b) => a.index - b.index)
      .map((l) =>
        newLesson({
          date: day(l.startsAt),
          start: clock(l.startsAt),
          end: clock(l.endsAt),
          ...(sameVenue(l.venue, course.venue) ? {} : { venue: l.venue }),
        }),
      ),
  }
}

const chars = (s: string) => Array.from(s.trim()).length

function instant(date: string, time: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null
  const t = shanghaiInstant(date, time).getTime()
  return Number.isNaN(t) ? null : t
}

function lessonTimes(l: LessonFormValues): { start: number; end: number } | null {
  const start = instant(l.date, l.start)
  const end = instant(l.date, l.end)
  return start === null || end === null ? null : { start, end }
}

/** Lessons in time order, so the indices the server reports in an error match what staff see. */
export function sortLessons(lessons: LessonFormValues[]): LessonFormValues[] {
  const key = (l: LessonFormValues) => lessonTimes(l)?.start ?? Number.MAX_SAFE_INTEGER
  return [...lessons].sort((a, b) => key(a) - key(b))
}

/**
 * The server's rules with the server's words (server/admin/course-rules.ts), so staff never pass here and
 * fail there, and a message reads the same whichever side caught it.
 */
export function validateCourseForm(v: CourseFormValues): CourseFormErrors {
  const errors: CourseFormErrors = {}
  const text = (field: 'title' | 'summary' | 'instructor' | 'venueName' | 'venueAddress', label: string) => {
    const n = chars(v[field])
    const max = COURSE_LIMITS[field]
    if (n === 0) errors[field] = `请填写${label}`
    else if (n > max) errors[field] = `${label}不能超过 ${max} 个字`
  }
  text('title', '课程名称')
  if (!(CATEGORIES as readonly string[]).includes(v.category)) errors.category = '请选择课程类别'
  if (!(LEVELS as readonly string[]).includes(v.level)) errors.level = '请选择课程难度'
  text('instructor', '授课老师')
  text('summary', '课程简介')
  text('venueName', '上课地点名称')
  text('venueAddress', '上课地址')

  const { min, max } = COURSE_LIMITS.capacity
  const capacity = Number(v.capacity.trim())
  if (!/^\d+$/.test(v.capacity.trim()) || capacity < min || capacity > max) {
    errors.capacity = `名额应为 ${min}–${max} 之间的整数`
  }

  if (v.lessons.length < COURSE_LIMITS.lessons.min) errors.lessons = '请至少安排一节课'
  if (v.lessons.length > COURSE_LIMITS.lessons.max)
    errors.lessons = `一门课程最多安排 ${COURSE_LIMITS.lessons.max} 节课`
  const sound: { i: number; start: number; end: number }[] = []
  let firstStart: number | null = null
  v.lessons.forEach((l, i) => {
    if (!l.date) {
      errors[`lessons.${i}.date`] = '请选择上课日期'
      return
    }
    const times = lessonTimes(l)
    if (times && (firstStart === null || times.start < firstStart)) firstStart = times.start
    if (!times) errors[`lessons.${i}.start`] = '请选择上课和下课时间'
    else if (times.end <= times.start) errors[`lessons.${i}.end`] = '下课时间应晚于上课时间'
    else sound.push({ i, ...times })
  })
  sound.sort((a, b) => a.start - b.start)
  for (let k = 1; k < sound.length; k++) {
    if (sound[k].start < sound[k - 1].end) errors[`lessons.${sound[k].i}.start`] = '与另一节课的时间重叠'
  }

  Object.assign(errors, presenceErrors(v))

  const opens = instant(v.opensDate, v.opensTime)
  const closes = instant(v.closesDate, v.closesTime)
  if (opens === null) errors.opens = '请选择报名开始时间'
  if (closes === null) errors.closes = '请选择报名截止时间'
  else if (opens !== null && closes <= opens) errors.closes = '报名截止时间应晚于报名开始时间'
  else if (firstStart !== null && closes > firstStart) errors.closes = '报名截止时间不能晚于第一节课的上课时间'
  return errors
}

/** Both coordinates, or neither (then check-in cannot check location): null when blank or unreadable. */
export function venuePoint(v: Pick<CourseFormValues, 'venueLat' | 'venueLng'>): { lat: number; lng: number } | null {
  if (!v.venueLat.trim() || !v.venueLng.trim()) return null
  const lat = Number(v.venueLat.trim())
  const lng = Number(v.venueLng.trim())
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
    ? { lat, lng }
    : null
}

function presenceErrors(v: CourseFormValues): CourseFormErrors {
  const errors: CourseFormErrors = {}
  const { min, max } = PRESENCE_RULES.radiusM
  const r = Number(v.checkinRadius.trim())
  if (!/^\d+$/.test(v.checkinRadius.trim()) || r < min || r > max) {
    errors.checkinRadius = `签到范围应为上课地点 ${min}–${max} 米内`
  }
  const lat = v.venueLat.trim()
  const lng = v.venueLng.trim()
  if ((lat || lng) && !venuePoint(v)) errors.venueLat = '请填写正确的纬度和经度，如 30.2847 和 120.1613'
  return errors
}

const iso = (date: string, time: string) => shanghaiInstant(date, time).toISOString()

/** Form values → the contract's CourseInput. Call only after validateCourseForm found nothing. */
export function toCourseInput(v: CourseFormValues): CourseInput {
  const point = venuePoint(v)
  const venue = { name: v.venueName.trim(), address: v.venueAddress.trim(), ...(point ?? {}) }
  return {
    ...(v.id ? { id: v.id } : {}),
    title: v.title.trim(),
    category: v.category,
    summary: v.summary.trim(),
    instructor: v.instructor.trim(),
    venue,
    level: v.level,
    industries: v.industries,
    capacity: Number(v.capacity.trim()),
    enrollOpensAt: iso(v.opensDate, v.opensTime),
    enrollClosesAt: iso(v.closesDate, v.closesTime),
    ...(v.cancelDeadlineHours !== undefined ? { cancelDeadlineHours: v.cancelDeadlineHours } : {}),
    ...(v.wishId && !v.id ? { wishId: v.wishId } : {}),
    presence: v.presence,
    checkinRadiusM: Number(v.checkinRadius.trim()),
    lessons: v.lessons.map((l) => ({
      startsAt: iso(l.date, l.start),
      endsAt: iso(l.date, l.end),
      ...(l.venue ? { venue: l.venue } : {}),
    })),
  }
}

const SERVER_FIELDS: Record<string, string> = {
  title: 'title',
  category: 'category',
  level: 'level',
  industries: 'industries',
  instructor: 'instructor',
  summary: 'summary',
  capacity: 'capacity',
  venue: 'venueName',
  'venue.name': 'venueName',
  'venue.address': 'venueAddress',
  enrollOpensAt: 'opens',
  enrollClosesAt: 'closes',
  checkinRadiusM: 'checkinRadius',
  'venue.lat': 'venueLat',
  'venue.lng': 'venueLng',
  lessons: 'lessons',
}

/**
 * Maps the server's `error.field` (a path such as `course.venue.name` or `course.lessons.2.endsAt`) onto the
 * form key to highlight; null when it names nothing on the form.
 */
export function formKeyOf(serverField: string | undefined): string | null {
  if (!serverField) return null
  const path = serverField.replace(/\[(\d+)\]/g, '.$1').replace(/^course\./, '')
  const lesson = /^lessons\.(\d+)(?:\.(\w+))?/.exec(path)
  if (lesson) {
    const part = lesson[2] === 'endsAt' ? 'end' : lesson[2] === 'startsAt' ? 'start' : 'date'
    return `lessons.${lesson[1]}.${part}`
  }
  return SERVER_FIELDS[path] ?? null
}

/** The same weekday a week later, for a new lesson after the last one; '' when the date is not set. */
export function nextWeek(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return ''
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + 7)
  return d.toISOString().slice(0, 10)
}
