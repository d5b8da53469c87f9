/**
 * A realistic demo programme: about 100 courses over 100 days in Hangzhou, 200 workers with complete
 * profiles and one staff account. Deterministic (seeded), so screenshots and tests see the same data.
 */
import { CONSENT_VERSION } from '@core/contracts/user'
import { dayjs, ZONE } from '@core/time'
import { COLLECTIONS } from '../../server/collections'
import type { CourseDoc, VenueDoc } from '../../server/repos/course-repo'
import type { LessonDoc } from '../../server/repos/lesson-repo'
import type { EnrollmentDoc } from '../../server/repos/enrollment-repo'
import { ENROLL_RULES } from '@core/contracts/enrollment'
import { newUserDoc, type UserDoc } from '../../server/repos/user-repo'
import type { DocStore } from '../store'
import { lessonDocs, newCourse } from '../../server/admin/course-rules'
import { prng } from './random'
import { courseFit, workerIndustry } from './fit'

export const DEMO_STAFF_OPENID = 'o_staff_demo'
export const demoWorkerOpenId = (n: number) => `o_worker_${String(n).padStart(3, '0')}`
export const DEMO_WORKER_COUNT = 200
export const DEMO_COURSE_COUNT = 100

const VENUES: VenueDoc[] = [
  { name: '杭州市职工文化中心', address: '杭州市拱墅区中山北路 580 号', lat: 30.2847, lng: 120.1613 },
  { name: '杭工学堂·钱塘教学点', address: '杭州市钱塘区白杨街道 2 号大街 501 号', lat: 30.3095, lng: 120.3418 },
  { name: '杭州市总工会职工学校', address: '杭州市上城区解放路 138 号', lat: 30.2551, lng: 120.1739 },
  { name: '滨江区职工服务中心', address: '杭州市滨江区江南大道 3850 号', lat: 30.2085, lng: 120.2118 },
  { name: '余杭区工人文化宫', address: '杭州市余杭区临平大道 1000 号', lat: 30.4211, lng: 120.2995 },
  { name: '萧山区职工技能实训基地', address: '杭州市萧山区市心中路 818 号', lat: 30.1669, lng: 120.2703 },
]

const PROGRAMME: Record<string, { title: string; summary: string; instructor: string }[]> = {
  人工智能: [
    {
      title: 'DeepSeek 办公实战：写报告、做表格',
      summary: '从注册到熟练使用 DeepSeek，现场带练周报、总结、数据表格的快速生成与校对。',
      instructor: '陈思远（浙江省人工智能产业技术联盟讲师）',
    },
    {
      title: '提示词写作入门',
      summary: '掌握“角色-任务-要求-示例”四段式提示词，让 AI 一次就答到点子上。',
      instructor: '林晓雯（杭州某互联网公司 AI 产品经理）',
    },
    {
      title: 'AI 办公：一键生成 PPT 与海报',
      summary: '用国产大模型和 AI 设计工具，十分钟完成一份汇报 PPT 与一张活动海报。',
      instructor: '赵一鸣（职业院校信息技术教师）',
    },
    {
      title: 'AI 助手在班组管理中的应用',
      summary: '用 AI 排班、写安全交底、整理会议纪要，减轻一线班组长的文书负担。',
      instructor: '周建国（省级劳模创新工作室负责人）',
    },
  ],
  无人机: [
    {
      title: '无人机安全操作与法规',
      summary: '空域规定、实名登记、起降安全与应急处置，附模拟器实操。',
      instructor: '吴浩（CAAC 认证无人机教员）',
    },
    {
      title: '无人机航拍入门',
      summary: '构图、航线规划与后期剪辑，带你拍出城市与工地的高质量画面。',
      instructor: '孙静（航拍摄影师）',
    },
    {
      title: '无人机电力巡检实务',
      summary: '巡检流程、缺陷识别与报告编写，面向电力、通信行业职工。',
      instructor: '钱磊（国网系统高级技师）',
    },
  ],
  跨境电商: [
    {
      title: '跨境电商平台开店入门',
      summary: '主流平台规则、开店流程、商品上架与定价，手把手完成第一款商品。',
      instructor: '郑琳（跨境电商综试区培训讲师）',
    },
    {
      title: '海外短视频与直播带货',
      summary: '海外短视频平台的账号定位、脚本与直播话术，现场模拟一场直播。',
      instructor: '何佳（跨境直播运营总监）',
    },
    {
      title: '跨境物流、报关与收款',
      summary: '海外仓与直邮怎么选、报关单怎么填、收款如何合规。',
      instructor: '冯涛（外贸企业物流经理）',
    },
  ],
  工业机器人: [
    {
      title: '工业机器人安全与基础操作',
      summary: '机器人结构、安全规范与示教器基本操作，面向制造业一线职工。',
      instructor: '褚卫东（高级技师，省技术能手）',
    },
    {
      title: '工业机器人示教编程',
      summary: '点位示教、程序结构与常用指令，完成搬运与码垛任务。',
      instructor: '蒋文斌（职业技术学院副教授）',
    },
    {
      title: '机器人日常维护与故障排查',
      summary: '点检清单、润滑保养与常见报警处理，减少停机时间。',
      instructor: '沈国强（设备维修高级技师）',
    },
  ],
  数据分析: [
    {
      title: 'Excel 数据透视表速成',
      summary: '三小时学会透视表、切片器与常用函数，做出清楚的月报。',
      instructor: '韩雪（企业财务培训师）',
    },
    {
      title: '生产数据统计与看板制作',
      summary: '把产量、良率、能耗做成一目了然的看板，适合班组长与统计员。',
      instructor: '杨帆（制造业数字化顾问）',
    },
    {
      title: 'Python 数据分析入门',
      summary: '零基础安装到读取表格、清洗与画图，配合 AI 助手写代码。',
      instructor: '朱琦（高校数据科学讲师）',
    },
  ],
}

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '建国',
  '志强',
  '海燕',
  '晓东',
  '丽华',
  '国庆',
  '春梅',
  '文博',
  '雨萱',
]
const EMPLOYERS = [
  '杭州钱江精密机械有限公司',
  '杭州湾智能装备股份有限公司',
  '西湖区城市管理服务中心',
  '杭州运河物流集团',
  '萧山纺织印染有限公司',
  '滨江数字科技有限公司',
  '杭州地铁运营分公司',
  '余杭区社区卫生服务中心',
  '杭州新材料科技有限公司',
  '拱墅区快递物流服务站',
]

