import { COLLECTIONS } from '../../server/collections'
import type { LocalCloud } from '../../local-cloud'
import type {
  CourseEvaluations,
  EvaluationTodo,
  EvaluationView,
  InstructorRatings,
  MyEvaluation,
} from '@core/contracts/outcomes'
import { callAs, pinClock, PINNED_NOW, startTestCloud } from '../helpers/cloud'
import { seedFinishedCourse, seedWorkers } from '../helpers/outcomes-fixture'

const STAFF = 'o_staff_evals'
const [A, B, C, D] = ['o_eval_a', 'o_eval_b', 'o_eval_c', 'o_eval_d']
const HOUR = 3600_000
const DAY = 24 * HOUR

let cloud: LocalCloud
beforeAll(async () => {
  ;({ cloud } = await startTestCloud())
})
afterEach(() => jest.useRealTimers())
afterAll(() => cloud.close())

/** Two finished courses by two instructors, and one still running. D never came to anything. */
function seed() {
  cloud.store.clear()
  seedWorkers(cloud.store, [A, B, C, D], PINNED_NOW)
  cloud.store.insert(COLLECTIONS.users, [{ _id: STAFF, role: 'staff', name: '王芳', consent: {} }])
  const ended = new Date(PINNED_NOW.getTime() - HOUR)
  seedFinishedCourse(cloud.store, {
    courseId: 'e1',
    lessons: 3,
    lastEndsAt: ended,
    attendance: { [A]: [1], [B]: [1, 2, 3], [C]: [2], [D]: [] },
  })
  seedFinishedCourse(cloud.store, { courseId: 'e2', lessons: 1, lastEndsAt: ended, attendance: { [A]: [1] } })
  cloud.store.update(
    COLLECTIONS.courses,
    { _id: 'e2' },
    { $set: { instructor: '陈老师' } },
    { multi: false, merge: true, upsert: false },
  )
  seedFinishedCourse(cloud.store, {
    courseId: 'e3',
    lessons: 2,
    lastEndsAt: new Date(PINNED_NOW.getTime() + DAY),
    attendance: { [A]: [1] },
  })
}

const rate = (openid: string, courseId: string, rating: number, comment?: string) =>
  callAs<{ evaluation: EvaluationView }>(cloud, openid, 'outcomes', 'evaluateCourse', {
    courseId,
    rating,
    ...(comment === undefined ? {} : { comment }),
  })

it('takes one rating per worker per course, from workers who came, once the course is over', async () => {
  seed()
  pinClock()
  expect(await rate(A, 'e1', 4, '讲得很实用')).toMatchObject({ ok: true, data: { evaluation: { rating: 4 } } })
  expect(await rate(A, 'e1', 5, '第二次上手更熟练了')).toMatchObject({
    ok: true,
    data: { evaluation: { rating: 5, comment: '第二次上手更熟练了' } },
  })
  expect(cloud.store.count(COLLECTIONS.evaluations, { courseId: 'e1' })).toBe(1)

  expect(await rate(D, 'e1', 5)).toMatchObject({ ok: false, error: { code: 'EVAL.NOT_ELIGIBLE' } })
  expect(await rate(A, 'e3', 5)).toMatchObject({ ok: false, error: { code: 'EVAL.NOT_ELIGIBLE' } })
  for (const bad of [0, 6, 3.5]) {
    expect(await rate(B, 'e1', bad)).toMatchObject({ ok: false, error: { code: 'EVAL.BAD_RATING' } })
  }
  expect(await rate(B, 'e1', 3, '好'.repeat(201))).toMatchObject({ ok: false, error: { code: 'EVAL.BAD_COMMENT' } })
  expect(cloud.store.count(COLLECTIONS.evaluations, { openid: B })).toBe(0)

  const mine = await callAs<MyEvaluation>(cloud, D, 'outcomes', 'myEvaluation', { courseId: 'e1' })
  expect(mine).toMatchObject({ ok: true, data: { block: 'not_attended', evaluation: null } })
  const running = await callAs<MyEvaluation>(cloud, A, 'outcomes', 'myEvaluation', { courseId: 'e3' })
  expect(running).toMatchObject({ ok: true, data: { block: 'not_finished' } })
})

it('lets a rating change for 7 days after it was first given, not a moment longer', async () => {
  seed()
  pinClock()
  await rate(C, 'e1', 2, '听不太懂')
  jest.setSystemTime(new Date(PINNED_NOW.getTime() + 7 * DAY - 1))
  expect(await rate(C, 'e1', 3)).toMatchObject({ ok: true, data: { evaluation: { rating: 3 } } })
  jest.setSystemTime(new Date(PINNED_NOW.getTime() + 7 * DAY))
  expect(await rate(C, 'e1', 5)).toMatchObject({ ok: false, error: { code: 'EVAL.EDIT_CLOSED' } })
  expect(cloud.store.find(COLLECTIONS.evaluations, { openid: C })[0]).toMatchObject({ rating: 3, comment: '' })
  const mine = await callAs<MyEvaluation>(cloud, C, 'outcomes', 'myEvaluation', { courseId: 'e1' })
  expect(mine).toMatchObject({ ok: true, data: { editable: false, evaluation: { rating: 3 } } })
})

it('lists the finished courses a worker attended, with their rating or none yet', async () => {
  seed()
  pinClock()
  await rate(A, 'e2', 5)
  const reply = await callAs<{ courses: EvaluationTodo[] }>(cloud, A, 'outcomes', 'myEvaluations')
  if (!reply.ok) throw new Error(reply.error.code)
  expect(reply.data.courses.map((c) => [c.courseId, c.evaluation?.rating ?? null]).sort()).toEqual([
    ['e1', null],
    ['e2', 5],
  ])
})

it('shows staff the mean, the spread and nameless comments per course, and per instructor', async () => {
  seed()
  pinClock()
  await rate(A, 'e1', 5, '很实用')
  await rate(B, 'e1', 4)
  await rate(C, 'e1', 2, '节奏太快')
  await rate(A, 'e2', 3)
  const course = await callAs<CourseEvaluations>(cloud, STAFF, 'outcomes', 'courseEvaluations', { courseId: 'e1' })
  if (!course.ok) throw new Error(course.error.code)
  expect(course.data.summary).toEqual({ count: 3, average: 3.7, distribution: [0, 1, 0, 1, 1] })
  expect(course.data.comments.map((c) => c.comment).sort()).toEqual(['很实用', '节奏太快'])
  expect(JSON.stringify(course.data)).not.toMatch(/o_eval|测试职工/)

  const ratings = await callAs<InstructorRatings>(cloud, STAFF, 'outcomes', 'instructorRatings')
  if (!ratings.ok) throw new Error(ratings.error.code)
  expect(ratings.data.programme).toEqual({ count: 4, average: 3.5, distribution: [0, 1, 1, 1, 1] })
  expect(ratings.data.instructors.map((i) => [i.instructor, i.courses, i.count, i.average])).toEqual([
    ['李老师', 1, 3, 3.7],
    ['陈老师', 1, 1, 3],
  ])
  expect(await callAs(cloud, A, 'outcomes', 'courseEvaluations', { courseId: 'e1' })).toMatchObject({
    ok: false,
    error: { code: 'AUTH.FORBIDDEN' },
  })
  expect(await callAs(cloud, A, 'outcomes', 'instructorRatings')).toMatchObject({
    ok: false,
    error: { code: 'AUTH.FORBIDDEN' },
  })
})
