import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import { WISH_LIMITS, type StaffWishView } from '@core/contracts/wishes'
import { StaffDialog } from '../../components/staff-dialog'
import { prefix } from './prefix'

interface DialogProps {
  /** The wish being decided on; null when the dialog is closed. */
  wish: StaffWishView | null
  busy: boolean
  onCancel: () => void
}

/** 关闭: the reason is what the proposer reads, so it is asked for every time. */
export function CloseDialog({
  wish,
  busy,
  onCancel,
  onConfirm,
}: DialogProps & { onConfirm: (reason: string) => void }) {
  const [reason, setReason] = useState('')
  useEffect(() => setReason(''), [wish])
  const ok = Array.from(reason.trim()).length >= WISH_LIMITS.closeReason.min
  return (
    <StaffDialog
      visible={wish !== null}
      title="关闭这条点课"
      confirmText="确认关闭"
      danger
      confirmDisabled={!ok}
      loading={busy}
      onCancel={onCancel}
      onConfirm={() => onConfirm(reason.trim())}
    >
      <Textarea
        className={`${prefix}__reason`}
        value={reason}
        maxlength={WISH_LIMITS.closeReason.max}
        placeholder="关闭原因（2–100 个字），提议的职工会看到"
        ariaLabel="关闭原因"
        onInput={(e) => setReason(e.detail.value)}
      />
      <Text className={`${prefix}__note`}>提议的职工会在「职工点课」里看到这个原因</Text>
    </StaffDialog>
  )
}

/** 合并到…: one of the published wishes; the votes move there, a worker counted once. */
export function MergeDialog({
  wish,
  busy,
  targets,
  onCancel,
  onConfirm,
}: DialogProps & { targets: StaffWishView[]; onConfirm: (targetId: string) => void }) {
  const [target, setTarget] = useState('')
  useEffect(() => setTarget(''), [wish])
  return (
    <StaffDialog
      visible={wish !== null}
      title={`把「${wish?.title ?? ''}」合并到`}
      confirmText="确认合并"
      confirmDisabled={!target}
      loading={busy}
      onCancel={onCancel}
      onConfirm={() => onConfirm(target)}
    >
      <View className={`${prefix}__targets`}>
        {targets.length === 0 ? <Text className={`${prefix}__note`}>没有其他已公开的点课可以合并</Text> : null}
        {targets.map((t) => (
          <View
            key={t.id}
            className={`${prefix}__target ${target === t.id ? `${prefix}__target--active` : ''}`.trim()}
            ariaRole="radio"
            aria-checked={target === t.id}
            onClick={() => setTarget(t.id)}
          >
            {t.title}（{t.votes} 票）
          </View>
        ))}
        <Text className={`${prefix}__note`}>投票会转入目标点课，同一职工只计一票。</Text>
      </View>
    </StaffDialog>
  )
}
