import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { EnrollmentView, SubscribeAnswer } from '@core'
import { EnrollmentCard } from '@/components/enrollment-card'
import { ReminderCard } from '@/components/reminder-card'
import { ResultSheet } from '@/components/result-sheet'
import { StateView } from '@/components/state-view'
import { useCheckinEntry } from '@/hooks/use-checkin'
import { useDevIdentity } from '@/hooks/use-dev-accounts'
import { useEnrollmentActions } from '@/hooks/use-enrollment'
import { useMyAttendance } from '@/hooks/use-my-attendance'
import { useMyEnrollments } from '@/hooks/use-my-enrollments'
import { useNow } from '@/hooks/use-now'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useSession } from '@/hooks/use-session'
import { useSubscriptions } from '@/hooks/use-subscriptions'
import avatarImage from '@/assets/avatar.png'
import { alert, confirm } from '@/utils/feedback'
import { cancelQuestion, cancelWindowHours, DECLINE_QUESTION, isRetryable } from '@/utils/enrollment-copy'
import { nextLesson } from '@/utils/format'
import { ROUTES } from '@/utils/routes'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import { changeSeat, type ExplainRefusal } from '@/utils/seat-change'
import './index.scss'

const prefix = 'xz-me'

function EntryRow(props: { title: string; note?: string; onClick: () => void; accent?: boolean }) {
  return (
    <View className={`${prefix}__row`} hoverClass={`${prefix}__row--pressed`} onClick={props.onClick}>
      <Text className={`${prefix}__row-title ${props.accent ? `${prefix}__row-title--accent` : ''}`.trim()}>
        {props.title}
      </Text>
      <Text className={`${prefix}__row-note`}>{props.note ?? ''}</Text>
      <Text className={`${prefix}__row-arrow`}>›</Text>
    </View>
  )
}

