import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { AccountDeletion } from '@/components/account-deletion'
import { ReminderCard } from '@/components/reminder-card'
import { useDeleteAccount } from '@/hooks/use-delete-account'
import { useDevIdentity } from '@/hooks/use-dev-accounts'
import { useMyAttendance } from '@/hooks/use-my-attendance'
import { useMyEnrollments } from '@/hooks/use-my-enrollments'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { useRefreshOnShow } from '@/hooks/use-refresh-on-show'
import { useSession } from '@/hooks/use-session'
import { useSubscriptions } from '@/hooks/use-subscriptions'
import { confirm, toast } from '@/utils/feedback'
import { ROUTES } from '@/utils/routes'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import { AttendanceSummary } from './attendance-summary'
import { EntryRow } from './entry-row'
import { MeHeader } from './me-header'
import { MyCourses } from './my-courses'
import { prefix } from './prefix'
import './index.scss'

const goProfile = () => void Taro.navigateTo({ url: ROUTES.profile })

export default function MePage() {
  const session = useSession()
  const mine = useMyEnrollments()
  const reminders = useSubscriptions()
  const attendance = useMyAttendance()

  const refreshAll = async () => {
    const [reply] = await Promise.all([mine.refresh(), attendance.refresh(), reminders.refresh()])
    return reply
  }

  // A tab keeps its state: come back from a course page, the check-in page or the other tab and the list
  // must be current.
  useRefreshOnShow(refreshAll)
  usePullRefresh(refreshAll)

  return (
    <View className={prefix}>
      <MeHeader session={session} onOpenProfile={goProfile} />
      {/* Staff open the app to work: their entrance comes first, above their own courses. */}
      {session.isStaff ? (
        <View className={`${prefix}__group`}>
          <EntryRow
            title="工作人员入口"
            note="今日课程 · 签到 · 课程管理"
            onClick={() => void Taro.navigateTo({ url: ROUTES.staffHome })}
          />
        </View>
      ) : null}
      <MyCourses mine={mine} attendance={attendance} reminders={reminders} />
      {reminders.visible && reminders.credits ? (
        <ReminderCard
          kinds={reminders.kinds}
          credits={reminders.credits}
          busy={reminders.asking}
          // A tap: the hook asks before anything else.
          onEnable={() => void reminders.enable()}
        />
      ) : null}
      <Entries registered={session.profileComplete} />
      <AttendanceSummary lessons={attendance.lessons} />
      <View className={`${prefix}__group`}>
        <EntryRow
          title="签到码"
          note="请工作人员扫码签到"
          onClick={() => void Taro.navigateTo({ url: ROUTES.checkinPass })}
        />
        <EntryRow
          title="我的证书"
          note="查看、保存结业证书"
          onClick={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.certificates })}
        />
        <EntryRow
          title="课程评价"
          note="为上过的课程打分"
          onClick={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.evaluations })}
        />
        <EntryRow
          title="职工点课"
          note="想学什么课，投一票"
          onClick={() => void Taro.navigateTo({ url: OUTCOME_ROUTES.wishes })}
        />
      </View>
      {session.profileComplete ? <DeleteAccount /> : null}
      <Text className={`${prefix}__footer`}>新质课堂 · 工会免费技能培训</Text>
    </View>
  )
}

function Entries({ registered }: { registered: boolean }) {
  const devIdentity = useDevIdentity()
  const switchIdentity = async () => {
    if (await confirm('切换身份', '将退出当前体验账号，回到身份选择页。', '切换')) {
      devIdentity.forget()
      void Taro.reLaunch({ url: ROUTES.login })
    }
  }
  return (
    <View className={`${prefix}__group`}>
      <EntryRow title="个人信息" note={registered ? '已登记' : '去完善'} onClick={goProfile} accent={!registered} />
      {devIdentity.available ? (
        <EntryRow title="切换身份" note="本地体验" onClick={() => void switchIdentity()} />
      ) : null}
    </View>
  )
}

function DeleteAccount() {
  const account = useDeleteAccount()
  const remove = async () => {
    if (!(await account.remove())) return
    toast('账号已注销', 'success')
    // Back to the first screen with nothing of the old session left (the H5 demo asks who you are again).
    void Taro.reLaunch({ url: ROUTES.catalog })
  }
  return <AccountDeletion deleting={account.deleting} error={account.error?.message} onDelete={() => void remove()} />
}
