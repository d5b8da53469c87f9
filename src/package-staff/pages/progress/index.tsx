import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { inShanghai, type CategoryStats, type ProgrammeStats } from '@core'
import { StateView } from '@/components/state-view'
import { useProgrammeStats } from '../../hooks/use-programme-stats'
import { usePullRefresh } from '@/hooks/use-pull-refresh'
import { StaffGate } from '../staff-gate'
import { fillWidth, formatCount, formatShare } from '../../lib/progress'
import { STAFF_ROUTES } from '../../routes'
import './index.scss'

const prefix = 'xz-staff-progress'

/** "19:05" today; "11月27日 19:05" when the figures are older than today. */
function updatedAt(asOf: string): string {
  const at = inShanghai(asOf)
  return at.isSame(inShanghai(Date.now()), 'day') ? at.format('HH:mm') : at.format('M月D日 HH:mm')
}

function Bar({ part, whole, label }: { part: number; whole: number; label: string }) {
  return (
    <View className={`${prefix}__track`} ariaRole="progressbar" ariaLabel={`${label} ${formatShare(part, whole)}`}>
      <View className={`${prefix}__fill`} style={{ width: `${fillWidth(part, whole)}%` }} />
    </View>
  )
}

interface TargetProps {
  label: string
  value: number
  target: number
  unit: string
  note?: string
}

function Target({ label, value, target, unit, note }: TargetProps) {
  return (
    <View className={`${prefix}__target`} ariaLabel={label}>
      <View className={`${prefix}__target-head`}>
        <Text className={`${prefix}__target-label`}>{label}</Text>
        <Text className={`${prefix}__target-pct`}>{formatShare(value, target)}</Text>
      </View>
      <Text className={`${prefix}__target-num`}>
        {formatCount(value)}
        <Text className={`${prefix}__target-of`}>
          {' '}
          / 目标 {formatCount(target)} {unit}
        </Text>
      </Text>
      <Bar part={value} whole={target} label={label} />
      {note ? <Text className={`${prefix}__target-note`}>{note}</Text> : null}
    </View>
  )
}

function Figure({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <View className={`${prefix}__figure`} ariaLabel={label}>
      <Text className={`${prefix}__figure-num`}>{value}</Text>
      <Text className={`${prefix}__figure-label`}>{label}</Text>
      {note ? <Text className={`${prefix}__figure-note`}>{note}</Text> : null}
    </View>
  )
}

function Category({ item }: { item: CategoryStats }) {
  return (
    <View className={`${prefix}__category`} ariaLabel={item.category}>
      <View className={`${prefix}__category-head`}>
        <Text className={`${prefix}__category-name`}>{item.category}</Text>
        <Text className={`${prefix}__category-seats`}>
          {formatCount(item.seatsTaken)} / {formatCount(item.capacity)} · {formatShare(item.seatsTaken, item.capacity)}
        </Text>
      </View>
      <Bar part={item.seatsTaken} whole={item.capacity} label={`${item.category}报名`} />
      <Text className={`${prefix}__category-meta`}>
        {item.courses} 门课程{item.waitlisted > 0 ? ` · 候补 ${formatCount(item.waitlisted)} 人` : ''}
      </Text>
    </View>
  )
}

function Figures({ stats }: { stats: ProgrammeStats }) {
  const { courses, seats, lessons, attendance, targets } = stats
  return (
    <>
      <View className={`${prefix}__section`}>
        {/* The target counts courses held: a course only scheduled has not 开课 yet. */}
        <Target
          label="已开课"
          value={courses.started}
          target={targets.courses}
          unit="门"
          note={`已排课 ${formatCount(courses.published)} 门 · 其中已结课 ${formatCount(courses.finished)} 门`}
        />
        <Target label="覆盖职工" value={stats.workersReached} target={targets.workers} unit="人" />
      </View>

      <View className={`${prefix}__grid`}>
        <Figure
          label="报名率"
          value={formatShare(seats.taken, seats.capacity)}
          note={`${formatCount(seats.taken)} / ${formatCount(seats.capacity)} 个名额`}
        />
        <Figure
          label="到课率"
          value={formatShare(attendance.checkIns, attendance.expected)}
          note={attendance.expected > 0 ? `迟到 ${formatCount(attendance.late)} 人次` : '尚无已上的课'}
        />
        <Figure label="已排课" value={formatCount(courses.published)} note="已发布，含未开课" />
        <Figure label="候补人数" value={formatCount(seats.waitlisted)} />
        <Figure label="已取消课程" value={formatCount(courses.cancelled)} />
        <Figure label="已上课次" value={formatCount(lessons.held)} />
        <Figure label="待上课次" value={formatCount(lessons.upcoming)} />
      </View>

      <View className={`${prefix}__section`}>
        <View className={`${prefix}__section-head`}>
          <Text className={`${prefix}__section-title`}>分类报名</Text>
          <Text className={`${prefix}__section-count`}>已报名 / 名额</Text>
        </View>
        {stats.byCategory.length > 0 ? (
          stats.byCategory.map((item) => <Category key={item.category} item={item} />)
        ) : (
          <Text className={`${prefix}__none`}>暂无分类数据</Text>
        )}
      </View>
    </>
  )
}

function Progress() {
  const { stats, status, error, reload, refresh } = useProgrammeStats()
  usePullRefresh(refresh)

  const empty = !!stats && stats.courses.published === 0 && stats.seats.capacity === 0
  return (
    <View className={prefix}>
      <View className={`${prefix}__head`}>
        <Text className={`${prefix}__title`}>新质课堂 · 项目进度</Text>
        <Text className={`${prefix}__slogan`}>百日百课，万名职工</Text>
        {stats && status === 'ready' ? (
          <Text className={`${prefix}__asof`}>更新于 {updatedAt(stats.asOf)} · 下拉可刷新</Text>
        ) : null}
      </View>

      {status === 'loading' ? <StateView status="loading" skeletonCount={3} /> : null}
      {status === 'error' ? (
        <StateView status="error" title={error?.message ?? '加载失败'} onAction={() => void reload()} />
      ) : null}
      {status === 'ready' && empty ? (
        <StateView
          status="empty"
          title="还没有排课"
          description="发布第一门课程后，这里会显示项目进度"
          actionText="去课程管理"
          onAction={() => void Taro.navigateTo({ url: STAFF_ROUTES.courses })}
        />
      ) : null}
      {status === 'ready' && stats && !empty ? <Figures stats={stats} /> : null}
    </View>
  )
}

export default function StaffProgressPage() {
  return (
    <StaffGate className={prefix}>
      <Progress />
    </StaffGate>
  )
}
