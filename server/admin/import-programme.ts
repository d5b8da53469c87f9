import { createHash } from 'node:crypto'
import { IMPORT_LIMITS, type ImportResult, type ImportRowError } from '@core/contracts/admin'
import { DEFAULT_LEVEL } from '@core/contracts/catalog'
import { ENROLL_RULES } from '@core/contracts/enrollment'
import { fail, ok, type Reply } from '@core/reply'
import { shanghaiInstant } from '@core/time'
import type { CourseDoc } from '../repos/course-repo'
import {
  capacityError,
  checkDetails,
  checkSchedule,
  length,
  lessonDocs,
  newCourse,
  type CourseDraft,
  type LessonDraft,
  type RuleError,
} from './course-rules'
import { parseCsv, type CsvRecord } from './csv'
import {
  checkHeader,
  COURSE_COLUMNS,
  industriesCell,
  label,
  levelCell,
  previewOf,
  toRow,
  type Column,
  type Row,
} from './import-columns'
import { DATE_HINT, DATETIME_HINT, parseDate, parseDateTime, parseTime, TIME_HINT } from './import-values'
import { inBatches, WRITE_CONCURRENCY, type AdminDeps } from './deps'

export interface ImportInput {
  csv: string
  dryRun?: boolean
}

const KEY_MAX = 40

/** The course's id follows from its course_key, so a retried import finds what an earlier try wrote. */
export function importedCourseId(courseKey: string): string {
  return `imp_${createHash('sha256').update(courseKey, 'utf8').digest('hex').slice(0, 16)}`
}

/** Where a course rule's field lives in the file. */
function locate(e: RuleError, rows: Row[]): { line: number; field: Column } {
  const lesson = /^lessons\.(\d+)\.(startsAt|endsAt)$/.exec(e.field)
  if (lesson)
    return { line: rows[Number(lesson[1])].line, field: lesson[2] === 'startsAt' ? 'lesson_start' : 'lesson_end' }
  const columns: Record<string, Column> = {
    'venue.name': 'venue_name',
    'venue.address': 'venue_address',
    enrollOpensAt: 'enroll_opens',
    enrollClosesAt: 'enroll_closes',
    lessons: 'course_key',
  }
  return { line: rows[0].line, field: columns[e.field] ?? (e.field as Column) }
}

function sameCourse(a: CourseDoc, b: CourseDoc): boolean {
  const t = (d: Date | string) => new Date(d).getTime()
  const industries = (c: CourseDoc) => [...(c.industries ?? [])].sort().join('、')
  return (
    (a.level ?? DEFAULT_LEVEL) === (b.level ?? DEFAULT_LEVEL) &&
    industries(a) === industries(b) &&
    a.title === b.title &&
    a.category === b.category &&
    a.summary === b.summary &&
    a.instructor === b.instructor &&
    a.venue.name === b.venue.name &&
    a.venue.address === b.venue.address &&
    a.capacity === b.capacity &&
    a.lessonCount === b.lessonCount &&
    t(a.enrollOpensAt) === t(b.enrollOpensAt) &&
    t(a.enrollClosesAt) === t(b.enrollClosesAt) &&
    t(a.firstLessonAt) === t(b.firstLessonAt) &&
    t(a.lastLessonAt) === t(b.lastLessonAt)
  )
}

interface Planned {
  id: string
  key: string
  line: number
  draft: CourseDraft
}

type Push = (line: number, field: Column, message: string) => void

/**
 * Reads the whole file and checks every row before writing anything, so staff get every problem, by
 * line and column, in one go. Then all or nothing: courses are written as invisible drafts, published
 * together at the end, and on a failure midway what this call wrote is removed again.
 */