export interface DemoSeedOptions {
  /** The programme's first day; defaults to today in Shanghai. */
  start?: Date
  /**
   * Also enroll demo workers in the courses open for enrollment, so a fresh `npm start` shows a
   * programme in motion (filling courses, a few full with waitlists). Workers 001–010 are left free to
   * try things with. Tests seed without it and build the state they need.
   */
  activity?: boolean
}

export interface DemoProgramme {
  users: UserDoc[]
  courses: CourseDoc[]
  lessons: LessonDoc[]
}

export function demoProgramme(options: DemoSeedOptions = {}): DemoProgramme {
  const random = prng(20261126)
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]
  const start = dayjs(options.start ?? new Date())
    .tz(ZONE)
    .startOf('day')
  const createdAt = start.subtract(20, 'day').toDate()

  const consent = { version: CONSENT_VERSION, at: createdAt }
  const staff = { name: '王芳', phone: '13900000000', employer: '杭州市总工会职工服务部', memberNo: null, consent }
  const users: UserDoc[] = [newUserDoc(DEMO_STAFF_OPENID, staff, createdAt, 'staff')]
  for (let n = 1; n <= DEMO_WORKER_COUNT; n++) {
    const employer = EMPLOYERS[n % EMPLOYERS.length]
    const profile = {
      name: SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 13) % GIVEN.length],
      phone: `138${String(10000000 + n * 7919).slice(-8)}`,
      employer,
      memberNo: n % 3 === 0 ? null : `HZ${String(330100000 + n)}`,
      industry: workerIndustry(n, employer),
      consent,
    }
    users.push(newUserDoc(demoWorkerOpenId(n), profile, createdAt))
  }

  const categories = Object.keys(PROGRAMME)
  const courses: CourseDoc[] = []
  const lessons: LessonDoc[] = []
  const runs = new Map<string, number>()
  for (let i = 0; i < DEMO_COURSE_COUNT; i++) {
    const category = categories[i % categories.length]
    const template = PROGRAMME[category][Math.floor(i / categories.length) % PROGRAMME[category].length]
    const run = (runs.get(template.title) ?? 0) + 1
    runs.set(template.title, run)
    const id = `c${String(i + 1).padStart(3, '0')}`
    const venue = pick(VENUES)
    const lessonCount = 1 + Math.floor(random() * 4)
    // Spread first lessons over the 100 days; evenings on weekdays, mornings or afternoons at weekends.
    let day = start.add(1 + Math.floor((i * 96) / DEMO_COURSE_COUNT), 'day')
    const times: { startsAt: Date; endsAt: Date }[] = []
    for (let k = 0; k < lessonCount; k++) {
      const weekend = day.day() === 0 || day.day() === 6
      const [h, m, minutes] = weekend ? (random() < 0.5 ? [9, 30, 150] : [14, 0, 150]) : [19, 0, 120]
      const begin = day.hour(h).minute(m).second(0).millisecond(0)
      times.push({ startsAt: begin.toDate(), endsAt: begin.add(minutes, 'minute').toDate() })
      day = day.add(2 + Math.floor(random() * 5), 'day')
    }
    const first = dayjs(times[0].startsAt).tz(ZONE)
    const capacity = 30 + 10 * Math.floor(random() * 6)
    const draft = {
      title: run > 1 ? `${template.title}（第 ${run} 期）` : template.title,
      category,
      summary: template.summary,
      instructor: template.instructor,
      venue,
      ...courseFit(template.title),
      capacity,
      enrollOpensAt: first.subtract(14, 'day').hour(10).minute(0).toDate(),
      enrollClosesAt: first.subtract(2, 'hour').toDate(),
      cancelDeadlineHours: 24,
      lessons: times.map((t) => ({ ...t, venue: null })),
    }
    courses.push(newCourse(id, draft, 'published', createdAt))
    lessons.push(...lessonDocs(id, draft.lessons))
  }
  return { users, courses, lessons }
}

