import { useEffect, useState } from 'react'
import { Text, Textarea, View } from '@tarojs/components'
import type { AttendanceEntry } from '@core'
import { toast } from '@/utils/feedback'
import { StaffDialog } from '../../components/staff-dialog'
import type { useAttendanceLive } from '../../hooks/use-attendance-live'
import { MANUAL_REASON_LIMITS, MANUAL_REASONS, reasonLength, reasonOk } from '../../lib/attendance'
import { prefix } from './prefix'

export interface MarkDialogProps {
  /** The worker to mark by hand; null when the dialog is closed. */
  target: AttendanceEntry | null
  attendance: ReturnType<typeof useAttendanceLive>
  onClose: () => void
  /** A new mark was saved: the page offers 撤销 for a few seconds. */
  onMarked: (target: AttendanceEntry) => void
}

/** Preselected, so 补签 takes two taps (补签 on the row, 确认补签); staff can pick or type another. */
const DEFAULT_REASON = '现场核实'

/** 补签: who it is (to check it is really them), a reason from the usual ones or typed, kept for the audit. */
export function MarkDialog({ target, attendance, onClose, onMarked }: MarkDialogProps) {
  const [reason, setReason] = useState('')
  const [markError, setMarkError] = useState('')
  const count = reasonLength(reason)

  useEffect(() => {
    setReason(DEFAULT_REASON)
    setMarkError('')
  }, [target])

  const submitMark = async () => {
    if (!target || !reasonOk(reason)) return
    const reply = await attendance.mark(target.ref, reason.trim())
    if (!reply.ok) {
      setMarkError(reply.error.message)
      return
    }
    onClose()
    if (reply.data.status === 'already') toast(`${target.name} 已签到过`, 'none')
    else onMarked(target)
  }

  return (
    <StaffDialog
      visible={target !== null}
      title={target ? `为 ${target.name} 补签` : '补签'}
      confirmText="确认补签"
      confirmDisabled={!reasonOk(reason)}
      loading={attendance.marking}
      onCancel={onClose}
      onConfirm={() => void submitMark()}
    >
      <View className={`${prefix}__dialog`}>
        <Text className={`${prefix}__dialog-hint`}>
          {target
            ? [target.employer, target.phoneTail ? `尾号 ${target.phoneTail}` : ''].filter(Boolean).join(' · ')
            : ''}
          {'\n'}补签记录会保存原因和操作人，请核实本人后操作
        </Text>
        <View className={`${prefix}__chips`}>
          {MANUAL_REASONS.map((r) => (
            <View
              key={r}
              className={`${prefix}__chip ${reason === r ? `${prefix}__chip--active` : ''}`.trim()}
              ariaRole="button"
              onClick={() => {
                setReason(r)
                setMarkError('')
              }}
            >
              {r}
            </View>
          ))}
        </View>
        <Textarea
          className={`${prefix}__reason`}
          value={reason}
          maxlength={MANUAL_REASON_LIMITS.max}
          placeholder="补签原因（2–50 个字）"
          ariaLabel="补签原因"
          onInput={(e) => {
            setReason(e.detail.value)
            setMarkError('')
          }}
        />
        <Text className={`${prefix}__reason-count`}>
          {count}/{MANUAL_REASON_LIMITS.max}
        </Text>
        {markError ? <Text className={`${prefix}__dialog-error`}>{markError}</Text> : null}
      </View>
    </StaffDialog>
  )
}
