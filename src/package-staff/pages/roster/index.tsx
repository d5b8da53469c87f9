import { useEffect, useMemo, useState } from 'react'
import { useReachBottom, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { EnrollmentStatus, RosterEntry } from '@core'
import { ListFooter } from '@/components/list-footer'
import { StaffRosterItem } from '../../components/staff-roster-item'
import { StateView } from '@/components/state-view'
import { useAdminRoster } from '../../hooks/use-admin-roster'
import { toast } from '@/utils/feedback'
import { StaffGate } from '../staff-gate'
import { ExportDialog } from './export-dialog'
import { RosterHead } from './head'
import { RosterSearch, squash } from './search'
import { prefix } from './prefix'
import './index.scss'

type Tab = EnrollmentStatus | 'all'

const TABS: { status: EnrollmentStatus; label: string; empty: string }[] = [
  { status: 'enrolled', label: '已报名', empty: '暂无已报名的职工' },
  { status: 'offered', label: '待确认', empty: '暂无待确认递补名额的职工' },
  { status: 'waitlisted', label: '候补', empty: '暂无候补的职工' },
]

function byWaitlist(a: RosterEntry, b: RosterEntry): number {
  return (a.waitlistPosition ?? Number.MAX_SAFE_INTEGER) - (b.waitlistPosition ?? Number.MAX_SAFE_INTEGER)
}

interface TabsProps {
  tab: Tab
  onTab: (t: EnrollmentStatus) => void
  counts: Record<string, RosterEntry[]>
  more: string
}

function Tabs({ tab, onTab, counts, more }: TabsProps) {
  return (
    <View className={`${prefix}__tabs`} ariaRole="tablist">
      {TABS.map((t) => (
        <View
          key={t.status}
          className={`${prefix}__tab ${tab === t.status ? `${prefix}__tab--active` : ''}`.trim()}
          ariaRole="tab"
          aria-selected={tab === t.status}
          onClick={() => onTab(t.status)}
        >
          {t.label} {counts[t.status].length}
          {more}
        </View>
      ))}
    </View>
  )
}

function groupEntries(entries: RosterEntry[], q: string): Record<string, RosterEntry[]> {
  const out: Record<string, RosterEntry[]> = { enrolled: [], offered: [], waitlisted: [], all: [] }
  for (const e of entries) {
    if (q && !squash(e.name).includes(q)) continue
    out[e.status]?.push(e)
    out.all.push(e)
  }
  out.waitlisted.sort(byWaitlist)
  return out
}

interface PeopleProps {
  list: RosterEntry[]
  empty: string
  hint: string
  onCall: (phone: string) => void
}

function People({ list, empty, hint, onCall }: PeopleProps) {
  return (
    <View className={`${prefix}__list`}>
      {list.length === 0 ? (
        <StateView status="empty" compact title={empty} description={hint} />
      ) : (
        list.map((entry, i) => (
          <StaffRosterItem key={`${entry.phone}-${entry.status}-${i}`} entry={entry} onCall={onCall} />
        ))
      )}
    </View>
  )
}

function Roster({ courseId }: { courseId: string | undefined }) {
  const roster = useAdminRoster(courseId)
  const [tab, setTab] = useState<Tab>('enrolled')
  const [query, setQuery] = useState('')
  const [exportOpen, setExportOpen] = useState(false)
  const cancelled = !!roster.header?.cancelled
  const q = squash(query)

  useReachBottom(() => {
    void roster.loadMore()
  })

  // A search covers the whole roster, not just the pages already on screen.
  const { hasMore, loadAll } = roster
  useEffect(() => {
    if (q && hasMore) void loadAll()
  }, [q, hasMore, loadAll])

  const groups = useMemo(() => groupEntries(roster.entries, q), [roster.entries, q])

  const exportRoster = async (fullPhones: boolean) => {
    const result = await roster.exportCsv(fullPhones)
    setExportOpen(false)
    if (!result.ok) toast(result.message)
    else if (result.via === 'download') toast(`已导出 ${result.count ?? 0} 人名单`)
    else toast(`已复制 ${result.count ?? 0} 人名单，可粘贴到电脑表格`)
  }

  if (roster.status === 'loading' || roster.status === 'error' || !roster.header) {
    return (
      <View className={prefix}>
        {roster.status === 'loading' ? (
          <StateView status="loading" skeletonCount={3} />
        ) : (
          <StateView status="error" title={roster.error?.message ?? '加载失败'} onAction={() => void roster.reload()} />
        )}
      </View>
    )
  }

  const { header } = roster
  // A cancelled course has one list: everyone it held, each with what they had.
  const shown: Tab = cancelled ? 'all' : tab
  const list = groups[shown] ?? []
  // Tab counts cover loaded pages only; a "+" says more may follow.
  const more = roster.hasMore ? '+' : ''
  const empty = q
    ? `没有找到姓名含「${query.trim()}」的职工`
    : cancelled
      ? '取消时没有已报名或候补的职工'
      : (TABS.find((t) => t.status === tab) ?? TABS[0]).empty
  const total = cancelled ? `${roster.entries.length}${more}` : header.seatsTaken + header.waitlistLength

  return (
    <View className={prefix}>
      <RosterHead header={header} exporting={roster.exporting} onExport={() => setExportOpen(true)} />
      {cancelled ? (
        <Text className={`${prefix}__cancelled`}>
          课程已取消：以下是取消时已报名和候补的 {roster.entries.length}
          {more} 位职工，系统已发通知，可逐一电话告知。
        </Text>
      ) : null}

      <RosterSearch query={query} onChange={setQuery} />

      {!cancelled ? <Tabs tab={tab} onTab={setTab} counts={groups} more={q ? '' : more} /> : null}

      <People
        list={list}
        empty={empty}
        hint={roster.hasMore && !q ? '还有未加载的名单，点击下方「加载更多」' : ''}
        onCall={(phone) => void roster.call(phone)}
      />

      <ListFooter
        className={`${prefix}__footer`}
        pager={roster}
        doneText={roster.entries.length > 0 ? `— 已显示全部 ${roster.entries.length} 人 —` : ''}
      />
      <ExportDialog
        visible={exportOpen}
        count={total}
        busy={roster.exporting}
        onExport={(full) => void exportRoster(full)}
        onClose={() => setExportOpen(false)}
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