export default function MePage() {
  const session = useSession()
  const devIdentity = useDevIdentity()
  const mine = useMyEnrollments()
  const actions = useEnrollmentActions(() => mine.refresh())
  const [confirmed, setConfirmed] = useState<{ enrollment: EnrollmentView; reminded: boolean } | null>(null)
  const reminders = useSubscriptions()
  const [showPast, setShowPast] = useState(false)

  const attendance = useMyAttendance()
  const checkinEntry = useCheckinEntry()
  // The 签到 button appears 30 minutes before a lesson, also on a tab left open.
  const now = useNow(30_000)

  const refreshAll = async () => {
    const [reply] = await Promise.all([mine.refresh(), attendance.refresh(), reminders.refresh()])
    return reply
  }

  // A tab keeps its state: come back from a course page, the check-in page or the other tab and the list
  // must be current.
  useRefreshOnShow(refreshAll)

  usePullRefresh(refreshAll)

  const openCourse = (courseId: string) => void Taro.navigateTo({ url: ROUTES.course(courseId) })

  const explain: ExplainRefusal = async (refusal, retry) => {
    if (isRetryable(refusal.code)) {
      if (await confirm('请稍后再试', refusal.message, '重试', '稍后')) await retry()
    } else {
      await alert(refusal.message)
    }
  }

  const cancel = (e: EnrollmentView) =>
    void changeSeat(cancelQuestion(e, cancelWindowHours(e)), () => actions.cancel(e.courseId), explain)

  const decline = (e: EnrollmentView) => void changeSeat(DECLINE_QUESTION, () => actions.decline(e.courseId), explain)

  /** `asking`: the reminder dialog, opened first thing in the tap (WeChat allows it nowhere else). */
  const confirmOffer = async (e: EnrollmentView, asking: Promise<Record<string, SubscribeAnswer>>): Promise<void> => {
    const reply = await actions.confirm(e.courseId)
    if (!reply) return
    // No result or refusal dialog over the reminder dialog.
    const answers = await asking
    if (Object.keys(answers).length > 0) void reminders.refresh()
    if (reply.ok) setConfirmed({ enrollment: e, reminded: reminders.accepted(answers, 'lessonReminder') })
    else await explain(reply.error, () => confirmOffer(e, asking))
  }

  const pendingOn = (courseId: string) => {
    const p = actions.pending
    return p && p.courseId === courseId && p.action !== 'enroll' ? p.action : null
  }

  const confirmedCourse = confirmed?.enrollment.course
  const confirmedLessons = confirmed?.enrollment.lessons ?? []
  const confirmedLesson = nextLesson(confirmedLessons) ?? confirmedLessons[0] ?? null

  const attendedLessons = Object.values(attendance.lessons)
  const lateCount = attendedLessons.filter((a) => a.late).length

  const registered = session.profileComplete
  const name = session.session?.name ?? null
  const roleLabel = session.role === 'admin' ? '管理员' : session.role === 'staff' ? '工作人员' : ''

  const goProfile = () => void Taro.navigateTo({ url: ROUTES.profile })

  const switchIdentity = async () => {
    if (await confirm('切换身份', '将退出当前体验账号，回到身份选择页。', '切换')) {
      devIdentity.forget()
      void Taro.reLaunch({ url: ROUTES.login })
    }
  }

  return (
    <View className={prefix}>
      <View className={`${prefix}__header`} onClick={goProfile}>
        <View className={`${prefix}__avatar`}>
          {registered && name ? (
            <Text className={`${prefix}__avatar-text`}>{Array.from(name)[0]}</Text>
          ) : (
            <Image className={`${prefix}__avatar-image`} src={avatarImage} mode="aspectFit" />
          )}
        </View>
        <View className={`${prefix}__who`}>
          <View className={`${prefix}__name-line`}>
            <Text className={`${prefix}__name`}>{registered && name ? name : '未登记'}</Text>
            {roleLabel ? <Text className={`${prefix}__role`}>{roleLabel}</Text> : null}
          </View>
          <Text className={`${prefix}__sub`}>
            {session.status === 'loading' || session.status === 'idle'
              ? '正在加载…'
              : registered
                ? '点击查看或修改个人信息'
                : '完善个人信息后即可报名免费课程'}
          </Text>
        </View>
        <Text className={`${prefix}__header-arrow`}>›</Text>
      </View>

      {session.status === 'error' ? (
        <View className={`${prefix}__alert`} onClick={() => void session.refresh()}>
          {session.error?.message}，点此重试
        </View>
      ) : null}

      <View className={`${prefix}__heading`}>
        <Text className={`${prefix}__heading-title`}>我的课程</Text>
        {mine.status === 'ready' && mine.active.length > 0 ? (
          <Text className={`${prefix}__heading-extra`}>共 {mine.active.length} 门</Text>
        ) : null}
      </View>
      {mine.status === 'loading' ? <StateView status="loading" skeletonCount={1} /> : null}
      {mine.status === 'error' ? (
        <View className={`${prefix}__card`}>
          <StateView
            status="error"
            compact
            title={mine.error?.message ?? '加载失败'}
            onAction={() => void mine.reload()}
          />
        </View>
      ) : null}
      {mine.status === 'ready' && mine.active.length === 0 ? (
        <View className={`${prefix}__card`}>
          <StateView
            status="empty"
            compact
            title="还没有报名课程，去课程页看看"
            description="报名后，课程会显示在这里"
            actionText="去选课"
            onAction={() => void Taro.switchTab({ url: ROUTES.catalog })}
          />
        </View>
      ) : null}
      {mine.status === 'ready' && mine.active.length > 0 ? (
        <View className={`${prefix}__card ${prefix}__courses`}>
          {mine.active.map((e) => (
            <EnrollmentCard
              key={e.courseId}
              enrollment={e}
              pending={pendingOn(e.courseId)}
              disabled={actions.pending !== null}
              onOpen={openCourse}
              onCancel={cancel}
              onConfirm={(x) => void confirmOffer(x, reminders.ask())}
              onDecline={decline}
              attendance={attendance.lessons}
              onCheckIn={() => void checkinEntry.start()}
              now={now}
            />
          ))}
        </View>
      ) : null}
      {mine.status === 'ready' && mine.past.length > 0 ? (
        <View className={`${prefix}__card ${prefix}__history`}>
          <View
            className={`${prefix}__history-toggle`}
            hoverClass={`${prefix}__history-toggle--pressed`}
            onClick={() => setShowPast((v) => !v)}
            ariaRole="button"
            ariaLabel="历史记录"
          >
            <Text className={`${prefix}__history-title`}>历史记录</Text>
            <Text className={`${prefix}__history-note`}>
              {mine.past.length} 条 {showPast ? '收起' : '展开'}
            </Text>
            <Text className={`${prefix}__history-arrow ${showPast ? `${prefix}__history-arrow--open` : ''}`.trim()}>
              ›
            </Text>
          </View>
          {showPast ? (
            <View className={`${prefix}__history-list`}>
              {mine.past.map((e) => (
                <EnrollmentCard key={e.courseId} enrollment={e} variant="past" onOpen={openCourse} />
              ))}
            </View>
          ) : null}
        </View>
      ) : null}

      {reminders.visible && reminders.credits ? (
        <ReminderCard
          kinds={reminders.kinds}
          credits={reminders.credits}
          busy={reminders.asking}
          // A tap: the hook asks before anything else.
          onEnable={() => void reminders.enable()}
        />
      ) : null}

      <View className={`${prefix}__group`}>
        <EntryRow title="个人信息" note={registered ? '已登记' : '去完善'} onClick={goProfile} accent={!registered} />
        {session.isStaff ? (
          <EntryRow
            title="工作人员入口"
            note="课程管理 · 签到"
            onClick={() => void Taro.navigateTo({ url: ROUTES.staffHome })}
          />
        ) : null}
        {devIdentity.available ? (
          <EntryRow title="切换身份" note="本地体验" onClick={() => void switchIdentity()} />
        ) : null}
      </View>

      <View className={`${prefix}__card`}>
        <Text className={`${prefix}__card-title`}>考勤与证书</Text>
        {attendedLessons.length > 0 ? (
          <View className={`${prefix}__attendance`}>
            <View className={`${prefix}__attendance-stat`}>
              <Text className={`${prefix}__attendance-num`}>{attendedLessons.length}</Text>
              <Text className={`${prefix}__attendance-label`}>已签到课次</Text>
            </View>
            <View className={`${prefix}__attendance-stat`}>
              <Text className={`${prefix}__attendance-num ${prefix}__attendance-num--late`}>{lateCount}</Text>
              <Text className={`${prefix}__attendance-label`}>迟到</Text>
            </View>
            <Text className={`${prefix}__attendance-note`}>结业证书将在课程全部结束后发放</Text>
          </View>
        ) : (
          <StateView status="empty" compact title="暂无" description="上课签到与结业证书会显示在这里" />
        )}
      </View>

      <View className={`${prefix}__group`}>
        <EntryRow
          title="我的证书"
          note="查看、保存结业证书"
          onClick={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.certificates })}
        />
        <EntryRow
          title="证书查验"
          note="输入编号核对真伪"
          onClick={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.verify() })}
        />
      </View>

      <Text className={`${prefix}__footer`}>新质课堂 · 工会免费技能培训</Text>

      {confirmed && confirmedCourse ? (
        <ResultSheet
          visible
          outcome={{ kind: 'enrolled' }}
          courseTitle={confirmedCourse.title}
          firstLessonAt={confirmedLesson?.startsAt ?? confirmedCourse.firstLessonAt}
          venueName={(confirmedLesson?.venue ?? confirmedCourse.venue).name}
          venueAddress={(confirmedLesson?.venue ?? confirmedCourse.venue).address}
          reminded={confirmed.reminded}
          onClose={() => setConfirmed(null)}
        />
      ) : null}
    </View>
  )
}
