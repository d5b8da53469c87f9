/**
 * A newcomer's journeys through the compiled weapp (dist/) against the real functions: sign up with the
 * phone number from 微信手机号, enrol (allowing reminders on the tap), join a full course's waitlist and
 * confirm the seat offered, turn reminders on in 我的 and receive the lesson reminder in the outbox.
 * The tests run in order, as one person's day.
 */
import { CONSENT_VERSION } from '@core/contracts/user'
import { fireTrigger, listTriggers } from '../../local-cloud/timers'
import { PINNED_NOW } from '../helpers/cloud'
import { settle, waitUntil } from './harness'
import { moveLesson, openCourse, stored, useWeapp } from './setup'

jest.setTimeout(60_000)

const ME = 'o_weapp_newcomer'
const env = useWeapp(ME)
const now = PINNED_NOW

describe('a newcomer on the weapp', () => {
  let enrolledCourse = ''

  it('is asked to complete the profile, and signs up with the phone from 微信手机号', async () => {
    const catalog = env.open('pages/catalog/index')
    await catalog.waitForText('完善个人信息后即可报名课程')
    // Taro runs onLaunch after the first page mounts; the SDK is still initialised before the first call.
    expect(env.script.seen.calls.slice(0, 2)).toEqual(['cloud.init', 'user.login'])

    const profile = env.open('pages/profile/index')
    await profile.waitForText('我已阅读并同意《个人信息保护说明》')
    await profile.type('请输入真实姓名', '李文静')
    await profile.fire('getphonenumber', '微信手机号', { code: 'test_phone_13912345678', errMsg: 'getPhoneNumber:ok' })
    await profile.waitForText('已授权')
    await profile.type('如：市建工集团', '杭州湾新材料有限公司')
    await profile.tap('我已阅读并同意《个人信息保护说明》')
    await profile.tap('保存')
    await waitUntil(
      () => env.script.seen.toasts.includes('已保存'),
      () => `the 已保存 toast; the page shows ${profile.texts().join(' | ')}`,
    )
    expect(stored(env, 'users', ME)).toMatchObject({
      name: '李文静',
      phone: '13912345678',
      employer: '杭州湾新材料有限公司',
      consent: { version: CONSENT_VERSION },
    })
  })

  it('enrols from the course page, allowing reminders on the same tap', async () => {
    enrolledCourse = openCourse(env, now, 48)
    const course = env.open(`pages/course/index?id=${enrolledCourse}`)
    await course.tap('立即报名', { within: 'xz-enroll-bar' })
    await course.waitForText('报名成功')
    await course.waitForText('开课前一天会通过微信提醒您')
    expect(env.script.seen.subscribeAsks).toHaveLength(1)
    expect(stored(env, 'enrollments', `${enrolledCourse}_${ME}`)).toMatchObject({ status: 'enrolled' })
    await waitUntil(
      () => env.cloud.store.find('subscriptions', { openid: ME }).length === 3,
      () => 'three reminder credits',
    )

    // Second thoughts: 取消报名 asks first, and 再想想 (the modal's cancel) keeps the seat.
    env.script.modal = () => 'cancel'
    await course.tap('好的')
    await course.tap('取消报名', { within: 'xz-enroll-bar' })
    await waitUntil(
      () => env.script.seen.modals.some((m) => m.includes('取消后名额将让给候补人员')),
      () => 'the cancel confirmation',
    )
    // The modal answers on a timer queued when it opened; one later timer runs after the app has acted on it.
    await settle()
    expect(env.script.seen.calls).not.toContain('enrollment.cancel')
    expect(stored(env, 'enrollments', `${enrolledCourse}_${ME}`)).toMatchObject({ status: 'enrolled' })
    env.script.modal = () => 'confirm'
  })

  it('joins a full course’s waitlist and confirms the seat it is offered', async () => {
    const courseId = openCourse(env, now, 48, [enrolledCourse])
    env.cloud.store.update(
      'courses',
      { _id: courseId },
      { $set: { capacity: 1, seatsLeft: 1 } },
      { multi: false, merge: true, upsert: false },
    )
    await env.as('o_worker_001', 'enrollment', 'enroll', { courseId })

    const course = env.open(`pages/course/index?id=${courseId}`)
    await course.tap('加入候补', { within: 'xz-enroll-bar' })
    await course.waitForText('已加入候补')
    expect(stored(env, 'enrollments', `${courseId}_${ME}`)).toMatchObject({ status: 'waitlisted' })

    await env.as('o_worker_001', 'enrollment', 'cancel', { courseId })
    const me = env.open('pages/me/index')
    await me.waitForText('待确认')
    await me.tap('确认参加')
    await me.waitForText('报名成功')
    expect(stored(env, 'enrollments', `${courseId}_${ME}`)).toMatchObject({ status: 'enrolled' })
    expect(stored(env, 'courses', courseId)).toMatchObject({ capacity: 1, seatsTaken: 1, waitlistLength: 0 })
  })

  it('turns reminders on in 我的 and receives the lesson reminder, once', async () => {
    const me = env.open('pages/me/index')
    await me.waitForText('开启提醒')
    const asked = env.script.seen.subscribeAsks.length
    await me.tap('开启提醒')
    await waitUntil(
      () => env.script.seen.subscribeAsks.length === asked + 1,
      () => 'wx.requestSubscribeMessage on the 开启提醒 tap',
    )

    // The first lesson starts in 20 hours: the reminders timer sends it, and a second run nothing more.
    moveLesson(env, `${enrolledCourse}_l1`, now, 20 * 60)
    const trigger = listTriggers(env.cloud).find((t) => t.functionName === 'reminders')
    if (!trigger) throw new Error('the reminders function has no timer')
    await fireTrigger(env.cloud, trigger)
    await fireTrigger(env.cloud, trigger)
    const sent = env.cloud.openapi
      .outbox()
      .filter((m) => m.touser === ME && m.templateId === 'local_tmpl_lesson_reminder')
    expect(sent).toHaveLength(1)
    expect((sent[0].data as Record<string, { value: string }>).thing4.value).toBe('第1课，请提前到场扫码签到')
  })
})
