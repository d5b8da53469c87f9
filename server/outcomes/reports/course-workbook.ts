import { fail, ok, type Reply } from '@core/reply'
import type { Workbook } from '@core/contracts/outcomes'
import { formatCertificateCode, maskPhone, meetsCompletion } from '@core/rules/completion'
import { inShanghai } from '@core/time'
import type { AttendanceDoc } from '../../repos/attendance-repo'
import type { CourseDoc } from '../../repos/course-repo'
import { rulePercent } from '../certificates/settle-course'
import { callerMasks, type ReportDeps } from './deps'
import { newWorkbook } from './workbook'

const STATUS: Record<string, string> = {
  enrolled: '已报名',
  waitlisted: '候补',
  offered: '待确认',
  cancelled: '已取消',
  expired: '已过期',
}
const GONE = '已注销用户'

type Person = { name: string; phone: string; employer: string; memberNo: string | null }
type CourseData = Awaited<ReturnType<typeof loadCourse>>

async function loadCourse(deps: ReportDeps, courseId: string) {
  const [lessons, enrollments, certificates, summary, comments] = await Promise.all([
    deps.lessons.listByCourse(courseId),
    deps.enrollments.listAllByCourse(courseId),
    deps.certificates.listByCourse(courseId),
    deps.evaluations.summaryOfCourse(courseId),
    deps.evaluations.listByCourse(courseId, 100),
  ])
  const marks = new Map<string, AttendanceDoc>()
  for (const l of lessons) {
    for (const a of await deps.attendance.listByLesson(l._id)) marks.set(`${l._id}|${a.openid}`, a)
  }
  const people = new Map<string, Person>()
  const openids = enrollments.map((e) => e.openid)
  for (let i = 0; i < openids.length; i += 100) {
    for (const u of await deps.users.findByIds(openids.slice(i, i + 100))) people.set(u._id, u)
  }
  return { lessons, enrollments, certificates, summary, comments, marks, people }
}

function rosterRows(course: CourseDoc, d: CourseData, masked: boolean) {
  const certOf = new Map(d.certificates.filter((c) => c.openid).map((c) => [c.openid as string, c]))
  const percent = rulePercent(course)
  return d.enrollments.map((e) => {
    const p = d.people.get(e.openid)
    const attended = d.lessons.filter((l) => d.marks.has(`${l._id}|${e.openid}`))
    const late = attended.filter((l) => d.marks.get(`${l._id}|${e.openid}`)?.late).length
    const cert = certOf.get(e.openid)
    return [
      p?.name ?? GONE,
      p ? (masked ? maskPhone(p.phone) : p.phone) : '',
      p?.employer ?? '',
      p?.memberNo ?? '',
      STATUS[e.status] ?? e.status,
      attended.length,
      late,
      e.status === 'enrolled' && meetsCompletion(attended.length, d.lessons.length, percent) ? '是' : '否',
      cert ? formatCertificateCode(cert.code) : '',
      cert ? (cert.status === 'valid' ? '有效' : `已撤销：${cert.revokeReason ?? ''}`) : '',
    ]
  })
}

function attendanceRows(d: CourseData, now: Date) {
  const held = new Set(d.lessons.filter((l) => new Date(l.endsAt).getTime() <= now.getTime()).map((l) => l._id))
  return d.enrollments
    .filter((e) => e.status === 'enrolled')
    .map((e) => [
      d.people.get(e.openid)?.name ?? GONE,
      ...d.lessons.map((l) => {
        const a = d.marks.get(`${l._id}|${e.openid}`)
        if (a) return a.late ? '迟到' : '出勤'
        return held.has(l._id) ? '缺勤' : '未上'
      }),
    ])
}

/**
 * One course for its organisers: the roster with each worker's attendance and certificate, the
 * attendance per lesson, and the ratings. Phones masked unless the caller is an admin; recorded.
 */
export async function courseWorkbook(
  deps: ReportDeps,
  input: { courseId: string; caller: string },
  now: Date,
): Promise<Reply<Workbook>> {
  const course = await deps.courses.findById(input.courseId)
  if (!course) return fail('CATALOG.NOT_FOUND')
  const { role, masked } = await callerMasks(deps, input.caller)
  const d = await loadCourse(deps, course._id)
  const wb = newWorkbook()
  const roster = rosterRows(course, d, masked)
  const headers = [
    '姓名',
    '手机',
    '工作单位',
    '会员号',
    '报名状态',
    '出勤次数',
    '迟到次数',
    '达到结业要求',
    '证书编号',
    '证书状态',
  ]
  wb.sheet(
    '名单',
    headers.map((header) => ({ header, width: header === '工作单位' ? 28 : 14 })),
    roster,
  )
  wb.sheet(
    '考勤',
    [
      { header: '姓名' },
      ...d.lessons.map((l) => ({ header: `第${l.index}次 ${inShanghai(l.startsAt).format('M/D')}` })),
    ],
    attendanceRows(d, now),
  )
  wb.sheet(
    '评价',
    [{ header: '星级' }, { header: '人数 / 内容', width: 60 }],
    [
      ...[5, 4, 3, 2, 1].map((star) => [`${star} 星`, d.summary.distribution[star - 1]]),
      ['平均', d.summary.average],
      ...d.comments.filter((c) => c.comment).map((c) => [`${c.rating} 星`, c.comment]),
    ],
  )
  const buffer = await wb.toBuffer()
  const log = { by: input.caller, role, kind: 'course' as const, courseId: course._id, masked }
  await deps.exportLog.record({ ...log, rows: roster.length, bytes: buffer.length, at: now })
  return ok({
    filename: `${course.title}-名单考勤评价-${inShanghai(now).format('YYYYMMDD')}.xlsx`,
    base64: buffer.toString('base64'),
    bytes: buffer.length,
    masked,
  })
}