/** Replaces the store's content with the demo programme. */
export function seedDemo(store: DocStore, options: DemoSeedOptions = {}): DemoProgramme {
  const programme = demoProgramme(options)
  const enrollments = options.activity ? demoActivity(programme, options.start ?? new Date()) : []
  store.clear()
  store.insert(COLLECTIONS.users, programme.users)
  store.insert(COLLECTIONS.courses, programme.courses)
  store.insert(COLLECTIONS.lessons, programme.lessons)
  if (enrollments.length > 0) store.insert(COLLECTIONS.enrollments, enrollments)
  return programme
}

/**
 * Seats and waitlist places for the courses open now, written the way the enrollment function leaves
 * them: the course ledger, the records and each worker's claims agree, and nobody holds more than the
 * limit. Mutates the programme's courses and users in place; returns the enrollment records.
 */
function demoActivity(programme: DemoProgramme, at: Date): EnrollmentDoc[] {
  const random = prng(7)
  const now = at.getTime()
  const workers = programme.users.filter((u) => u.role === 'worker' && u._id > demoWorkerOpenId(10))
  const open = programme.courses.filter((c) => c.enrollOpensAt.getTime() <= now && c.enrollClosesAt.getTime() > now)
  const records: EnrollmentDoc[] = []
  let next = 0
  const take = (course: CourseDoc): UserDoc | null => {
    for (let tries = 0; tries < workers.length; tries++) {
      const u = workers[next++ % workers.length]
      if (u.activeCourses.length < ENROLL_RULES.maxActivePerWorker && !u.activeCourses.includes(course._id)) return u
    }
    return null
  }
  open.forEach((course, i) => {
    // Every fourth open course is full with people waiting; the others fill from a fifth to nine tenths.
    const full = i % 4 === 0
    const seats = full ? course.capacity : Math.floor(course.capacity * (0.2 + random() * 0.7))
    const waiting = full ? 3 + Math.floor(random() * 6) : 0
    for (let k = 0; k < seats + waiting; k++) {
      const u = take(course)
      if (!u) break
      const seated = k < seats
      if (seated) course.seats[u._id] = 'enrolled'
      else course.waitlist.push(u._id)
      u.activeCourses.push(course._id)
      u.claimedAt[course._id] = new Date(now - 3600_000)
      records.push({
        _id: `${course._id}_${u._id}`,
        courseId: course._id,
        openid: u._id,
        status: seated ? 'enrolled' : 'waitlisted',
        offerExpiresAt: null,
        createdAt: new Date(now - 3600_000),
        updatedAt: new Date(now - 3600_000),
      })
    }
    course.seatsTaken = Object.keys(course.seats).length
    course.seatsLeft = course.capacity - course.seatsTaken
    course.waitlistLength = course.waitlist.length
  })
  return records
}
