import { ok, type Reply } from '@core/reply'
import type { Workbook } from '@core/contracts/outcomes'
import { inShanghai } from '@core/time'
import { callerMasks, type ReportDeps } from './deps'
import {
  categoryFigures,
  courseFigures,
  dayFigures,
  employerFigures,
  unmetDemand,
  type CourseFigures,
  type ProgrammeData,
} from './programme-figures'
import { mean, newWorkbook, rate, type Column } from './workbook'

export async function loadProgramme(deps: ReportDeps): Promise<ProgrammeData> {
  const r = deps.reports
  const [courses, lessons, checkInsByLesson, enrollments] = await Promise.all([
    r.courses(),
    r.lessons(),
    r.checkInsByLesson(),
    r.enrollmentsByCourseStatus(),
  ])
  const [byEmployer, certificatesByCourse, certificatesByEmployer, ratingsByCourse] = await Promise.all([
    r.byEmployer(),
    r.certificatesByCourse(),
    r.certificatesByEmployer(),
    r.ratingsByCourse(),
  ])
  return {
    courses,
    lessons,
    checkInsByLesson,
    enrollments,
    byEmployer,
    certificatesByCourse,
    certificatesByEmployer,
    ratingsByCourse,
  }
}

const FIGURE_COLUMNS: Column[] = [
  { header: '名额' },
  { header: '已报名' },
  { header: '报名职工' },
  { header: '候补' },
  { header: '保留名额过期' },
  { header: '课次' },
  { header: '已上课次' },
  { header: '应到人次' },
  { header: '签到人次' },
  { header: '迟到人次' },
  { header: '到课率', percent: true },
  { header: '结业人数' },
  { header: '结业率', percent: true },
  { header: '评价人数' },
  { header: '平均评分' },
]

const figureCells = (c: CourseFigures) => [
  c.capacity,
  c.seatsTaken,
  c.reached,
  c.waitlisted,
  c.expiredOffers,
  c.lessons,
  c.held,
  c.expected,
  c.checkIns,
  c.late,
  rate(c.checkIns, c.expected),
  c.certificates,
  rate(c.certificates, c.reached),
  c.ratings,
  mean(c.ratingSum, c.ratings),
]

const STATUS: Record<string, string> = { published: '已发布', cancelled: '已取消', draft: '草稿' }

/**
 * The whole programme in one workbook: per course, per category, per employer, per day, and unmet
 * demand. Every export is recorded (who, when). No personal data is in it, but the record is kept alike.
 */
function writeSheets(data: ProgrammeData, courses: CourseFigures[], now: Date) {
  const wb = newWorkbook()
  wb.sheet(
    '课程',
    [
      { header: '课程', width: 30 },
      { header: '分类' },
      { header: '讲师' },
      { header: '状态' },
      { header: '首次上课', width: 14 },
      ...FIGURE_COLUMNS,
    ],
    courses.map((c) => [
      c.title,
      c.category,
      c.instructor,
      STATUS[c.status] ?? c.status,
      inShanghai(c.firstLessonAt).format('YYYY-MM-DD'),
      ...figureCells(c),
    ]),
  )
  wb.sheet(
    '分类',
    [{ header: '分类', width: 16 }, ...FIGURE_COLUMNS],
    categoryFigures(courses).map((c) => [c.category, ...figureCells(c)]),
  )
  const employers = employerFigures(data)
  wb.sheet(
    '单位',
    [
      { header: '工作单位', width: 30 },
      { header: '登记职工' },
      { header: '报名职工' },
      { header: '覆盖率', percent: true },
      { header: '签到人次' },
      { header: '结业证书' },
    ],
    employers.map((e) => [e.employer, e.workers, e.reached, rate(e.reached, e.workers), e.checkIns, e.certificates]),
  )
  wb.sheet(
    '每日',
    [
      { header: '日期', width: 14 },
      { header: '课次' },
      { header: '应到人次' },
      { header: '签到人次' },
      { header: '到课率', percent: true },
    ],
    dayFigures(data, courses, now).map((d) => [d.day, d.lessons, d.expected, d.checkIns, rate(d.checkIns, d.expected)]),
  )
  wb.sheet(
    '未满足需求',
    [
      { header: '课程', width: 30 },
      { header: '分类' },
      { header: '名额' },
      { header: '候补' },
      { header: '保留名额过期' },
    ],
    unmetDemand(courses).map((u) => [u.title, u.category, u.capacity, u.waitlisted, u.expiredOffers]),
  )
  return wb
}

export async function programmeWorkbook(deps: ReportDeps, caller: string, now: Date): Promise<Reply<Workbook>> {
  const { role, masked } = await callerMasks(deps, caller)
  const data = await loadProgramme(deps)
  const courses = courseFigures(data, now)
  const wb = writeSheets(data, courses, now)
  const buffer = await wb.toBuffer()
  await deps.exportLog.record({
    by: caller,
    role,
    kind: 'programme',
    courseId: null,
    masked,
    rows: courses.length,
    bytes: buffer.length,
    at: now,
  })
  return ok({
    filename: `新质课堂-项目报表-${inShanghai(now).format('YYYYMMDD-HHmm')}.xlsx`,
    base64: buffer.toString('base64'),
    bytes: buffer.length,
    masked,
  })
}
