/**
 * The reminder chain in a real browser: a worker enrols on the H5 build (whose stand-in for
 * wx.requestSubscribeMessage answers 允许), and the reminders timer then sends the day-before
 * reminder through the platform's subscribeMessage.send — once.
 */
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { at, button, moveLesson, openCourse, useE2e } from './helpers'

jest.setTimeout(60_000)

const env = useE2e()

it('a worker who allows reminders on the enrol tap gets one the day before the lesson', async () => {
  const courseId = openCourse(env)
  const title = String(env.demo.courses.find((c) => c._id === courseId)?.title)
  const worker = 'o_worker_150'
  const page = await env.phone(worker)
  await page.goto(at(env, `/pages/course/index?id=${courseId}`))
  await button(page.locator('.xz-enroll-bar'), '立即报名').tap()
  await page.getByText('报名成功').waitFor()
  // The sheet only promises a reminder when the worker allowed one.
  await page.getByText('开课前一天会通过微信提醒您', { exact: false }).waitFor()

  // The worker's 我的 says the reminder is on (the credit the tap earned); once sent, it is off again.
  await page.goto(at(env, '/pages/me/index'))
  await page.getByText('微信提醒').waitFor()
  await page.getByText('上课提醒：已开启', { exact: false }).waitFor()

  // The first lesson is tomorrow: the timer sends the reminder, and a second run sends nothing more.
  moveLesson(env, `${courseId}_l1`, 20 * 60)
  const trigger = listTriggers(env.cloud).find((t) => t.functionName === 'reminders')!
  await fireTrigger(env.cloud, trigger)
  await fireTrigger(env.cloud, trigger)
  const sent = env.cloud.openapi.outbox().filter((m) => m.touser === worker)
  expect(sent).toHaveLength(1)
  expect(sent[0].templateId).toBe('local_tmpl_lesson_reminder')
  const data = sent[0].data as Record<string, { value: string }>
  expect(title.startsWith(data.thing1.value.replace(/…$/, ''))).toBe(true)
  expect(data.thing4.value).toBe('第1课，请提前到场扫码签到')

  await page.reload()
  await page.getByText('上课提醒：未开启', { exact: false }).waitFor()
})
