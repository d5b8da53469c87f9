import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { StaffWishView } from '@core/contracts/wishes'
import { StateView } from '@/components/state-view'
import { alert, confirm, toast } from '@/utils/feedback'
import { CloseDialog, MergeDialog } from './dialogs'
import { useStaffWishes } from '../../hooks/use-staff-wishes'
import { STAFF_ROUTES } from '../../routes'
import { StaffGate } from '../staff-gate'
import { WishRow } from './wish-row'
import { WishFilters } from './filters'
import { prefix } from './prefix'
import './index.scss'

function Wishes() {
  const list = useStaffWishes()
  const [closing, setClosing] = useState<StaffWishView | null>(null)
  const [merging, setMerging] = useState<StaffWishView | null>(null)
  const [targets, setTargets] = useState<StaffWishView[]>([])

  const done = (reply: { ok: boolean; error?: { message: string } }, said: string) => {
    if (reply.ok) toast(said, 'success')
    else void alert(reply.error?.message ?? '操作失败')
    return reply.ok
  }
  const publish = async (w: StaffWishView) => {
    if (await confirm('公开这条点课', `「${w.title}」公开后，所有职工都能看到并投票。`, '公开')) {
      done(await list.decide(w.id, 'publish'), '已公开')
    }
  }
  const openMerge = async (w: StaffWishView) => {
    setMerging(w)
    setTargets((await list.targets()).filter((t) => t.id !== w.id))
  }
  const merge = async (targetId: string) => {
    if (merging && done(await list.decide(merging.id, 'merge', { targetId }), '已合并，票数已转入')) setMerging(null)
  }
  const close = async (reason: string) => {
    if (closing && done(await list.decide(closing.id, 'close', { reason }), '已关闭')) setClosing(null)
  }

  return (
    <View className={prefix}>
      <Text className={`${prefix}__hint`}>职工提交的点课先由您审核；按票数排序，行业分布来自投票职工填写的行业。</Text>
      <WishFilters state={list.state} industry={list.industry} onState={list.setState} onIndustry={list.setIndustry} />
      {list.status === 'loading' ? <StateView status="loading" skeletonCount={3} /> : null}
      {list.status === 'error' ? (
        <StateView status="error" title={list.error?.message ?? '加载失败'} onAction={() => void list.reload()} />
      ) : null}
      {list.status === 'ready' && list.wishes.length === 0 ? (
        <StateView
          status="empty"
          title={list.industry ? `还没有${list.industry}职工投票的点课` : '这里还没有点课'}
          description="职工在「我的 → 职工点课」提交想学的课程"
        />
      ) : null}
      {list.status === 'ready'
        ? list.wishes.map((w) => (
            <WishRow
              key={w.id}
              wish={w}
              onPublish={() => void publish(w)}
              onClose={() => setClosing(w)}
              onMerge={() => void openMerge(w)}
              onCourse={() => void Taro.navigateTo({ url: STAFF_ROUTES.courseFromWish(w) })}
            />
          ))
        : null}
      <CloseDialog
        wish={closing}
        busy={list.busy}
        onCancel={() => setClosing(null)}
        onConfirm={(reason) => void close(reason)}
      />
      <MergeDialog
        wish={merging}
        busy={list.busy}
        targets={targets}
        onCancel={() => setMerging(null)}
        onConfirm={(targetId) => void merge(targetId)}
      />
    </View>
  )
}

export default function StaffWishesPage() {
  return (
    <StaffGate className={prefix}>
      <Wishes />
    </StaffGate>
  )
}