export async function importProgramme(deps: AdminDeps, input: ImportInput, now: Date): Promise<Reply<ImportResult>> {
  const dryRun = input.dryRun ?? false
  if (new TextEncoder().encode(input.csv).length > IMPORT_LIMITS.bytes) {
    return fail('ADMIN.IMPORT_TOO_LARGE', { field: 'csv' })
  }
  const { records, problems } = parseCsv(input.csv)
  if (records.length - 1 > IMPORT_LIMITS.rows) return fail('ADMIN.IMPORT_TOO_LARGE', { field: 'csv' })
  const errors: ImportRowError[] = problems.map((p) => ({ line: p.line, field: '', message: p.message }))
  const refuse = () =>
    ok({ dryRun, imported: 0, alreadyImported: 0, courseIds: [], errors: errors.sort((a, b) => a.line - b.line) })

  const [header, ...body] = records
  const names = checkHeader(header, body, errors)
  if (!names) return refuse()
  const push: Push = (line, field, message) => errors.push({ line, field, message })
  const planned: Planned[] = []
  for (const [key, rows] of groupRows(body, names, push)) {
    const p = planCourse(key, rows, now, push)
    if (p) planned.push(p)
  }
  if (errors.length > 0) return refuse()

  const { existing, toWrite, alreadyImported } = await sortOutExisting(deps, planned, now, push)
  if (errors.length > 0) return refuse()
  const courseIds = planned.map((p) => p.id)
  if (!dryRun) {
    const failed = await writeAll(deps, toWrite, existing, now)
    if (failed) return failed
  }
  if (!dryRun) return ok({ dryRun, imported: toWrite.length, alreadyImported, courseIds, errors: [] })
  // The check before an import shows staff what it would create, course by course.
  const fresh = new Set(toWrite.map((p) => p.id))
  const preview = planned.map((p) => previewOf(p.draft, !fresh.has(p.id)))
  return ok({ dryRun, imported: toWrite.length, alreadyImported, courseIds, preview, errors: [] })
}

/** Rows by course_key, in file order; rows that cannot belong to a course are reported. */
function groupRows(body: CsvRecord[], names: string[], push: Push): Map<string, Row[]> {
  const groups = new Map<string, Row[]>()
  for (const record of body) {
    if (record.fields.length !== names.length) {
      push(
        record.line,
        '' as Column,
        `这一行有 ${record.fields.length} 列，表头有 ${names.length} 列；内容里有英文逗号时请用英文双引号把整格括起来`,
      )
      continue
    }
    const row = toRow(record, names)
    if (!row.course_key) {
      push(row.line, 'course_key', `请填写${label('course_key')}（同一门课的各行填相同的值）`)
      continue
    }
    if (length(row.course_key) > KEY_MAX) {
      push(row.line, 'course_key', `${label('course_key')}不能超过 ${KEY_MAX} 个字`)
      continue
    }
    const group = groups.get(row.course_key)
    if (group) group.push(row)
    else groups.set(row.course_key, [row])
  }
  return groups
}

/** One course from its rows, or null with every problem of those rows recorded. */
function planCourse(key: string, rows: Row[], now: Date, push: Push): Planned | null {
  const first = rows[0]
  let failed = false
  const report: Push = (line, field, message) => {
    failed = true
    push(line, field, message)
  }
  for (const row of rows.slice(1)) {
    for (const col of COURSE_COLUMNS) {
      // A blank cell on a later row of the course means "as above".
      if (row[col] === '') row[col] = first[col]
      else if (row[col] !== first[col]) {
        report(
          row.line,
          col,
          `与第 ${first.line} 行（同一门课 ${key}）的${label(col)}不一致；同一门课的各行课程信息须相同`,
        )
      }
    }
  }
  const capacity = /^\d{1,4}$/.test(first.capacity) ? Number(first.capacity) : null
  if (capacity === null) report(first.line, 'capacity', capacityError('capacity', NaN)!.message)
  const opens = parseDateTime(first.enroll_opens)
  if (!opens) report(first.line, 'enroll_opens', `报名开始时间${DATETIME_HINT}`)
  const closes = parseDateTime(first.enroll_closes)
  if (!closes) report(first.line, 'enroll_closes', `报名截止时间${DATETIME_HINT}`)
  const details = {
    title: first.title,
    category: first.category,
    summary: first.summary,
    instructor: first.instructor,
    venue: { name: first.venue_name, address: first.venue_address },
    level: levelCell(first.level),
    industries: industriesCell(first.industries),
  }
  const located = (e: RuleError) => {
    const at = locate(e, rows)
    report(at.line, at.field, e.message)
  }
  checkDetails(capacity === null ? details : { ...details, capacity }).forEach(located)
  const lessons = rows.map((row) => parseLesson(row, report))
  checkSchedule({ enrollOpensAt: opens, enrollClosesAt: closes, lessons }, { now }).forEach(located)
  if (failed || capacity === null || !opens || !closes) return null
  const draft: CourseDraft = {
    ...details,
    capacity,
    enrollOpensAt: opens,
    enrollClosesAt: closes,
    cancelDeadlineHours: ENROLL_RULES.cancelDeadlineHours,
    lessons: lessons.filter((l) => l !== null),
  }
  return { id: importedCourseId(key), key, line: first.line, draft }
}

