import { useMemo, useState } from 'react'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { EnrollmentStatus, RosterEntry } from '@core'
import { ListFooter } from '@/components/list-footer'
import { StaffRosterItem } from '../../components/staff-roster-item'
import { StateView } from '@/components/state-view'
import { useAdminRoster } from '../../hooks/use-admin-roster'
import { toast } from '@/utils/feedback'
import { StaffGate } from '../staff-gate'
import { RosterHead } from './head'
import { prefix } from './prefix'
import './index.scss'

const TABS: { status: EnrollmentStatus; label: string; empty: string }[] = [
  { status: 'enrolled', label: '已报名', empty: '暂无已报名的职工' },
  { status: 'offered', label: '待确认', empty: '暂无待确认递补名额的职工' },
  { status: 'waitlisted', label: '候补', empty: '暂无候补的职工' },
]

function byWaitlist(a: RosterEntry, b: RosterEntry): number {
  return (a.waitlistPosition ?? Number.MAX_SAFE_INTEGER) - (b.waitlistPosition ?? Number.MAX_SAFE_INTEGER)
}

function Roster({ courseId }: { courseId: string | undefined }) {
  const roster = useAdminRoster(courseId)
  const [tab, setTab] = useState<EnrollmentStatus>('enrolled')

  useReachBottom(() => {
    void roster.loadMore()
  })

  const groups = useMemo(() => {
    const out: Record<string, RosterEntry[]> = { enrolled: [], offered: [], waitlisted: [] }
    for (const e of roster.entries) out[e.status]?.push(e)
    out.waitlisted.sort(byWaitlist)
    return out
  }, [roster.entries])

  const exportRoster = async () => {
    const result = await roster.exportCsv()
    if (!result.ok) toast(result.message)
    else if (result.via === 'download') toast(`已导出 ${result.count ?? 0} 人名单`)
    else toast(`已复制 ${result.count ?? 0} 人名单，可粘贴到电脑表格`)
  }

  if (roster.status === 'loading') {
    return (
      <View className={prefix}>
        <StateView status="loading" skeletonCount={3} />
      </View>
    )
  }
  if (roster.status === 'error' || !roster.header) {
    return (
      <View className={prefix}>
        <StateView status="error" title={roster.error?.message ?? '加载失败'} onAction={() => void roster.reload()} />
      </View>
    )
  }

  const { header } = roster
  const list = groups[tab] ?? []
  // Tab counts cover loaded pages only; a "+" says more may follow.
  const more = roster.hasMore ? '+' : ''
  const current = TABS.find((t) => t.status === tab) ?? TABS[0]

  return (
    <View className={prefix}>
      <RosterHead header={header} exporting={roster.exporting} onExport={exportRoster} />

      <View className={`${prefix}__tabs`} ariaRole="tablist">
        {TABS.map((t) => (
          <View
            key={t.status}
            className={`${prefix}__tab ${tab === t.status ? `${prefix}__tab--active` : ''}`.trim()}
            ariaRole="tab"
            aria-selected={tab === t.status}
            onClick={() => setTab(t.status)}
          >
            {t.label} {groups[t.status].length}
            {more}
          </View>
        ))}
      </View>

      <View className={`${prefix}__list`}>
        {list.length === 0 ? (
          <StateView
            status="empty"
            compact
            title={current.empty}
            description={roster.hasMore ? '还有未加载的名单，点击下方「加载更多」' : ''}
          />
        ) : (
          list.map((entry, i) => <StaffRosterItem key={`${entry.phone}-${entry.status}-${i}`} entry={entry} />)
        )}
      </View>

      <ListFooter
        className={`${prefix}__footer`}
        pager={roster}
        doneText={roster.entries.length > 0 ? `— 已显示全部 ${roster.entries.length} 人 —` : ''}
      />
    </View>
  )
}

export default function StaffRosterPage() {
  const { params } = useRouter()
  return (
    <StaffGate className={prefix}>
      <Roster courseId={params.id || undefined} />
    </StaffGate>
  )
}
