import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useSession } from '@/hooks/use-session'
import { useStaffSummary } from '../../hooks/use-staff-summary'
import { useTodayLessons } from '../../hooks/use-today-lessons'
import { TodayLessons } from './today'
import { StaffGate } from '../staff-gate'
import { STAFF_ROUTES } from '../../routes'
import { OUTCOME_ROUTES } from '@/utils/outcome-routes'
import { LinkArea } from '@/components/link-area'
import './index.scss'

const prefix = 'xz-staff-home'

const ENTRIES = [
  {
    title: '课程管理',
    text: '编辑课程、调整名额、查看名单；每节课的签到码与考勤',
    url: STAFF_ROUTES.courses,
    mark: '课',
  },
  { title: '导入课程表', text: '粘贴或选择 CSV，先校验再导入', url: STAFF_ROUTES.import, mark: '导' },
  { title: '项目进度', text: '百日百课、万名职工的目标完成情况', url: STAFF_ROUTES.progress, mark: '进' },
  { title: '结业与证书', text: '已结课课程的结业认定、证书发放与撤销', url: OUTCOME_ROUTES.staffCourses, mark: '证' },
  {
    title: '项目成效',
    text: '评分、各单位参与、未满足需求；下载 Excel 报表',
    url: OUTCOME_ROUTES.staffReport,
    mark: '效',
  },
  { title: '点课管理', text: '职工想学的课：审核、合并、按票数转为课程', url: OUTCOME_ROUTES.staffWishes, mark: '点' },
] as const

function Summary() {
  const { summary, status, error, reload } = useStaffSummary()
  if (status === 'loading') {
    return (
      <View className={`${prefix}__stats`} ariaLabel="加载中">
        {[0, 1, 2].map((i) => (
          <View key={i} className={`${prefix}__stat`}>
            <View className={`${prefix}__bone`} />
            <View className={`${prefix}__bone ${prefix}__bone--label`} />
          </View>
        ))}
      </View>
    )
  }
  if (status === 'error' || !summary) {
    return (
      <View className={`${prefix}__stats-error`} onClick={() => void reload()}>
        {error?.message ?? '加载失败'}，点此重试
      </View>
    )
  }
  const pct = summary.capacity > 0 ? Math.round((summary.seatsTaken / summary.capacity) * 100) : 0
  return (
    <View className={`${prefix}__stats`}>
      <View className={`${prefix}__stat`}>
        <Text className={`${prefix}__stat-num`}>{summary.courses}</Text>
        <Text className={`${prefix}__stat-label`}>在列课程</Text>
      </View>
      <View className={`${prefix}__stat`}>
        <Text className={`${prefix}__stat-num`}>
          {summary.seatsTaken}
          <Text className={`${prefix}__stat-of`}>/{summary.capacity}</Text>
        </Text>
        <Text className={`${prefix}__stat-label`}>已占名额 / 总名额 · {pct}%</Text>
      </View>
      <View className={`${prefix}__stat`}>
        <Text className={`${prefix}__stat-num`}>{summary.waitlist}</Text>
        <Text className={`${prefix}__stat-label`}>候补人次</Text>
      </View>
    </View>
  )
}

function Today() {
  return <TodayLessons state={useTodayLessons()} />
}

export default function StaffHomePage() {
  const session = useSession()
  return (
    <StaffGate className={prefix}>
      <View className={prefix}>
        <View className={`${prefix}__head`}>
          <Text className={`${prefix}__title`}>工作人员工作台</Text>
          <Text className={`${prefix}__sub`}>
            {session.session?.name ? `${session.session.name}，您好 · ` : ''}新质课堂 · 百日百课
          </Text>
          <Summary />
        </View>

        <Today />

        <View className={`${prefix}__list`}>
          {ENTRIES.map((item) => (
            <LinkArea
              key={item.title}
              className={`${prefix}__item`}
              label={item.title}
              onOpen={() => void Taro.navigateTo({ url: item.url })}
            >
              <Text className={`${prefix}__mark`}>{item.mark}</Text>
              <View className={`${prefix}__item-body`}>
                <Text className={`${prefix}__item-title`}>{item.title}</Text>
                <Text className={`${prefix}__item-text`}>{item.text}</Text>
              </View>
              <Text className={`${prefix}__arrow`}>›</Text>
            </LinkArea>
          ))}
        </View>
      </View>
    </StaffGate>
  )
}