function parseLesson(row: Row, report: Push): LessonDraft | null {
  const date = parseDate(row.lesson_date)
  if (!date) report(row.line, 'lesson_date', `上课日期${DATE_HINT}`)
  const start = parseTime(row.lesson_start)
  if (!start) report(row.line, 'lesson_start', `上课时间${TIME_HINT}`)
  const end = parseTime(row.lesson_end)
  if (!end) report(row.line, 'lesson_end', `下课时间${TIME_HINT}`)
  return date && start && end
    ? { startsAt: shanghaiInstant(date, start), endsAt: shanghaiInstant(date, end), venue: null }
    : null
}

/** A course_key seen before: the same course again is a retry (leave it); anything else is a mistake. */
async function sortOutExisting(deps: AdminDeps, planned: Planned[], now: Date, push: Push) {
  const existing = new Map<string, CourseDoc>()
  for (let i = 0; i < planned.length; i += 100) {
    for (const c of await deps.courses.findByIds(planned.slice(i, i + 100).map((p) => p.id))) existing.set(c._id, c)
  }
  const toWrite: Planned[] = []
  let alreadyImported = 0
  for (const p of planned) {
    const found = existing.get(p.id)
    if (!found || found.status === 'draft') toWrite.push(p)
    else if (found.status === 'published' && sameCourse(found, newCourse(p.id, p.draft, 'published', now))) {
      alreadyImported++
    } else {
      push(
        p.line,
        'course_key',
        `课程编号「${p.key}」已用于之前导入的课程「${found.title}」；修改该课程请到课程管理中编辑，新课程请换一个课程编号`,
      )
    }
  }
  return { existing, toWrite, alreadyImported }
}

/** Writes drafts, then publishes them together; on a failure removes what this call wrote. */
async function writeAll(
  deps: AdminDeps,
  toWrite: Planned[],
  existing: Map<string, CourseDoc>,
  now: Date,
): Promise<Reply<never> | null> {
  try {
    // Every write of a batch settles before a failure is acted on: a rollback must not race a late insert.
    const failures = await inBatches(toWrite, WRITE_CONCURRENCY, async (p) => {
      try {
        // A draft under this id was left by an earlier try that failed: it was never visible, replace it.
        if (existing.get(p.id)?.status === 'draft') await deps.courses.removeDraft(p.id)
        await deps.lessons.saveForCourse(p.id, lessonDocs(p.id, p.draft.lessons))
        await deps.courses.insert(newCourse(p.id, p.draft, 'draft', now))
        return null
      } catch (err) {
        return err
      }
    })
    const failure = failures.find((f) => f !== null)
    if (failure) throw failure
    await deps.courses.publishDrafts(
      toWrite.map((p) => p.id),
      now,
    )
    return null
  } catch (err) {
    console.error('import failed midway; removing what it wrote', err)
    await inBatches(toWrite, WRITE_CONCURRENCY, async (p) => {
      await deps.courses.removeUnjoined(p.id, now)
      if (!(await deps.courses.findById(p.id))) await deps.lessons.removeByCourse(p.id)
    })
    return fail('COMMON.INTERNAL', { message: '导入中途出错，已撤销本次导入的全部课程，请稍后重试' })
  }
}
